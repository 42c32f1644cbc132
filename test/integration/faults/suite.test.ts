import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'
import { balance, newKey, order, stats } from '../orders/helpers.ts'
import { duplicates, figures, ticket, ticketCounts, until } from './figures.ts'

// Fault injection at the boss-stub, counted there: what the viewer sees, 0 lost accepted reports, 0 duplicate orders or charges.
let stack: Stack
beforeAll(async () => {
  // Production timeout (3 s); a short breaker pause and outbox backoff so "down 60 s" fits in seconds.
  stack = await startStack({ bff: { bossTimeoutMs: 3000, bossBreakerResetMs: 1000, outboxMaxDelaySeconds: 1 } })
})
afterAll(async () => {
  console.log(`fault figures: ${JSON.stringify(figures)}`)
  await stack?.close()
})

describe('fault injection', () => {
  it('BOSS latency 5 s: reads answer 504 BOSS_TIMEOUT at the 3 s budget; an order retried with its key is charged once', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const before = await stats(stack)
    const bal = await balance(stack, sub.customerId)
    await stack.setFaults({ latencyMs: 5000 })
    const t0 = performance.now()
    const read = await api(stack, 'GET', '/api/v1/bills', { token })
    const readMs = Math.round(performance.now() - t0)
    expect(read.status).toBe(504)
    expect(read.body.error.code).toBe('BOSS_TIMEOUT') // the TV shows error.BOSS_TIMEOUT
    expect(readMs).toBeLessThan(4000)
    const key = newKey()
    const body = { productId: 'P_OPERA', periodMonths: 1, pin: sub.pin }
    const first = await order(stack, token, body, key)
    // The BFF gives up at 3 s: 202 pending (the TV polls the order) or 504 (the TV offers a retry with the same key).
    expect([202, 504]).toContain(first.status)
    await stack.resetFaults()
    await new Promise((r) => setTimeout(r, 2500)) // the slow ORDER_CREATE lands at the stub meanwhile
    let last = first
    for (let i = 0; i < 10 && !(last.status === 200 && last.body.status === 'completed') && last.status !== 201; i++) {
      last =
        first.status === 202
          ? await api(stack, 'GET', `/api/v1/orders/${first.body.orderId}`, { token })
          : await order(stack, token, body, key)
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(last.body.status).toBe('completed')
    const after = await stats(stack)
    const price = after.charges.totalFen - before.charges.totalFen
    expect(after.orders.count - before.orders.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    expect(await balance(stack, sub.customerId)).toBe(bal - price)
    expect(await duplicates(stack)).toEqual({ orders: 0, charges: 0 })
    figures.latency5s = {
      readStatus: read.status,
      readMs,
      firstOrderStatus: first.status,
      finalOrderStatus: last.body.status,
      orders: 1,
      charges: 1,
    }
  }, 40_000)

  it('error rate 50% on every service: viewers retrying with the same key; no order or charge twice', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const before = await stats(stack)
    await stack.setFaults({ errorRate: 0.5 })
    const products = ['P_EDU', 'P_DOC', 'P_OPERA', 'P_EDU', 'P_DOC', 'P_OPERA']
    const finals: number[] = []
    let tries = 0
    const created = new Set<string>()
    for (const productId of products) {
      const key = newKey()
      let res = await order(stack, token, { productId, periodMonths: 1, pin: sub.pin }, key)
      tries++
      for (let i = 0; i < 8 && res.status >= 500; i++) {
        await new Promise((r) => setTimeout(r, 300))
        res = await order(stack, token, { productId, periodMonths: 1, pin: sub.pin }, key)
        tries++
      }
      finals.push(res.status)
      if (res.status === 201 || res.status === 202) created.add(res.body.orderId)
    }
    await stack.resetFaults()
    const after = await stats(stack)
    expect(after.orders.count - before.orders.count).toBe(created.size)
    expect(after.charges.count - before.charges.count).toBe(created.size)
    expect(await duplicates(stack)).toEqual({ orders: 0, charges: 0 })
    figures.errorRate50 = { orders: products.length, requests: tries, finals, created: created.size, duplicates: 0 }
  }, 60_000)

  it('BOSS down (60 s compressed to 3 s): account 503 at once, catalogue from cache, tickets accepted; all delivered once after', async () => {
    const subs = stack.subscribers.filter((s) => s.scenario !== 'new').slice(0, 3)
    const tokens = await Promise.all(subs.map((s) => login(stack, s)))
    expect((await api(stack, 'GET', '/api/v1/products', { token: tokens[0] })).status).toBe(200)
    const before = await ticketCounts(stack)
    await stack.setFaults({ down: true })
    const downAt = Date.now()
    const account = await api(stack, 'GET', '/api/v1/account', { token: tokens[0] })
    const catalogue = await api(stack, 'GET', '/api/v1/products', { token: tokens[0] })
    const accepted: number[] = []
    while (Date.now() - downAt < 3000) {
      const answers = await Promise.all(tokens.map((t) => ticket(stack, t)))
      accepted.push(...answers.map((a) => a.status))
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(account.status).toBe(503)
    expect(account.body.error.code).toBe('BOSS_UNAVAILABLE') // the TV shows error.BOSS_UNAVAILABLE
    expect(catalogue.status).toBe(200)
    expect(accepted.every((s) => s === 202)).toBe(true)
    expect((await ticketCounts(stack)).count).toBe(before.count)
    await stack.resetFaults()
    const upAt = Date.now()
    await until(async () => (await ticketCounts(stack)).count - before.count >= accepted.length, 30_000)
    const deliveredMs = Date.now() - upAt
    await new Promise((r) => setTimeout(r, 1500)) // a duplicate would show up now
    const after = await ticketCounts(stack)
    expect(after.count - before.count).toBe(accepted.length)
    expect(after.repeatedSerials - before.repeatedSerials).toBe(0)
    figures.down = {
      accountStatus: account.status,
      catalogueStatus: catalogue.status,
      accepted: accepted.length,
      delivered: after.count - before.count,
      lost: accepted.length - (after.count - before.count),
      repeated: 0,
      deliveredMs,
    }
  }, 60_000)
})
