import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildBff } from '../../../src/bff/app.ts'
import { api, login, startStack, type Stack } from '../harness.ts'
import { balance, newKey, order, stats } from './helpers.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ bff: { bossTimeoutMs: 600, pinLockSeconds: 15 } }) // the lock must outlast a BFF restart on a busy box
})
afterAll(() => stack?.close())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function poll(token: string, orderId: string, until: (b: { status: string }) => boolean, tries = 30) {
  for (let i = 0; i < tries; i++) {
    const res = await api(stack, 'GET', `/api/v1/orders/${orderId}`, { token })
    if (res.status === 200 && until(res.body)) return res
    await sleep(200)
  }
  throw new Error('order never reached the expected state')
}

describe('orders when the BOSS goes quiet', () => {
  it('commit-then-timeout: one order, one charge, the real result via ORDER_QRY and polling', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const before = await stats(stack)
    const bal = await balance(stack, sub.customerId)
    await stack.setFaults({ commitThenTimeout: true, holdMs: 2000, services: ['ORDER_CREATE'] })
    const key = newKey()
    const res = await order(stack, token, { productId: 'P_OPERA', periodMonths: 1, pin: '123456' }, key)
    await stack.resetFaults()
    expect([201, 202]).toContain(res.status)
    const final = await poll(token, res.body.orderId, (b) => b.status === 'completed')
    expect(final.body.amountFen).toBe(800)
    const again = await order(stack, token, { productId: 'P_OPERA', periodMonths: 1, pin: '123456' }, key)
    expect(again.status).toBe(res.status)
    const after = await stats(stack)
    expect(after.orders.count - before.orders.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    expect(after.requests.ORDER_CREATE - (before.requests.ORDER_CREATE ?? 0)).toBe(1)
    expect(after.requests.ORDER_QRY - (before.requests.ORDER_QRY ?? 0)).toBeGreaterThanOrEqual(1)
    expect(await balance(stack, sub.customerId)).toBe(bal - 800)
  })

  it('a BOSS slower than our budget: 202 processing, polling shows processing, then completed; never charged twice', async () => {
    const sub = stack.bySubscriber('expired')
    const token = await login(stack, sub)
    const before = await stats(stack)
    await stack.setFaults({ latencyMs: 1500, services: ['ORDER_CREATE', 'ORDER_QRY'] })
    const key = newKey()
    const res = await order(stack, token, { productId: 'P_DOC', periodMonths: 1, pin: '123456' }, key)
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ status: 'processing', pollAfterSeconds: 2 })
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${res.body.orderId}`)
    const meanwhile = await api(stack, 'GET', `/api/v1/orders/${res.body.orderId}`, { token })
    expect(meanwhile.body.status).toBe('processing')
    await stack.resetFaults()
    // The same key again: the stored 202, not a second ORDER_CREATE.
    const again = await order(stack, token, { productId: 'P_DOC', periodMonths: 1, pin: '123456' }, key)
    expect([again.status, again.body.orderId]).toEqual([202, res.body.orderId])
    const final = await poll(token, res.body.orderId, (b) => b.status === 'completed')
    expect(final.body.amountFen).toBe(1500)
    const after = await stats(stack)
    expect(after.orders.count - before.orders.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    expect(after.requests.ORDER_CREATE - (before.requests.ORDER_CREATE ?? 0)).toBe(1)
  })
})

describe('purchase PIN lock', () => {
  it('5 wrong PINs lock ordering; the right PIN is refused until the lock ends, also after a BFF restart', async () => {
    const sub = stack.bySubscriber('bill-jump')
    const token = await login(stack, sub)
    const body = (pin: string) => ({ productId: 'P_OPERA', periodMonths: 1, pin })
    const left: number[] = []
    for (let i = 0; i < 4; i++) {
      const res = await order(stack, token, body('000000'))
      expect([res.status, res.body.error.code]).toEqual([403, 'WRONG_PIN'])
      left.push(res.body.error.attemptsLeft)
    }
    expect(left).toEqual([4, 3, 2, 1])
    const fifth = await order(stack, token, body('000000'))
    expect([fifth.status, fifth.body.error.code, fifth.body.error.attemptsLeft]).toEqual([429, 'LOCKED', 0])
    const before = await stats(stack)
    const sixth = await order(stack, token, body('123456'))
    expect([sixth.status, sixth.body.error.code]).toEqual([429, 'LOCKED'])
    expect(sixth.body.error.retryAfter).toBeGreaterThan(0)
    const quote = await api(stack, 'POST', '/api/v1/orders/quote', {
      token,
      body: { productId: 'P_OPERA', periodMonths: 1 },
    })
    expect(quote.body.conflicts.map((c: { code: string }) => c.code)).toContain('ORDERING_LOCKED')
    expect(quote.body.canOrder).toBe(false)
    const limit = await api(stack, 'PUT', '/api/v1/spending-limit', { token, body: { limitFen: 5000, pin: '123456' } })
    expect(limit.status).toBe(429)

    // A new BFF process on the same store file keeps the lock.
    await stack.bff.close()
    const bff2: FastifyInstance = await buildBff(stack.config, { logDestination: { write: () => true } })
    await bff2.listen({ port: 0, host: '127.0.0.1' })
    const addr = bff2.server.address()
    const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    try {
      const token2 = await login({ bffUrl: url }, sub)
      const restarted = await api({ bffUrl: url }, 'POST', '/api/v1/orders', {
        token: token2,
        body: body('123456'),
        headers: { 'idempotency-key': newKey() },
      })
      expect([restarted.status, restarted.body.error.code]).toEqual([429, 'LOCKED'])
      expect((await stats(stack)).requests.ORDER_CREATE).toBe(before.requests.ORDER_CREATE)
      await sleep((restarted.body.error.retryAfter + 0.5) * 1000)
      const after = await api({ bffUrl: url }, 'POST', '/api/v1/orders', {
        token: token2,
        body: body('123456'),
        headers: { 'idempotency-key': newKey() },
      })
      expect(after.status).toBe(201)
      expect((await stats(stack)).charges.count).toBe(before.charges.count + 1)
    } finally {
      await bff2.close()
    }
  })
})
