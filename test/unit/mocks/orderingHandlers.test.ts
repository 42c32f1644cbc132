import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import { ErrorBody, Order, OrderQuote, SpendingLimit, Subscription } from '../../../src/contract/index.ts'
import { mockDemoDevices } from '../../../mocks/fixtures/households.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'
import type { ScenarioName } from '../../../mocks/scenarios.ts'
import { call, login, useScenario } from './mockClient.ts'

const server = setupServer()
let clock = new Date('2026-11-22T12:15:00Z')
const now = () => clock
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => {
  clock = new Date('2026-11-22T12:15:00Z')
  useScenario(server, 'normal', { now })
})

const PIN = '123456'
let keys = 0
const send = (method: string, path: string, token: string, body: unknown, key: string | null = null) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (key !== null) headers['Idempotency-Key'] = key
  return call(path, { method, token, headers, body: JSON.stringify(body) })
}
const order = (token: string, body: Record<string, unknown>, key = `unit-key-${++keys}`) =>
  send('POST', '/api/v1/orders', token, { pin: PIN, periodMonths: 1, ...body }, key)
const quote = async (token: string, productId: string, periodMonths = 1): Promise<OrderQuote> => {
  const res = await send('POST', '/api/v1/orders/quote', token, { productId, periodMonths })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(schemaErrors(OrderQuote, res.body)).toEqual([])
  return res.body
}
const expectError = (res: { status: number; body: unknown }, status: number, code: string): ErrorBody['error'] => {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(schemaErrors(ErrorBody, res.body)).toEqual([])
  expect((res.body as ErrorBody).error.code).toBe(code)
  return (res.body as ErrorBody).error
}
const account = async (token: string) => (await call('/api/v1/account', { token })).body
const subscriptions = async (token: string): Promise<Subscription[]> =>
  (await call('/api/v1/subscriptions', { token })).body.items
const use = (scenario: ScenarioName) => useScenario(server, scenario, { now })

