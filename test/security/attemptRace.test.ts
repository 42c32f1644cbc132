import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../integration/harness.ts'
import { startRedis, type RedisServer } from '../redisServer.ts'

/**
 * Attack 4 of issue 15: attempt limits that were check-then-act. 50 wrong purchase PINs (and 50 wrong
 * prepaid-card passwords) sent at once must not reach the BOSS more often than the limit (5), on the
 * SQLite store and on Redis; the right PIN sent after them is refused too, so nothing is charged.
 */
const PARALLEL = 50
const LIMIT = 5

type Stats = { results: Record<string, Record<string, number>>; charges: { count: number }; topups: { count: number } }
const bossStats = async (stack: Stack) => (await (await fetch(`${stack.bossUrl}/admin/stats`)).json()) as Stats
const wrongPin = (pin: string) => String((Number(pin) + 1) % 1_000_000).padStart(6, '0')

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})

for (const storeName of ['sqlite', 'redis'] as const) {
  describe(`${PARALLEL} parallel attempts on the ${storeName} store`, () => {
    let stack: Stack
    beforeAll(async () => {
      stack = await startStack({
        bff: {
          pinMaxFailures: LIMIT,
          topupCardMaxFailures: LIMIT,
          ...(storeName === 'redis' ? { redisUrl: redis.url, redisPrefix: `race-${randomUUID()}:` } : {}),
        },
      })
    })
    afterAll(async () => {
      await stack?.close()
    })

    it('wrong purchase PINs: at most the limit reach the BOSS, the rest and the right PIN after them are locked out', async () => {
      const sub = stack.bySubscriber('normal')
      const token = await login(stack, sub)
      const product = { productId: 'P_OPERA' }
      const body = (pin: string) => ({ productId: product.productId, periodMonths: 1, pin })
      const before = await bossStats(stack)

      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          api(stack, 'POST', '/api/v1/orders', {
            token,
            body: body(wrongPin(sub.pin)),
            headers: { 'idempotency-key': randomUUID() },
          }),
        ),
      )
      const after = await bossStats(stack)
      const evaluated = (after.results.ORDER_CREATE?.['3004'] ?? 0) - (before.results.ORDER_CREATE?.['3004'] ?? 0)
      const codes = answers.map((a) => a.body?.error?.code)
      expect(codes.filter((c) => c === 'WRONG_PIN').length + codes.filter((c) => c === 'LOCKED').length).toBe(PARALLEL)
      expect(evaluated).toBeLessThanOrEqual(LIMIT)
      expect(codes.filter((c) => c === 'WRONG_PIN').length).toBeLessThanOrEqual(LIMIT)

      const right = await api(stack, 'POST', '/api/v1/orders', {
        token,
        body: body(sub.pin),
        headers: { 'idempotency-key': randomUUID() },
      })
      expect(right.status).toBe(429)
      expect((await bossStats(stack)).charges.count).toBe(after.charges.count)
    })

    it('wrong prepaid-card passwords: at most the limit reach the BOSS', async () => {
      const sub = stack.bySubscriber('arrears')
      const token = await login(stack, sub)
      const cards = (await (
        await fetch(`${stack.bossUrl}/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=100`)
      ).json()) as {
        cardNo: string
        password: string
      }[]
      const card = cards[cards.length - 1]
      const before = await bossStats(stack)
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, (_v, i) =>
          api(stack, 'POST', '/api/v1/topups/card', {
            token,
            body: { cardNo: card.cardNo, password: String(10_000_000 + i).slice(0, card.password.length) },
            headers: { 'idempotency-key': randomUUID() },
          }),
        ),
      )
      const after = await bossStats(stack)
      const asked =
        Object.values(after.results.CARD_RECHARGE ?? {}).reduce((a, b) => a + b, 0) -
        Object.values(before.results.CARD_RECHARGE ?? {}).reduce((a, b) => a + b, 0)
      const codes = answers.map((a) => a.body?.error?.code)
      expect(codes.every((c) => c === 'CARD_INVALID' || c === 'LOCKED')).toBe(true)
      expect(asked).toBeLessThanOrEqual(LIMIT)
      expect(after.topups.count).toBe(before.topups.count)
    })
  })
}
