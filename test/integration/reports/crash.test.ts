import { join } from 'node:path'
import { login } from '../harness.ts'
import { describe, expect, it } from 'vitest'
import { useSeededStub } from '../../seededBoss.ts'
import { spawnBff } from '../../spawnedBff.ts'

const stub = useSeededStub('crash')

const startBff = (storePath: string) =>
  spawnBff({
    PORT: '0',
    HOST: '127.0.0.1',
    BOSS_URL: stub.boss.url,
    STORE_PATH: storePath,
    OUTBOX_MAX_DELAY_SECONDS: '1',
    BOSS_TIMEOUT_MS: '2000',
  })

const admin = async (path: string, init?: RequestInit) => (await fetch(`${stub.boss.url}${path}`, init)).json()
const json = { 'content-type': 'application/json' }

describe('a BFF killed between accepting and delivering', () => {
  it('delivers the accepted ticket exactly once after a restart on the same store', async () => {
    const storePath = join(stub.dir, 'bff.sqlite')
    const sub = (
      (await admin('/admin/subscribers')) as Array<{
        deviceId: string
        cardNo: string
        customerId: string
        deviceKey: string
      }>
    )[0]
    const first = startBff(storePath)
    try {
      const url = await first.url
      const session = { token: await login({ bffUrl: url }, sub) }
      await admin('/admin/faults', { method: 'PUT', headers: json, body: JSON.stringify({ down: true }) })
      const res = await fetch(`${url}/api/v1/tickets`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${session.token}`, 'Idempotency-Key': 'crash-test-ticket-1' },
        body: JSON.stringify({ category: 'no-signal', presetId: 'area' }),
      })
      expect(res.status).toBe(202)
      const reference = (await res.json()).reference as string
      first.child.kill('SIGKILL')
      await first.exited
      await admin('/admin/faults/reset', { method: 'POST' })
      expect((await admin(`/admin/tickets?customerId=${sub.customerId}`)).tickets.count).toBe(0)

      const second = startBff(storePath)
      try {
        const url2 = await second.url
        let found: { ticketId: string; status: string } | undefined
        for (let i = 0; i < 100 && !found?.ticketId; i++) {
          await new Promise((r) => setTimeout(r, 200))
          const t = await fetch(`${url2}/api/v1/tickets/${reference}`, {
            headers: { authorization: `Bearer ${session.token}` },
          })
          found = await t.json()
        }
        expect(found).toMatchObject({ status: 'acknowledged', reference })
        await new Promise((r) => setTimeout(r, 1000))
        expect((await admin(`/admin/tickets?customerId=${sub.customerId}`)).tickets).toEqual({
          count: 1,
          serials: 1,
          repeatedSerials: 0,
        })
        second.child.kill('SIGTERM')
        await second.exited
        expect(second.output()).toContain('"msg":"stopped"')
      } finally {
        second.child.kill('SIGKILL')
      }
    } finally {
      first.child.kill('SIGKILL')
    }
  })
})
