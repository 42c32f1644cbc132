import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import { mockDemoDevice } from '../../../mocks/fixtures/households.ts'
import { SESSION_LOCK_S, SESSION_MAX_FAILURES } from '../../../mocks/session.ts'
import { call, login, postJson, PROOF, useScenario } from './mockClient.ts'

// The mocks answer the edge cases the way the real BFF does (found by the contract tests), so the
// app meets the same errors in preview as in the field.
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('session lockout', () => {
  it('counts down attemptsLeft, then locks the box for the lock period', async () => {
    let now = new Date('2026-11-22T12:00:00Z')
    useScenario(server, 'normal', { now: () => now })
    const guess = { deviceId: mockDemoDevice.deviceId, cardNo: '8100999999999999', ...PROOF }
    for (let i = 1; i <= SESSION_MAX_FAILURES; i++) {
      const res = await postJson('/api/v1/session', guess)
      expect(res.status).toBe(401)
      expect(res.body.error.attemptsLeft).toBe(SESSION_MAX_FAILURES - i)
    }
    const own = { deviceId: mockDemoDevice.deviceId, cardNo: mockDemoDevice.cardNo, ...PROOF }
    const locked = await postJson('/api/v1/session', own)
    expect(locked.status).toBe(429)
    expect(locked.body.error).toMatchObject({ code: 'LOCKED', retryAfter: SESSION_LOCK_S, attemptsLeft: 0 })
    expect(locked.headers.get('Retry-After')).toBe(String(SESSION_LOCK_S))
    now = new Date(now.getTime() + SESSION_LOCK_S * 1000)
    expect((await postJson('/api/v1/session', own)).status).toBe(200)
  })

  it("forgets the box's misses once its right card gets in", async () => {
    useScenario(server, 'normal')
    const guess = (n: number) => ({ deviceId: mockDemoDevice.deviceId, cardNo: `81009999999999${10 + n}`, ...PROOF })
    for (let i = 1; i < SESSION_MAX_FAILURES; i++) await postJson('/api/v1/session', guess(i))
    await login()
    expect((await postJson('/api/v1/session', guess(0))).body.error.attemptsLeft).toBe(SESSION_MAX_FAILURES - 1)
  })
})

describe('strict input', () => {
  it('refuses unknown session properties instead of dropping them', async () => {
    useScenario(server, 'normal')
    const res = await postJson('/api/v1/session', { ...mockDemoDevice, ...PROOF })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('customerId')
  })

  it.each([
    ['text/plain', 400],
    ['application/xml', 415],
  ])('refuses a %s session body with %i', async (type, status) => {
    useScenario(server, 'normal')
    const body = JSON.stringify({ deviceId: mockDemoDevice.deviceId, cardNo: mockDemoDevice.cardNo, ...PROOF })
    const res = await call('/api/v1/session', { method: 'POST', headers: { 'Content-Type': type }, body })
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe('BAD_REQUEST')
  })

  it.each([
    ['/api/v1/bills?sort=month', 400],
    ['/api/v1/bills?limit=1&limit=2', 400],
    ['/api/v1/bills/', 400],
    ['/api/v1/account/', 404],
    ['/api/v1/payments/', 404],
  ])('answers %s with %i', async (path, status) => {
    useScenario(server, 'normal')
    const res = await call(path, { token: await login() })
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(status === 400 ? 'BAD_REQUEST' : 'NOT_FOUND')
  })
})
