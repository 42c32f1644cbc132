import type { AddressInfo } from 'node:net'
import type { Socket } from 'node:net'
import type { DatabaseSync } from 'node:sqlite'
import Fastify from 'fastify'
import { registerAccountRoutes } from './admin/accounts.ts'
import { registerFaultRoutes } from './admin/faults.ts'
import { createRequestStats, registerStatsRoutes } from './admin/stats.ts'
import { registerSubscriberRoutes } from './admin/subscribers.ts'
import { registerDeviceRoutes } from './admin/devices.ts'
import { provisionSeededDevices } from './devices.ts'
import { timingSafeEqual } from 'node:crypto'
import { registerTicketAdminRoutes } from './admin/tickets.ts'
import { registerPayPage } from './pay/routes.ts'
import { registerPrepaidCardRoutes } from './admin/topups.ts'
import { ensureSeeded, openBossDb } from './db/open.ts'
import { createFaultSwitch } from './faults.ts'
import { registerGateway } from './gateway.ts'
import { formatDate } from './protocol/time.ts'

export type BossStubOptions = {
  port?: number
  host?: string
  dbPath?: string
  secret?: string
  channel?: string
  reseed?: boolean
  /** how fast repair tickets move on by themselves (1 = real time, 60 = a minute per second) */
  ticketSpeed?: number
  /** base URL the QR codes point phones at (the pay page); default the stub's own URL */
  publicUrl?: string
  /** fastify request logging (never bodies, so no PINs or card passwords) */
  logger?: boolean
  /**
   * Bearer token the admin API (/admin/…) requires. Without one the admin API answers only while the stub
   * listens on loopback: bound to any other address without a token, the stub refuses to start.
   */
  adminToken?: string
  /**
   * Development only: the subscriber list also shows each box's device key, so the demo links, the emulator
   * and the tests can play the box. Off in production (NODE_ENV=production), where keys stay in the BOSS.
   */
  devProvisioning?: boolean
}

export type BossStub = {
  url: string
  port: number
  close(): Promise<void>
  db: DatabaseSync
  adminToken: string | undefined
}

export const DEFAULT_SECRET = 'tvhall-dev-secret'
export const DEFAULT_CHANNEL = 'TVHALL'

export async function startBossStub(opts: BossStubOptions = {}): Promise<BossStub> {
  const host = opts.host ?? '127.0.0.1'
  if (!opts.adminToken && !isLoopback(host)) {
    throw new Error(
      `boss-stub: BOSS_ADMIN_TOKEN is required to listen on ${host} (the admin API moves money and shows PINs)`,
    )
  }
  const db = openBossDb(opts.dbPath ?? '.data/boss.sqlite')
  ensureSeeded(db, formatDate(new Date()), opts.reseed === true)
  provisionSeededDevices(db)

  const held = new Set<Socket>()
  const app = Fastify({ logger: opts.logger === true, forceCloseConnections: true })
  const stats = createRequestStats()
  const faults = createFaultSwitch()
  /** set once listening (the port may be random) */
  let ownUrl = ''

  registerGateway(app, {
    db,
    faults,
    stats,
    held,
    secrets: { [opts.channel ?? DEFAULT_CHANNEL]: opts.secret ?? DEFAULT_SECRET },
    log: (msg, err) => app.log.error({ err }, msg),
    ticketSpeed: opts.ticketSpeed,
    publicUrl: () => (opts.publicUrl ?? ownUrl).replace(/\/+$/, ''),
  })
  if (opts.adminToken) {
    const expected = Buffer.from(`Bearer ${opts.adminToken}`)
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/admin')) return
      const given = Buffer.from(request.headers.authorization ?? '')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'admin token required' })
      }
    })
  }
  registerSubscriberRoutes(app, db, { deviceKeys: opts.devProvisioning ?? process.env.NODE_ENV !== 'production' })
  registerDeviceRoutes(app, db)
  registerAccountRoutes(app, db)
  registerFaultRoutes(app, faults)
  registerStatsRoutes(app, db, stats)
  registerTicketAdminRoutes(app, db)
  registerPayPage(app, db)
  registerPrepaidCardRoutes(app, db)
  app.get('/healthz', async () => ({ ok: true, down: faults.get().down }))

  await app.listen({ port: opts.port ?? 8090, host })
  const port = (app.server.address() as AddressInfo).port
  ownUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  let closed = false
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    adminToken: opts.adminToken,
    async close() {
      if (closed) return
      closed = true
      for (const socket of held) socket.destroy()
      await app.close()
      db.close()
    },
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}
