import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBossStub } from '../../boss-stub/stub.ts'

/**
 * The stub's admin API moves money, shows PINs and (in development) device keys: on the network it needs a
 * token, and production never hands out device keys.
 */
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tvhall-stub-admin-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('boss-stub admin API', () => {
  it('refuses to listen on all interfaces without an admin token', async () => {
    await expect(startBossStub({ port: 0, host: '0.0.0.0', dbPath: join(dir, 'a.sqlite') })).rejects.toThrow(
      /BOSS_ADMIN_TOKEN/,
    )
  })

  it('with a token, answers admin calls only with it; the gateway and pay page are not admin', async () => {
    const stub = await startBossStub({
      port: 0,
      host: '0.0.0.0',
      dbPath: join(dir, 'b.sqlite'),
      adminToken: 'a-long-admin-token-for-tests',
    })
    try {
      const url = stub.url.replace('0.0.0.0', '127.0.0.1')
      for (const path of ['/admin/subscribers', '/admin/stats', '/admin/accounts/C00000001']) {
        expect((await fetch(`${url}${path}`)).status).toBe(401)
        expect(
          (await fetch(`${url}${path}`, { headers: { authorization: 'Bearer wrong-token-of-same-len-xx' } })).status,
        ).toBe(401)
      }
      expect(
        (
          await fetch(`${url}/admin/faults`, {
            method: 'PUT',
            body: '{"down":true}',
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(401)
      const ok = await fetch(`${url}/admin/stats`, {
        headers: { authorization: 'Bearer a-long-admin-token-for-tests' },
      })
      expect(ok.status).toBe(200)
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
    } finally {
      await stub.close()
    }
  })

  it('hands out device keys only in development', async () => {
    const dev = await startBossStub({ port: 0, dbPath: join(dir, 'c.sqlite'), devProvisioning: true })
    const devList = (await (await fetch(`${dev.url}/admin/subscribers`)).json()) as { deviceKey?: string }[]
    await dev.close()
    expect(devList[0].deviceKey).toMatch(/^[0-9a-f]{64}$/)
    const prod = await startBossStub({ port: 0, dbPath: join(dir, 'c.sqlite'), devProvisioning: false })
    const prodList = (await (await fetch(`${prod.url}/admin/subscribers`)).json()) as { deviceKey?: string }[]
    await prod.close()
    expect(prodList.every((s) => s.deviceKey === undefined)).toBe(true)
  })
})
