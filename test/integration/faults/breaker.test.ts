import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/routes.ts'
import { bff, login, loose, startStack, type Stack } from '../harness.ts'
import { newKey, stats } from '../orders/helpers.ts'
import { freshCards, topupCard } from '../topups/topupHelpers.ts'

// BOSS resilience seen from outside: breaker per domain, read retries, no blind retries of money, stale catalogue.
const RESET_MS = 1_500
let stack: Stack
let token: string
beforeAll(async () => {
  stack = await startStack({ bff: { bossBreakerResetMs: RESET_MS, bossTimeoutMs: 800, bossCacheSeconds: 1 } })
  token = await login(
    stack,
    stack.subscribers.find((s) => s.customerId === 'C00000001')!,
  )
})
afterAll(() => stack?.close())
beforeEach(() => stack.resetFaults())

const calls = async (svc: string) => (await stats(stack)).requests[svc] ?? 0
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const bills = () => loose(bff(stack, routes.bills, { token }))
const account = () => bff(stack, routes.account, { token })

describe('BOSS circuit breaker, retries and cache', () => {
  it('opens after outages, then answers 503 "service busy" at once without calling the BOSS; half-open trial closes it', async () => {
    await stack.setFaults({ down: true, services: ['BILL_LIST_QRY'] })
    const during: number[] = []
    for (let i = 0; i < 6; i++) during.push((await bills()).status)
    expect(during.every((s) => s === 503)).toBe(true)
    const before = await calls('BILL_LIST_QRY')
    const started = performance.now()
    const open = await Promise.all(Array.from({ length: 10 }, () => bills()))
    const ms = performance.now() - started
    expect(open.map((r) => r.status)).toEqual(Array(10).fill(503))
    expect(open[0].body.error).toMatchObject({ code: 'BOSS_UNAVAILABLE' })
    expect(stack.logs()).toMatch(/BOSS breaker open/)
    expect(await calls('BILL_LIST_QRY')).toBe(before) // the BOSS saw nothing while open
    expect(ms).toBeLessThan(500)
    // Another domain is not affected by the BILL breaker.
    expect((await account()).status).toBe(200)
    await stack.resetFaults()
    await sleep(RESET_MS + 200)
    const trial = await bills()
    expect(trial.status).toBe(200)
    expect(await calls('BILL_LIST_QRY')).toBe(before + 1)
    expect((await bills()).status).toBe(200)
  })

  it('retries reads at a 50% error rate: most viewers get their bills, each read tried at most 3 times', async () => {
    await stack.setFaults({ errorRate: 0.5, errorKind: 'rsp9999', services: ['BILL_LIST_QRY'] })
    const before = await calls('BILL_LIST_QRY')
    const n = 100
    const codes: number[] = []
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => bills()))
      codes.push(...batch.map((r) => r.status))
    }
    const attempts = (await calls('BILL_LIST_QRY')) - before
    const ok = codes.filter((c) => c === 200).length
    // Without retries about half would fail (50 ± 5); with two retries 87.5 ± 3.3 succeed.
    expect(ok).toBeGreaterThanOrEqual(75)
    expect(codes.filter((c) => c !== 200).every((c) => c === 503)).toBe(true)
    expect(attempts).toBeGreaterThan(n)
    expect(attempts).toBeLessThanOrEqual(3 * n)
  })

  it('never retries ORDER_CREATE or CARD_RECHARGE blindly: one call each, then the query path', async () => {
    await stack.setFaults({ errorRate: 1, errorKind: 'http500', services: ['ORDER_CREATE', 'CARD_RECHARGE'] })
    const [o0, c0] = [await calls('ORDER_CREATE'), await calls('CARD_RECHARGE')]
    const sub = stack.subscribers.find((s) => s.customerId === 'C00000001')!
    const order = await bff(stack, routes.createOrder, {
      token,
      idempotencyKey: newKey(),
      body: { productId: 'P_EDU', periodMonths: 1, pin: sub.pin },
    })
    expect(order.status).toBeGreaterThanOrEqual(500)
    const [card] = await freshCards(stack, 1)
    const topup = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password })
    expect(topup.status).toBeGreaterThanOrEqual(500)
    expect(await calls('ORDER_CREATE')).toBe(o0 + 1)
    expect(await calls('CARD_RECHARGE')).toBe(c0 + 1)
  })

  it('shows the catalogue from cache while the BOSS is down, product details too', async () => {
    const fresh = await bff(stack, routes.products, { token })
    expect(fresh.status).toBe(200)
    await stack.setFaults({ down: true, services: ['PROD_LIST_QRY', 'PROD_DETAIL_QRY'] })
    await sleep(1_100) // past the 1 s freshness: the BOSS is asked, fails, the stale list is shown
    const before = await calls('PROD_LIST_QRY')
    const stale = await bff(stack, routes.products, { token })
    expect(stale.status).toBe(200)
    expect(stale.body).toEqual(fresh.body)
    expect(await calls('PROD_LIST_QRY')).toBeGreaterThan(before)
    expect(stack.logs()).toMatch(/serving a stale answer/)
    const detail = await loose(bff(stack, routes.product, { token, params: { productId: 'P_EDU' } }))
    expect(detail.status).toBe(200)
    expect(detail.body.productId).toBe('P_EDU')
  })
})
