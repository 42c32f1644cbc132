import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance } from 'fastify'
import { DEVICE_ID, provisionDevice } from '../devices.ts'

/**
 * The operator's provisioning desk: provision (or re-provision) a box, pair a smart card with a box
 * (a card moved to a replacement box: 换机). The key is answered once, to be written into the box.
 */
export function registerDeviceRoutes(app: FastifyInstance, db: DatabaseSync): void {
  app.post('/admin/devices', async (request, reply) => {
    const deviceId = (request.body as { deviceId?: unknown } | undefined)?.deviceId
    if (typeof deviceId !== 'string' || !DEVICE_ID.test(deviceId))
      return reply.code(400).send({ error: 'deviceId: 4-32 of A-Z a-z 0-9 _ -' })
    return reply.code(201).send({ deviceId, deviceKey: provisionDevice(db, deviceId) })
  })

  app.post('/admin/pairings', async (request, reply) => {
    const { deviceId, cardNo } = (request.body ?? {}) as { deviceId?: unknown; cardNo?: unknown }
    if (
      typeof deviceId !== 'string' ||
      !DEVICE_ID.test(deviceId) ||
      typeof cardNo !== 'string' ||
      !/^\d{16}$/.test(cardNo)
    ) {
      return reply.code(400).send({ error: 'deviceId and a 16-digit cardNo are required' })
    }
    if (!db.prepare('SELECT 1 FROM device WHERE stb_id = ?').get(deviceId))
      return reply.code(409).send({ error: 'box not provisioned' })
    const holder = db.prepare('SELECT card_no FROM customer WHERE stb_id = ?').get(deviceId) as
      { card_no: string } | undefined
    if (holder && holder.card_no !== cardNo)
      return reply.code(409).send({ error: 'box already paired with another card' })
    const moved = db.prepare('UPDATE customer SET stb_id = ? WHERE card_no = ?').run(deviceId, cardNo)
    if (Number(moved.changes) !== 1) return reply.code(404).send({ error: 'no such card' })
    return { deviceId, cardNo }
  })
}