describe('ordering in the mocks', () => {
  it('charges the balance, starts the subscription, badges the product and keeps it for the page', async () => {
    const token = await login()
    const before = await account(token)
    const res = await order(token, { productId: 'P_SPORTS', autoRenew: true })
    expect(res.status).toBe(201)
    expect(schemaErrors(Order, res.body)).toEqual([])
    expect(res.body).toMatchObject({
      status: 'completed',
      amountFen: 2000,
      effectiveDate: '2026-11-22',
      expiryDate: '2026-12-21',
      balanceAfterFen: before.balanceFen - 2000,
    })
    const after = await account(token)
    expect(after.balanceFen).toBe(before.balanceFen - 2000)
    expect(after.nextDeduction.amountFen).toBe(before.nextDeduction.amountFen + 2000)
    expect((await subscriptions(token)).find((s) => s.subscriptionId === res.body.subscriptionId)).toMatchObject({
      productId: 'P_SPORTS',
      status: 'active',
      autoRenew: true,
    })
    expect((await call('/api/v1/products/P_SPORTS', { token })).body).toMatchObject({
      badge: 'subscribed',
      holding: { subscriptionId: res.body.subscriptionId },
    })
    expect((await call(`/api/v1/orders/${res.body.orderId}`, { token })).body).toEqual(res.body)
    expect((await call('/api/v1/spending-limit', { token })).body).toMatchObject({
      month: '2026-11',
      spentFen: 2000,
      limitFen: null,
    })
    expect((await quote(token, 'P_SPORTS')).conflicts.map((c) => c.code)).toEqual(['ALREADY_SUBSCRIBED'])
  })

  it('renews the expiring fixed-period package from the day after it ends', async () => {
    const token = await login()
    const doc = (await subscriptions(token)).find((s) => s.productId === 'P_DOC')!
    expect(doc).toMatchObject({ status: 'expiring', expiryDate: '2026-11-27', renewable: true })
    const q = await quote(token, 'P_DOC', 3)
    expect(q).toMatchObject({
      renewsSubscriptionId: doc.subscriptionId,
      effectiveDate: '2026-11-28',
      expiryDate: '2027-02-27',
      amountFen: 4200,
    })
    const res = await order(token, { productId: 'P_DOC', periodMonths: 3 })
    expect(res.body.subscriptionId).toBe(doc.subscriptionId)
    expect((await subscriptions(token)).find((s) => s.productId === 'P_DOC')).toMatchObject({
      status: 'active',
      expiryDate: '2027-02-27',
    })
  })

  it('gives the same order number for the same box and key on every page load (deterministic)', async () => {
    const first = await order(await login(), { productId: 'P_SPORTS' }, 'same-key-every-time')
    use('normal')
    const second = await order(await login(), { productId: 'P_SPORTS' }, 'same-key-every-time')
    expect(second.body.orderId).toBe(first.body.orderId)
    expect(second.body).toEqual(first.body)
  })

  it('quotes and refuses a package that excludes a held one, naming it', async () => {
    const token = await login()
    const q = await quote(token, 'P_4K')
    expect(q.conflicts).toEqual([
      expect.objectContaining({
        code: 'MUTUALLY_EXCLUSIVE',
        productId: 'P_HD',
        productName: '高清包',
        productNameEn: 'HD Pack',
      }),
    ])
    expectError(await order(token, { productId: 'P_4K' }), 409, 'PRODUCT_CONFLICT')
    // The base fee is also held and renewing: the BOSS lists both reasons, in its order.
    expect((await quote(token, 'P_BASIC')).conflicts.map((c) => c.code)).toEqual([
      'NOT_ORDERABLE',
      'ALREADY_SUBSCRIBED',
    ])
  })

  it('locks ordering and the limit after 5 wrong PINs, even for the right one, for 15 minutes', async () => {
    const token = await login()
    const lefts = []
    for (let i = 0; i < 4; i++)
      lefts.push(
        expectError(await order(token, { productId: 'P_SPORTS', pin: '000000' }), 403, 'WRONG_PIN').attemptsLeft,
      )
    expect(lefts).toEqual([4, 3, 2, 1])
    expect(expectError(await order(token, { productId: 'P_SPORTS', pin: '000000' }), 429, 'LOCKED').retryAfter).toBe(
      900,
    )
    expectError(await order(token, { productId: 'P_SPORTS' }), 429, 'LOCKED')
    expectError(await send('PUT', '/api/v1/spending-limit', token, { limitFen: 100, pin: PIN }), 429, 'LOCKED')
    clock = new Date(clock.getTime() + 600_000)
    expect((await quote(await login(), 'P_SPORTS')).conflicts).toEqual([
      expect.objectContaining({ code: 'ORDERING_LOCKED', retryAfter: 300 }),
    ])
    clock = new Date(clock.getTime() + 300_000)
    expect((await order(await login(), { productId: 'P_SPORTS' })).status).toBe(201)
  })

  it('a right PIN clears the count of wrong ones', async () => {
    const token = await login()
    expectError(await order(token, { productId: 'P_SPORTS', pin: '000000' }), 403, 'WRONG_PIN')
    expect((await order(token, { productId: 'P_SPORTS' })).status).toBe(201)
    expect(
      expectError(await order(token, { productId: 'P_MOVIE_PLUS', pin: '000000' }), 403, 'WRONG_PIN').attemptsLeft,
    ).toBe(4)
  })

  it('sets the spending limit behind the PIN and enforces it (the second box starts with one)', async () => {
    const token = await login(mockDemoDevices[1])
    const limit: SpendingLimit = (await call('/api/v1/spending-limit', { token })).body
    expect(limit).toEqual({ month: '2026-11', limitFen: 3000, spentFen: 0, remainingFen: 3000 })
    expect((await order(token, { productId: 'P_SPORTS' })).status).toBe(201)
    const q = await quote(token, 'P_VOD')
    expect(q.conflicts.map((c) => c.code)).toContain('OVER_SPENDING_LIMIT')
    expect(q.spendingLimit).toMatchObject({ spentFen: 2000, remainingFen: 1000 })
    expectError(await order(token, { productId: 'P_VOD' }), 403, 'OVER_SPENDING_LIMIT')
    const set = await send('PUT', '/api/v1/spending-limit', token, { limitFen: null, pin: PIN })
    expect(set.body).toEqual({ month: '2026-11', limitFen: null, spentFen: 2000, remainingFen: null })
    expect((await order(token, { productId: 'P_VOD' })).status).toBe(201)
  })

  it("switching auto-renewal off lowers next month's deduction and makes the package expire at month end", async () => {
    const token = await login()
    const before = await account(token)
    const kids = (await subscriptions(token)).find((s) => s.productId === 'P_KIDS')!
    const res = await send('POST', `/api/v1/subscriptions/${kids.subscriptionId}/auto-renew`, token, {
      autoRenew: false,
    })
    expect(res.body).toMatchObject({
      autoRenew: false,
      status: 'active',
      expiryDate: '2026-11-30',
      renewable: true,
      canStopAutoRenew: false,
    })
    expect((await account(token)).nextDeduction.amountFen).toBe(before.nextDeduction.amountFen - kids.priceFen)
    clock = new Date('2026-11-25T12:00:00Z')
    expect((await subscriptions(await login())).find((s) => s.productId === 'P_KIDS')?.status).toBe('expiring')
  })

  it.each([
    ['low-balance', 402, 'INSUFFICIENT_BALANCE'],
    ['empty', 402, 'INSUFFICIENT_BALANCE'],
    ['arrears', 402, 'INSUFFICIENT_BALANCE'],
    ['suspended', 403, 'FORBIDDEN'],
  ] as const)(
    'refuses an order in the %s scenario with %s %s (even with a wrong PIN), as its quote says',
    async (scenario, status, code) => {
      use(scenario)
      const token = await login()
      const q = await quote(token, 'P_SPORTS')
      expect(q.canOrder).toBe(false)
      expect(q.conflicts.map((c) => c.code)).toContain(
        scenario === 'suspended' ? 'ACCOUNT_SUSPENDED' : 'INSUFFICIENT_BALANCE',
      )
      if (code === 'INSUFFICIENT_BALANCE') expect(q.shortfallFen).toBe(2000 - q.balanceBeforeFen)
      expectError(await order(token, { productId: 'P_SPORTS' }), status, code)
      if (scenario === 'suspended')
        expectError(await order(token, { productId: 'P_SPORTS', pin: '000000' }), 403, 'FORBIDDEN')
    },
  )

  it.each([
    '/api/v1/products',
    '/api/v1/products/P_HD',
    '/api/v1/subscriptions',
    '/api/v1/spending-limit',
    `/api/v1/orders/TVO${'0'.repeat(40)}`,
  ])('answers %s with 503 in boss-down', async (path) => {
    use('boss-down')
    expectError(await call(path, { token: await login() }), 503, 'BOSS_UNAVAILABLE')
  })

  it('answers quote and order with 503 in boss-down, after the key is checked', async () => {
    use('boss-down')
    const token = await login()
    expectError(
      await send('POST', '/api/v1/orders/quote', token, { productId: 'P_HD', periodMonths: 1 }),
      503,
      'BOSS_UNAVAILABLE',
    )
    expectError(await order(token, { productId: 'P_SPORTS' }), 503, 'BOSS_UNAVAILABLE')
    expectError(
      await send('POST', '/api/v1/orders', token, { productId: 'P_SPORTS', periodMonths: 1, pin: PIN }),
      400,
      'BAD_REQUEST',
    )
  })

  it('delays the catalogue in the slow scenario', async () => {
    useScenario(server, 'slow', { now, delayMs: 150 })
    const token = await login()
    const started = performance.now()
    expect((await call('/api/v1/products', { token })).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })
})
