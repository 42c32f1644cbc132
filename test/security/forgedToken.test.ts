import { createSigner } from 'fast-jwt'
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/bff/config.ts'
import { api, login, startStack, type Stack } from '../integration/harness.ts'

/**
 * Attack 1 of issue 15: a known signing secret. The old BFF signed and accepted tokens with a constant from its
 * source unless NODE_ENV=production, and accepted tokens without `exp`: anyone could mint a session for any household.
 */
const KNOWN_CONSTANT = 'tvhall-dev-jwt-secret-change-me-in-production'
const SECRET = 'a-test-signing-key-of-at-least-32-characters'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ bff: { jwtSecret: SECRET } })
})
afterAll(() => stack?.close())

const claimsOf = (sub: { customerId: string; deviceId: string }) => ({
  customerId: sub.customerId,
  accountId: `A${sub.customerId.slice(1)}`,
  deviceId: sub.deviceId,
  cardNoMasked: '8100********0001',
  customerName: 'x',
  regionCode: '320100',
  regionName: 'x',
})

describe('forged and incomplete tokens', () => {
  it('a token minted with the constant that used to be in the code reads nothing', async () => {
    const dev = await startStack()
    try {
      const victim = dev.bySubscriber('normal')
      const forged = createSigner({ key: KNOWN_CONSTANT, expiresIn: 600_000 })(claimsOf(victim))
      const res = await api(dev, 'GET', '/api/v1/account', { token: forged })
      expect(res.status).toBe(401)
    } finally {
      await dev.close()
    }
  })

  it('tokens without exp, iat, iss, aud or jti are refused even under the right key', async () => {
    const victim = stack.bySubscriber('normal')
    const full = { iss: 'tvhall-bff', aud: 'tvhall-box', jti: 'j-1', sid: 's-1', ...claimsOf(victim) }
    const noExp = createSigner({ key: SECRET })({ ...full, iat: Math.floor(Date.now() / 1000) })
    expect((await api(stack, 'GET', '/api/v1/account', { token: noExp })).status).toBe(401)
    for (const drop of ['iss', 'aud', 'jti'] as const) {
      const partial: Record<string, unknown> = { ...full }
      delete partial[drop]
      const token = createSigner({ key: SECRET, expiresIn: 60_000 })(partial)
      expect((await api(stack, 'GET', '/api/v1/account', { token })).status, drop).toBe(401)
    }
  })

  it('refresh tokens rotate; a refresh token used twice ends the whole session; logout ends it too', async () => {
    const sub = stack.bySubscriber('arrears')
    const first = await login(stack, sub, { full: true })
    expect(first.expiresIn).toBeLessThanOrEqual(600)
    const rotated = await api(stack, 'POST', '/api/v1/session/refresh', { body: { refreshToken: first.refreshToken } })
    expect(rotated.status).toBe(200)
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken)
    expect((await api(stack, 'GET', '/api/v1/account', { token: rotated.body.token })).status).toBe(200)

    // The old refresh token again (stolen copy): refused, and every token of that session with it.
    const replay = await api(stack, 'POST', '/api/v1/session/refresh', { body: { refreshToken: first.refreshToken } })
    expect(replay.status).toBe(401)
    expect((await api(stack, 'GET', '/api/v1/account', { token: rotated.body.token })).status).toBe(401)
    expect(
      (await api(stack, 'POST', '/api/v1/session/refresh', { body: { refreshToken: rotated.body.refreshToken } }))
        .status,
    ).toBe(401)

    const again = await login(stack, sub, { full: true })
    expect((await api(stack, 'POST', '/api/v1/session/logout', { token: again.token })).status).toBe(204)
    expect((await api(stack, 'GET', '/api/v1/account', { token: again.token })).status).toBe(401)
    expect(
      (await api(stack, 'POST', '/api/v1/session/refresh', { body: { refreshToken: again.refreshToken } })).status,
    ).toBe(401)
  })
})

describe('the signing key', () => {
  it('production refuses to start without one; the demo makes a random one in its data folder, mode 0600', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', BOSS_URL: 'http://boss:8090' })).toThrow(/JWT_SECRET/)
    const dirs = [mkdtempSync(join(tmpdir(), 'tvhall-key-')), mkdtempSync(join(tmpdir(), 'tvhall-key-'))]
    try {
      const keys: string[] = []
      for (const dir of dirs) {
        const s = await startStack({ bff: { jwtSecret: undefined, storePath: join(dir, 'bff.sqlite') } })
        await s.close()
        const file = join(dir, 'jwt.key')
        expect(statSync(file).mode & 0o777).toBe(0o600)
        keys.push(readFileSync(file, 'utf8').trim())
      }
      expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43,}$/)
      expect(keys[0]).not.toBe(keys[1])
      expect(keys[0]).not.toBe(KNOWN_CONSTANT)
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  })
})
