import { beforeAll, describe, expect, it } from 'vitest'
import type { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import { api, login, type Stack, type Subscriber } from '../harness.ts'
import { batchOf, operatorAuth, orderSession, sendBatch } from './helpers.ts'

/**
 * Offers that fit, end to end: usage events into DuckDB, the operator's "send offers" on the real BFF,
 * MSG_PUSH into the real boss-stub, the offer in the household's messages as the box reads them.
 * Runs on the stack of events.test.ts (one stack a file), with households that file does not use.
 */
export function offerSuite(ctx: () => { stack: Stack; store: DuckDbUsageStore }) {
  let stack: Stack
  let store: DuckDbUsageStore
  const households: { who: Subscriber; token: string; free: string[] }[] = []

  /** Packages the household could order (not held, not barred by one it holds), as the box's catalogue shows them. */
  async function orderable(token: string): Promise<string[]> {
    const res = await api(stack, 'GET', '/api/v1/products', { token })
    const items = (res.body.items ?? res.body) as {
      productId: string
      orderable: boolean
      kind: string
      holding: unknown
      badge: unknown
    }[]
    return items
      .filter((p) => p.orderable && p.kind === 'package' && p.holding === null && p.badge === null)
      .map((p) => p.productId)
  }

  const offersOf = async (token: string): Promise<string[]> => {
    const res = await api(stack, 'GET', '/api/v1/messages', { token })
    expect(res.status).toBe(200)
    return (res.body.items as { id: string; kind: string; product?: { productId: string } }[])
      .filter((m) => m.id.startsWith('OFR-'))
      .map((m) => {
        expect(m.kind).toBe('promotion')
        return m.product!.productId
      })
  }

  const sendOffers = (body: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    api(stack, 'POST', '/operator/api/usage/offers', { body, headers: { ...operatorAuth(stack), ...headers } })

  /** Two sittings that each open the package's detail and leave: the audience of its offer. */
  const lookTwice = async (h: (typeof households)[number], product: string) => {
    for (let i = 0; i < 2; i++)
      expect((await sendBatch(stack, h.token, batchOf(orderSession(product, 'detail')))).status).toBe(202)
  }

  beforeAll(async () => {
    ;({ stack, store } = ctx())
    for (const who of stack.subscribers.filter((s) => s.status === 'normal').slice(2, 6)) {
      const token = await login(stack, who)
      households.push({ who, token, free: await orderable(token) })
    }
  })

  describe('offers that fit', () => {
    it('two detail views without an order: one offer; the cap holds across runs; an opted-out or ordering household gets none', async () => {
      expect(households.length).toBe(4)
      const [looker, greedy, refuser, buyer] = households
      for (const h of households) expect(h.free.length).toBeGreaterThanOrEqual(3)
      await lookTwice(looker, looker.free[0])
      // Three packages looked at twice each: more than the cap of 2 offers in 30 days.
      for (const p of greedy.free.slice(0, 3)) await lookTwice(greedy, p)
      expect(stack.config.usage.offerCap).toBe(2)
      // The viewer says no in Settings on the box: kept by the BOSS.
      const no = await api(stack, 'PUT', '/api/v1/usage/offer-consent', {
        token: refuser.token,
        body: { offers: false },
      })
      expect(no.status).toBe(200)
      expect(no.body).toEqual({ offers: false })
      expect((await api(stack, 'GET', '/api/v1/usage/offer-consent', { token: refuser.token })).body).toEqual({
        offers: false,
      })
      await lookTwice(refuser, refuser.free[0])
      // Looked twice, then ordered it.
      await lookTwice(buyer, buyer.free[0])
      expect((await sendBatch(stack, buyer.token, batchOf(orderSession(buyer.free[0], 'done')))).status).toBe(202)

      const first = await sendOffers()
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({ targets: 5, sent: 3, capped: 1, optedOut: 1, unreachable: 0, failed: 0 })
      expect(await offersOf(looker.token)).toEqual([looker.free[0]])
      const greedyOffers = await offersOf(greedy.token)
      expect(greedyOffers).toHaveLength(2)
      expect(greedy.free.slice(0, 3)).toEqual(expect.arrayContaining(greedyOffers))
      expect(await offersOf(refuser.token)).toEqual([])
      expect(await offersOf(buyer.token)).toEqual([])

      const again = await sendOffers()
      expect(again.body).toMatchObject({ targets: 5, sent: 0, optedOut: 1, failed: 0 })
      expect(again.body.alreadyOffered + again.body.capped).toBe(4)
      expect(await offersOf(looker.token)).toHaveLength(1)
      expect(await offersOf(greedy.token)).toHaveLength(2)
    })

    it('the store keeps only a sealed contact: no customer id in it, in no table', async () => {
      const contacts = (await store.reader.runAndReadAll('SELECT * FROM usage_contacts')).getRowObjectsJson()
      expect(contacts.length).toBeGreaterThanOrEqual(4)
      const text = JSON.stringify([contacts, await store.dump()])
      for (const { who } of households) expect(text).not.toContain(who.customerId)
    })

    it('only the operator, from the report page: a box token, another origin or a bad range is refused', async () => {
      const box = await api(stack, 'POST', '/operator/api/usage/offers', { token: households[0].token, body: {} })
      expect(box.status).toBe(401)
      expect((await sendOffers({}, { origin: 'https://evil.example' })).status).toBe(403)
      expect((await sendOffers({ from: '2026-02-01', to: '2026-01-01' })).status).toBe(400)
      expect((await sendOffers({ area: 'no spaces' })).status).toBe(400)
    })
  })
}
