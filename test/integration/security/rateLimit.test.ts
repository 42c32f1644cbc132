import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'
import { newKey, stats } from '../orders/helpers.ts'
import { startRedis, type RedisServer } from '../../redisServer.ts'
import { startInstance, type BffInstance } from '../scale/instances.ts'

const READS = 40
const STRICT = 4
let redis: RedisServer
let stack: Stack
let second: BffInstance
beforeAll(async () => {
  redis = await startRedis()
  stack = await startStack({
    bff: { redisUrl: redis.url, redisPrefix: 'rl:', rateLimitReadsPerMinute: READS, rateLimitStrictPerMinute: STRICT },
  })
  second = await startInstance(stack.config)
})
afterAll(async () => {
  await second?.close()
  await stack?.close()
  await redis?.stop()
})

describe('rate limits per device, shared by every instance', () => {
  it('money calls: strict limit counted across both instances, 429 RATE_LIMITED with retryAfter, no extra charge', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const before = await stats(stack)
    const statuses: number[] = []
    let limited: any
    for (let i = 0; i < STRICT + 2; i++) {
      const target = i % 2 ? second : stack
      const res = await api(target, 'POST', '/api/v1/orders', {
        token,
        body: { productId: 'P_NONE', periodMonths: 1, pin: sub.pin },
        headers: { 'idempotency-key': newKey() },
      })
      statuses.push(res.status)
      if (res.status === 429) limited = res
    }
    expect(statuses).toEqual([...Array(STRICT).fill(404), 429, 429])
    expect(limited.body.error.code).toBe('RATE_LIMITED')
    expect(limited.body.error.retryAfter).toBeGreaterThan(0)
    expect(limited.body.error.retryAfter).toBeLessThanOrEqual(60)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Only the calls within the limit reached the BOSS (refused there: no such product); the 429s reached nothing.
    const reached = ((await stats(stack)).requests.ORDER_CREATE ?? 0) - (before.requests.ORDER_CREATE ?? 0)
    expect(reached).toBe(STRICT)
    // Reads of the same box are still served: a separate, generous budget.
    expect((await api(second, 'GET', '/api/v1/account', { token })).status).toBe(200)
  })

  it('reads: generous limit per device; another device is not affected', async () => {
    const a = stack.bySubscriber('arrears')
    const b = stack.subscribers.find((s) => s.deviceId !== a.deviceId && s.scenario !== 'normal')!
    const [ta, tb] = [await login(stack, a), await login(second, b)]
    const answers = await Promise.all(
      Array.from({ length: READS + 5 }, (_, i) =>
        api(i % 2 ? second : stack, 'GET', '/api/v1/products', { token: ta }),
      ),
    )
    const codes = answers.map((r) => r.status)
    expect(codes.filter((c) => c === 200)).toHaveLength(READS)
    expect(codes.filter((c) => c === 429)).toHaveLength(5)
    expect((await api(stack, 'GET', '/api/v1/products', { token: tb })).status).toBe(200)
  })
})
