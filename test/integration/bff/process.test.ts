import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BossStub } from '../../../boss-stub/stub.ts'
import { seededBossStub } from '../../seededBoss.ts'
import { sessionBody } from '../harness.ts'
import { spawnBff as startBff } from '../../spawnedBff.ts'

let boss: BossStub
let dir: string
let close: (() => Promise<void>) | undefined
beforeAll(async () => {
  ;({ boss, dir, close } = await seededBossStub('proc'))
})
afterAll(() => close?.())

describe('node src/bff/main.ts', () => {
  it('starts from the environment, serves, and on SIGTERM finishes in-flight requests and exits 0', async () => {
    const bff = startBff({
      PORT: '0',
      HOST: '127.0.0.1',
      BOSS_URL: boss.url,
      STORE_PATH: join(dir, 'bff.sqlite'),
      BOSS_TIMEOUT_MS: '5000',
    })
    try {
      const url = await bff.url
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' })
      expect((await fetch(`${url}/readyz`)).status).toBe(200)

      // A slow BOSS keeps a log-in in flight while the process is told to stop.
      const subs = (await (await fetch(`${boss.url}/admin/subscribers`)).json()) as {
        deviceId: string
        cardNo: string
        deviceKey: string
      }[]
      const body = await sessionBody({ bffUrl: url }, subs[0])
      await fetch(`${boss.url}/admin/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"latencyMs":700}',
      })
      const inFlight = fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      await new Promise((r) => setTimeout(r, 200))
      bff.child.kill('SIGTERM')
      const res = await inFlight
      expect(res.status).toBe(200)
      expect((await res.json()).token).toBeTruthy()
      const code = await bff.exited
      if (code !== 0) console.log(bff.output())
      expect(code).toBe(0)
      expect(bff.output()).toContain('"msg":"stopped"')
      await expect(fetch(`${url}/healthz`)).rejects.toThrow()
    } finally {
      bff.child.kill('SIGKILL')
      await fetch(`${boss.url}/admin/faults/reset`, { method: 'POST' })
    }
  })

  it('refuses to start in production with the development JWT key', async () => {
    const bff = startBff({ NODE_ENV: 'production', PORT: '0', STORE_PATH: join(dir, 'p.sqlite') })
    expect(await bff.exited).toBe(2)
    expect(bff.output()).toMatch(/JWT_SECRET must be set in production/)
  })
})
