import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import { BillListResponse, ErrorBody, PaymentListResponse, SessionResponse } from '../../../src/contract/index.ts'
import { mockDemoDevices } from '../../../mocks/fixtures/households.ts'
import { householdData } from '../../../mocks/scenarios.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'
import { call, login, postJson, useScenario, walk, PROOF } from './mockClient.ts'

const server = setupServer()
const now = new Date('2026-11-22T12:15:00Z')
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => useScenario(server, 'normal', { now: () => now }))

const expectError = (res: { status: number; body: unknown }, status: number, code: string): void => {
  expect(res.status).toBe(status)
  expect(schemaErrors(ErrorBody, res.body)).toEqual([])
  expect((res.body as ErrorBody).error.code).toBe(code)
}

describe('session', () => {
  it('issues a token that opens the data routes', async () => {
    const res = await postJson('/api/v1/session', { deviceId: 'STB0000000001', cardNo: '8100000000000001', ...PROOF })
    expect(res.status).toBe(200)
    expect(schemaErrors(SessionResponse, res.body)).toEqual([])
    expect(Date.parse(res.body.expiresAt) - now.getTime()).toBe(res.body.expiresIn * 1000)
    expect((await call('/api/v1/account', { token: res.body.token })).status).toBe(200)
  })

  it.each([
    ['no body fields', {}],
    ['a missing card', { deviceId: 'STB0000000001' }],
    ['a 15-digit card', { deviceId: 'STB0000000001', cardNo: '810000000000001' }],
    ['a card with letters', { deviceId: 'STB0000000001', cardNo: '81000000000000A1' }],
    ['a numeric card', { deviceId: 'STB0000000001', cardNo: 8100000000000001 }],
    ['a too short device id', { deviceId: 'STB', cardNo: '8100000000000001' }],
    ['a device id with spaces', { deviceId: 'STB 0001', cardNo: '8100000000000001' }],
    ['an array', [{ deviceId: 'STB0000000001', cardNo: '8100000000000001' }]],
  ])('refuses %s with 400', async (_what, body) => {
    expectError(await postJson('/api/v1/session', body), 400, 'BAD_REQUEST')
  })

  it('refuses a body that is not JSON with 400', async () => {
    const res = await call('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"deviceId":',
    })
    expectError(res, 400, 'BAD_REQUEST')
  })

  it('refuses a box and card that do not belong together with 401', async () => {
    const [first, second] = mockDemoDevices
    expectError(
      await postJson('/api/v1/session', { deviceId: first.deviceId, cardNo: second.cardNo, ...PROOF }),
      401,
      'UNAUTHORIZED',
    )
  })

  it('refuses missing, foreign and expired tokens', async () => {
    expectError(await call('/api/v1/account'), 401, 'UNAUTHORIZED')
    expectError(await call('/api/v1/account', { token: 'not-a-token' }), 401, 'UNAUTHORIZED')
    expectError(await call('/api/v1/account', { headers: { Authorization: 'Basic abc' } }), 401, 'UNAUTHORIZED')
    useScenario(server, 'normal', { now: () => now, tokenTtlSeconds: 60 })
    const token = await login()
    useScenario(server, 'normal', { now: () => new Date(now.getTime() + 61_000) })
    expectError(await call('/api/v1/account', { token }), 401, 'TOKEN_EXPIRED')
  })
})

describe('paging', () => {
  it.each(['normal', 'arrears', 'empty'] as const)(
    'walks every bill and payment exactly once (%s)',
    async (scenario) => {
      useScenario(server, scenario, { now: () => now })
      const token = await login()
      const expected = householdData(scenario, mockDemoDevices[0], now)
      for (const limit of [1, 5, 7, 50, undefined]) {
        const bills = await walk('/api/v1/bills', token, limit)
        expect(bills.items.map((b) => b.billId)).toEqual(expected.bills.map((b) => b.billId))
        expect(bills.pages).toBe(Math.max(1, Math.ceil(expected.bills.length / (limit ?? 20))))
        const payments = await walk('/api/v1/payments', token, limit)
        expect(payments.items.map((p) => p.paymentId)).toEqual(expected.payments.map((p) => p.paymentId))
      }
    },
  )

  it('answers pages that validate against the contract', async () => {
    const token = await login()
    const bills = await call('/api/v1/bills?limit=5', { token })
    expect(schemaErrors(BillListResponse, bills.body)).toEqual([])
    expect(bills.body.items).toHaveLength(5)
    const payments = await call('/api/v1/payments?limit=5', { token })
    expect(schemaErrors(PaymentListResponse, payments.body)).toEqual([])
  })

  it.each(['limit=0', 'limit=51', 'limit=abc', 'limit=2.5', 'cursor=o999', 'cursor=zzz', 'cursor=a.b'])(
    'refuses %s with 400',
    async (query) => {
      const token = await login()
      expectError(await call(`/api/v1/bills?${query}`, { token }), 400, 'BAD_REQUEST')
    },
  )
})

describe('bills', () => {
  it("answers 404 for an unknown bill and for another household's bill", async () => {
    const token = await login(mockDemoDevices[1])
    expectError(await call('/api/v1/bills/B209901C00000002', { token }), 404, 'NOT_FOUND')
    const foreign = householdData('normal', mockDemoDevices[0], now).bills[0].billId
    expectError(await call(`/api/v1/bills/${foreign}`, { token }), 404, 'NOT_FOUND')
  })

  it.each(['bad!id', 'x'.repeat(41), 'bill%20one'])('answers 400 for the malformed id %s', async (billId) => {
    const token = await login()
    expectError(await call(`/api/v1/bills/${billId}`, { token }), 400, 'BAD_REQUEST')
  })
})

describe('behaviour scenarios', () => {
  it.each(['/api/v1/account', '/api/v1/bills', '/api/v1/bills/B202610C00000001', '/api/v1/payments'])(
    'boss-down answers %s with 503 BOSS_UNAVAILABLE',
    async (path) => {
      useScenario(server, 'boss-down', { now: () => now })
      const res = await call(path, { token: await login() })
      expectError(res, 503, 'BOSS_UNAVAILABLE')
      expect(res.body.error.retryAfter).toBeGreaterThan(0)
      expect(res.headers.get('Retry-After')).toBe(String(res.body.error.retryAfter))
    },
  )

  it('slow answers with normal data after its delay', { timeout: 15_000 }, async () => {
    useScenario(server, 'slow', { now: () => now })
    const started = performance.now()
    const token = await login()
    const res = await call('/api/v1/account', { token })
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 2400)
    expect(res.body).toEqual(householdData('normal', mockDemoDevices[0], now).account)
  })

  it('answers unknown routes under the API with 404 ErrorBody', async () => {
    expectError(await call('/api/v1/nothing-here'), 404, 'NOT_FOUND')
    expectError(await call('/api/v1/account', { method: 'DELETE' }), 404, 'NOT_FOUND')
  })
})
