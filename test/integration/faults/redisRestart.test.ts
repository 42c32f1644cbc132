import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'
import { newKey, order, stats } from '../orders/helpers.ts'
import { startRedis, type RedisServer } from '../../redisServer.ts'
import { startInstance, type BffInstance } from '../scale/instances.ts'
import { duplicates, figures, ticket, ticketCounts, until } from './figures.ts'

// Redis (appendonly, fsync always) killed and restarted under two BFF instances: nothing accepted is lost or done twice.
let redis: RedisServer
let stack: Stack
let second: BffInstance
beforeAll(async () => {
  redis = await startRedis({ appendonly: true })
  stack = await startStack({
    bff: { redisUrl: redis.url, redisPrefix: 'restart:', outboxMaxDelaySeconds: 1, bossBreakerResetMs: 1000 },
  })
  second = await startInstance(stack.config)
})
afterAll(async () => {
  console.log(`fault figures: ${JSON.stringify(figures)}`)
  await second?.close()
  await stack?.close()
  await redis?.stop()
})

describe('Redis restart', () => {
  it('keeps idempotency records and the outbox across a SIGKILL restart; tickets delivered once, the order charged once', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const key = newKey()
    const body = { productId: 'P_OPERA', periodMonths: 1, pin: sub.pin }
    const first = await order(stack, token, body, key)
    expect(first.status).toBe(201)
    const before = await ticketCounts(stack)
    await stack.setFaults({ down: true, services: ['TICKET_CREATE', 'TICKET_QRY'] })
    const accepted = await Promise.all(Array.from({ length: 10 }, (_, i) => ticket(i % 2 ? second : stack, token)))
    expect(accepted.map((a) => a.status)).toEqual(Array(10).fill(202))

    const restartAt = performance.now()
    const restarting = redis.restart()
    // A viewer acting while Redis is away: the command waits for the reconnect (or fails cleanly, never a 500).
    const during = await ticket(second, token)
    await restarting
    const restartMs = Math.round(performance.now() - restartAt)
    expect([202, 503]).toContain(during.status)
    const inOutbox = accepted.length + (during.status === 202 ? 1 : 0)

    const again = await api(second, 'POST', '/api/v1/orders', { token, body, headers: { 'idempotency-key': key } })
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')

    await stack.resetFaults()
    await until(async () => (await ticketCounts(stack)).count - before.count >= inOutbox, 30_000)
    await new Promise((r) => setTimeout(r, 1500)) // a duplicate would show up now
    const after = await ticketCounts(stack)
    expect(after.count - before.count).toBe(inOutbox)
    expect(after.repeatedSerials - before.repeatedSerials).toBe(0)
    const s = await stats(stack)
    expect(s.orders.count).toBe(1) // this stub's only order
    expect(s.charges.count).toBe(1)
    expect(await duplicates(stack)).toEqual({ orders: 0, charges: 0 })
    // Both instances still serve.
    for (const b of [stack, second]) expect((await api(b, 'GET', '/readyz')).status).toBe(200)
    figures.redisRestart = {
      restartMs,
      duringStatus: during.status,
      accepted: inOutbox,
      delivered: after.count - before.count,
      lost: inOutbox - (after.count - before.count),
      replayAfterRestart: again.status,
      charges: s.charges.count,
    }
  }, 60_000)

  it('Redis gone for good: the viewer gets 503 within seconds (never a 500), and the instance reports not ready', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    await redis.stop()
    const t0 = performance.now()
    const res = await ticket(stack, token)
    const ms = Math.round(performance.now() - t0)
    expect(res.status).toBe(503)
    expect(res.body.error.retryAfter).toBeGreaterThan(0)
    expect(ms).toBeLessThan(10_000)
    expect((await api(second, 'GET', '/readyz')).status).toBe(503)
    figures.redisGone = { ticketStatus: res.status, ms }
  }, 30_000)
})
