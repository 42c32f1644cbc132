import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, bossCall, login, startStack, type Stack } from '../harness.ts'
import { balance, forgedOrder, newKey, order, stats as statsOf } from './helpers.ts'

let stack: Stack
let token: string
let custId: string
beforeAll(async () => {
  stack = await startStack({ bff: { bossTimeoutMs: 600 } })
  const sub = stack.bySubscriber('normal')
  custId = sub.customerId
  token = await login(stack, sub)
})
afterAll(() => stack?.close())

const bossPrice = async (productId: string, months: number) => {
  const d = await bossCall(stack, 'PROD_DETAIL_QRY', { PROD_ID: productId })
  return Number(d.BODY.PRICE_LIST.find((p: { PERIOD_MONTHS: string }) => p.PERIOD_MONTHS === String(months)).PRICE)
}

describe('POST /api/v1/orders', () => {
  it('50 concurrent identical submissions with one key: one order, one charge, one answer', async () => {
    const key = newKey()
    const price = await bossPrice('P_OPERA', 1)
    const before = await statsOf(stack)
    const bal = await balance(stack, custId)
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        order(stack, token, { productId: 'P_OPERA', periodMonths: 1, pin: '123456' }, key),
      ),
    )
    const after = await statsOf(stack)
    expect(after.orders.count - before.orders.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    expect(after.charges.totalFen - before.charges.totalFen).toBe(price)
    expect(await balance(stack, custId)).toBe(bal - price)
    expect(after.requests.ORDER_CREATE - (before.requests.ORDER_CREATE ?? 0)).toBe(1)
    const ok = answers.filter((a) => a.status === 201)
    expect(ok.length + answers.filter((a) => a.status === 409).length).toBe(50)
    expect(ok.length).toBeGreaterThanOrEqual(1)
    expect(new Set(ok.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect(ok[0].body).toMatchObject({ productId: 'P_OPERA', amountFen: price, status: 'completed' })
  })

  it('replays a completed key byte for byte and charges nothing; another body with the key is a 422', async () => {
    const key = newKey()
    const first = await order(stack, token, { productId: 'P_EDU', periodMonths: 1, pin: '123456' }, key)
    expect(first.status).toBe(201)
    const before = await statsOf(stack)
    const again = await order(stack, token, { productId: 'P_EDU', periodMonths: 1, pin: '123456' }, key)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const other = await order(stack, token, { productId: 'P_EDU', periodMonths: 3, pin: '123456' }, key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('UNPROCESSABLE')
    const after = await statsOf(stack)
    expect(after.charges.count).toBe(before.charges.count)
    expect(after.requests.ORDER_CREATE ?? 0).toBe(before.requests.ORDER_CREATE ?? 0)
  })

  it('refuses a missing key, injected price/account fields and malformed bodies with 400, charging nothing', async () => {
    const before = await statsOf(stack)
    const missing = await forgedOrder(stack, token, { productId: 'P_DOC', periodMonths: 1, pin: '123456' }, null)
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toMatch(/Idempotency-Key/)
    for (const extra of [{ priceFen: 1 }, { amountFen: 1 }, { accountId: 'A1' }, { customerId: 'C00000001' }]) {
      const res = await forgedOrder(stack, token, { productId: 'P_DOC', periodMonths: 1, pin: '123456', ...extra })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toMatch(/not allowed/)
    }
    expect((await order(stack, token, { productId: 'p_doc', periodMonths: 1, pin: '123456' })).status).toBe(400)
    expect((await forgedOrder(stack, token, { productId: 'P_DOC', periodMonths: '1', pin: '123456' })).status).toBe(400)
    expect((await order(stack, token, { productId: 'P_DOC', periodMonths: 1, pin: '12345' })).status).toBe(400)
    expect((await order(stack, token, { productId: 'P_DOC', periodMonths: 2, pin: '123456' })).status).toBe(400)
    expect((await order(stack, token, { productId: 'P_NONE', periodMonths: 1, pin: '123456' })).status).toBe(404)
    const after = await statsOf(stack)
    expect(after.charges.count).toBe(before.charges.count)
    // The same order without the injected fields is charged the catalogue price.
    const price = await bossPrice('P_DOC', 1)
    const bal = await balance(stack, custId)
    const ok = await order(stack, token, { productId: 'P_DOC', periodMonths: 1, pin: '123456' })
    expect(ok.status).toBe(201)
    expect(ok.body.amountFen).toBe(price)
    expect(await balance(stack, custId)).toBe(bal - price)
  })

  it('explains conflicts: already subscribed / exclusive 409, suspended 403, short balance 402', async () => {
    const clash = await order(stack, token, { productId: 'P_HD', periodMonths: 1, pin: '123456' })
    expect([409]).toContain(clash.status)
    expect(clash.body.error.code).toBe('PRODUCT_CONFLICT')
    const stopped = await login(stack, stack.bySubscriber('suspended'))
    const s = await order(stack, stopped, { productId: 'P_OPERA', periodMonths: 1, pin: '123456' })
    expect([s.status, s.body.error.code]).toEqual([403, 'FORBIDDEN'])
    const poor = await login(stack, stack.bySubscriber('low-balance'))
    const p = await order(stack, poor, { productId: 'P_MOVIE_PLUS', periodMonths: 12, pin: '123456' })
    expect([p.status, p.body.error.code]).toEqual([402, 'INSUFFICIENT_BALANCE'])
  })

  it('GET /orders/{id}: own order 200, malformed 400, another household 404', async () => {
    const placed = await order(stack, token, { productId: 'P_SPORTS', periodMonths: 1, pin: '123456' })
    expect(placed.status).toBe(201)
    const mine = await api(stack, 'GET', `/api/v1/orders/${placed.body.orderId}`, { token })
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({
      orderId: placed.body.orderId,
      status: 'completed',
      amountFen: placed.body.amountFen,
      productNameEn: 'Sports Pack',
    })
    expect(placed.body.productNameEn).toBe('Sports Pack')
    expect((await api(stack, 'GET', '/api/v1/orders/nope', { token })).status).toBe(400)
    expect((await api(stack, 'GET', `/api/v1/orders/${placed.body.orderId.toLowerCase()}`, { token })).status).toBe(400)
    const other = await login(stack, stack.bySubscriber('arrears'))
    const theirs = await api(stack, 'GET', `/api/v1/orders/${placed.body.orderId}`, { token: other })
    expect([theirs.status, theirs.body.error.code]).toEqual([404, 'NOT_FOUND'])
  })
})
