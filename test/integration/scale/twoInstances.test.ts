import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiPath, OperatorSessionPath } from '../../../src/contract/index.ts'
import { api, login, startStack, type Stack } from '../harness.ts'
import { balance, newKey, stats } from '../orders/helpers.ts'
import { startRedis, type RedisServer } from '../../redisServer.ts'
import { startInstance, type BffInstance } from './instances.ts'

// Two BFF instances on one Redis behind an imaginary load balancer: they must behave as one.
let redis: RedisServer
let stack: Stack
let second: BffInstance
let both: { bffUrl: string }[]
beforeAll(async () => {
  redis = await startRedis()
  stack = await startStack({ bff: { redisUrl: redis.url, redisPrefix: 'scale:' } })
  second = await startInstance(stack.config)
  both = [stack, second]
})
afterAll(async () => {
  await second?.close()
  await stack?.close()
  await redis?.stop()
})

const orderOn = (target: { bffUrl: string }, token: string, body: unknown, key: string) =>
  api(target, 'POST', '/api/v1/orders', { token, body, headers: { 'idempotency-key': key } })

describe('two BFF instances on one Redis', () => {
  it('20 duplicate orders with one key split across both instances: one ORDER_CREATE, one charge', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const key = newKey()
    const before = await stats(stack)
    const bal = await balance(stack, sub.customerId)
    const body = { productId: 'P_OPERA', periodMonths: 1, pin: sub.pin }
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => orderOn(both[i % 2], token, body, key)))
    const after = await stats(stack)
    expect((after.requests.ORDER_CREATE ?? 0) - (before.requests.ORDER_CREATE ?? 0)).toBe(1)
    expect(after.orders.count - before.orders.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    const price = after.charges.totalFen - before.charges.totalFen
    expect(price).toBeGreaterThan(0)
    expect(await balance(stack, sub.customerId)).toBe(bal - price)
    const created = answers.filter((a) => a.status === 201)
    expect(created.length + answers.filter((a) => a.status === 409).length).toBe(20)
    expect(new Set(created.map((a) => JSON.stringify(a.body))).size).toBe(1)
    // Both instances answered with the one order (a replay from the other's record counts).
    const late = await Promise.all(both.map((b) => orderOn(b, token, body, key)))
    expect(late.map((a) => a.status)).toEqual([201, 201])
    expect(late[0].body).toEqual(late[1].body)
    expect(late[0].body.orderId).toBe(created[0]?.body.orderId ?? late[0].body.orderId)
    expect((await stats(stack)).charges.count).toBe(after.charges.count)
  })

  it('counts wrong purchase PINs across instances and locks ordering on both', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(second, sub) // a token minted by one instance is good on the other
    const max = stack.config.pinMaxFailures
    const wrong = sub.pin === '000000' ? '111111' : '000000'
    const before = await stats(stack)
    const statuses: number[] = []
    for (let i = 0; i < max; i++) {
      const res = await orderOn(both[i % 2], token, { productId: 'P_EDU', periodMonths: 1, pin: wrong }, newKey())
      statuses.push(res.status)
    }
    expect(statuses).toEqual([...Array(max - 1).fill(403), 429])
    for (const b of both) {
      const res = await orderOn(b, token, { productId: 'P_EDU', periodMonths: 1, pin: sub.pin }, newKey())
      expect(res.status).toBe(429)
      expect(res.body.error.code).toBe('LOCKED')
    }
    expect((await stats(stack)).charges.count).toBe(before.charges.count)
  })

  it('a logout or an operator revocation on one instance is refused at once by the other, which had just let the token in', async () => {
    const [first, neighbour] = stack.subscribers.filter((s) => s.status === 'normal').slice(-2)
    const account = (on: { bffUrl: string }, token: string) => api(on, 'GET', '/api/v1/account', { token })
    // Each instance remembers the revocation list it read (issue 22): both have read it for these tokens.
    const token = await login(stack, first)
    const other = await login(second, neighbour)
    for (const b of both) {
      expect((await account(b, token)).status).toBe(200)
      expect((await account(b, other)).status).toBe(200)
    }
    expect((await api(stack, 'POST', ApiPath.sessionLogout, { token })).status).toBe(204)
    expect((await account(second, token)).status).toBe(401)
    expect((await account(second, other)).status).toBe(200)

    const operator = `Basic ${Buffer.from(`${stack.config.usage.operatorUser}:${stack.config.usage.operatorPassword}`).toString('base64')}`
    const ended = await api(second, 'POST', OperatorSessionPath.revoke, {
      body: { customerId: neighbour.customerId },
      headers: { authorization: operator },
    })
    expect(ended.status).toBe(200)
    expect((await account(stack, other)).status).toBe(401)
  })
})
