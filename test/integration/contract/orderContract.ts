import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  Account,
  Order,
  OrderPath,
  OrderQuote,
  ProductDetail,
  ProductListResponse,
  SpendingLimit,
  Subscription,
  SubscriptionListResponse,
  type ProductSummary,
} from '../../../src/contract/index.ts'
import { expectError, expectOk, openSession, send, type Answer, type ContractTarget } from './contractClient.ts'

/**
 * Package ordering as behaviour, against the mocks and the real BFF alike. One order is placed (the first
 * product the household can order for a month), the rest is refused before anything moves. At most two
 * wrong PINs are sent, well under the lock.
 */
const key = () => `contract-${randomUUID()}`
/** The demo households' purchase PIN: the target's own when its box says, else the stub's and the mocks' demo PIN. */
const pinOf = (t: ContractTarget): string => {
  const pin = (t.devices[0] as { pin?: unknown }).pin
  return typeof pin === 'string' ? pin : '123456'
}
const wrongPin = (t: ContractTarget): string => (pinOf(t) === '000000' ? '999999' : '000000')

function sendJson(
  t: ContractTarget,
  method: string,
  path: string,
  token: string | null,
  body: unknown,
  idemKey: string | null = null,
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (idemKey !== null) headers['Idempotency-Key'] = idemKey
  return send(t, path, { method, token: token ?? undefined, headers, body: JSON.stringify(body) })
}
const order = (t: ContractTarget, token: string | null, body: unknown, idemKey: string | null = key()) =>
  sendJson(t, 'POST', OrderPath.orders, token, body, idemKey)
const quote = (t: ContractTarget, token: string, body: unknown) => sendJson(t, 'POST', OrderPath.quote, token, body)

async function catalogue(t: ContractTarget, token: string): Promise<ProductSummary[]> {
  const res = await send(t, OrderPath.products, { token })
  expectOk(ProductListResponse, res, 'products')
  return (res.body as ProductListResponse).items
}

async function balance(t: ContractTarget, token: string): Promise<number> {
  const res = await send(t, '/api/v1/account', { token })
  expectOk(Account, res, 'account')
  return (res.body as Account).balanceFen
}

/** The first package the household can order for its shortest period right now, by the BFF's own quote. */
async function orderable(t: ContractTarget, token: string): Promise<OrderQuote> {
  for (const p of (await catalogue(t, token)).filter((x) => x.orderable && x.badge === null)) {
    const q = await quote(t, token, { productId: p.productId, periodMonths: p.prices[0].periodMonths })
    if (q.status === 200 && q.body.canOrder) return q.body as OrderQuote
  }
  throw new Error('the first demo household can order nothing: it needs money and a package it does not hold')
}

export function describeOrderContract(getTarget: () => ContractTarget): void {
  describe('catalogue and subscriptions', () => {
    it('lists the catalogue with every category counted, and filters by category', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const res = await send(t, OrderPath.products, { token })
      expectOk(ProductListResponse, res, 'products')
      const all = res.body as ProductListResponse
      expect(all.items.length).toBeGreaterThan(1)
      expect(all.categories.reduce((n, c) => n + c.count, 0)).toBe(all.items.length)
      for (const p of all.items) {
        expect(p.prices.map((x) => x.periodMonths)).toEqual(
          [...p.prices.map((x) => x.periodMonths)].sort((a, b) => a - b),
        )
        expect(p.badge === null).toBe(p.holding === null)
      }
      const hd = await send(t, `${OrderPath.products}?category=hd`, { token })
      expectOk(ProductListResponse, hd, 'hd products')
      expect(hd.body.items.length).toBeGreaterThan(0)
      expect(hd.body.items.every((p: ProductSummary) => p.category === 'hd')).toBe(true)
      expect(hd.body.categories).toEqual(all.categories)
    })

    it.each(['category=nope', 'category=hd&category=sports', 'sort=price'])(
      'answers 400 BAD_REQUEST for the query %s',
      async (q) => {
        const t = getTarget()
        expectError(await send(t, `${OrderPath.products}?${q}`, { token: await openSession(t) }), 400, 'BAD_REQUEST', q)
      },
    )

    it('answers a product with its channels, agreeing with its list entry', async () => {
      const t = getTarget()
      const token = await openSession(t)
      for (const summary of (await catalogue(t, token)).slice(0, 3)) {
        const res = await send(t, `${OrderPath.products}/${summary.productId}`, { token })
        expectOk(ProductDetail, res, summary.productId)
        expect(res.body).toMatchObject(summary)
        expect(res.body.channels.length).toBe(summary.channelCount)
      }
    })

    it('answers 404 NOT_FOUND for an unknown product and 400 BAD_REQUEST for malformed ids', async () => {
      const t = getTarget()
      const token = await openSession(t)
      expectError(
        await send(t, `${OrderPath.products}/P_NO_SUCH_PRODUCT`, { token }),
        404,
        'NOT_FOUND',
        'unknown product',
      )
      for (const id of ['p_hd', 'bad!id', 'P'.repeat(33)]) {
        expectError(await send(t, `${OrderPath.products}/${id}`, { token }), 400, 'BAD_REQUEST', id)
      }
    })

    it('lists subscriptions live first by expiry, with statuses that follow the dates', async () => {
      const t = getTarget()
      const res = await send(t, OrderPath.subscriptions, { token: await openSession(t) })
      expectOk(SubscriptionListResponse, res, 'subscriptions')
      const items = (res.body as SubscriptionListResponse).items
      expect(items.length, 'the first demo household holds something').toBeGreaterThan(0)
      const live = items.filter((s) => s.status !== 'expired')
      expect(items.slice(0, live.length)).toEqual(live)
      expect(live.map((s) => s.expiryDate)).toEqual([...live.map((s) => s.expiryDate)].sort())
      for (const s of items) {
        if (s.status === 'expiring') expect(s.autoRenew === false && s.daysLeft <= 7 && s.daysLeft >= 0).toBe(true)
        if (s.status === 'expired') expect(s.daysLeft).toBeLessThan(0)
        expect(s.canStopAutoRenew).toBe(s.kind === 'package' && s.autoRenew && s.status !== 'expired')
      }
    })

    it('switches auto-renewal off (twice is harmless), refuses it for the base fee, 404/400 for unknown/malformed ids', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const items = (await send(t, OrderPath.subscriptions, { token })).body.items as Subscription[]
      const path = (id: string) => OrderPath.autoRenew.replace(':subscriptionId', id)
      const renewing = items.find((s) => s.canStopAutoRenew)
      if (renewing) {
        for (const attempt of ['first', 'second']) {
          const res = await sendJson(t, 'POST', path(renewing.subscriptionId), token, { autoRenew: false })
          expectOk(Subscription, res, `${attempt} stop`)
          expect(res.body).toMatchObject({
            subscriptionId: renewing.subscriptionId,
            autoRenew: false,
            canStopAutoRenew: false,
          })
        }
      }
      const base = items.find((s) => s.kind === 'maintenance' && s.autoRenew)
      if (base)
        expectError(
          await sendJson(t, 'POST', path(base.subscriptionId), token, { autoRenew: false }),
          409,
          'PRODUCT_CONFLICT',
          'base fee',
        )
      expectError(
        await sendJson(t, 'POST', path('S99999999999'), token, { autoRenew: false }),
        404,
        'NOT_FOUND',
        'unknown',
      )
      expectError(
        await sendJson(t, 'POST', path('bad!id'), token, { autoRenew: false }),
        400,
        'BAD_REQUEST',
        'malformed',
      )
      expectError(
        await sendJson(t, 'POST', path(items[0].subscriptionId), token, { autoRenew: true }),
        400,
        'BAD_REQUEST',
        'switch on',
      )
    })
  })

  describe('quotes and orders', () => {
    it('quotes price, dates and balance without charging anything', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const before = await balance(t, token)
      const subsBefore = (await send(t, OrderPath.subscriptions, { token })).body
      const q = await orderable(t, token)
      expect(q.conflicts).toEqual([])
      expect(q.autoRenewDefault).toBe(false)
      expect(q.balanceBeforeFen).toBe(before)
      expect(q.balanceAfterFen).toBe(before - q.amountFen)
      expect(q.shortfallFen).toBe(Math.max(0, -q.balanceAfterFen))
      expect(q.effectiveDate <= q.expiryDate).toBe(true)
      const listed = (await catalogue(t, token)).find((p) => p.productId === q.productId)
      expect(q.amountFen).toBe(listed?.prices.find((x) => x.periodMonths === q.periodMonths)?.priceFen)
      const again = await quote(t, token, { productId: q.productId, periodMonths: q.periodMonths })
      expectOk(OrderQuote, again, 'second quote')
      expect(await balance(t, token)).toBe(before)
      expect((await send(t, OrderPath.subscriptions, { token })).body).toEqual(subsBefore)
    })

    it('quotes a package already held and renewing as a conflict, and refuses to order it', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const held = (await catalogue(t, token)).find((p) => p.kind === 'package' && p.holding?.autoRenew)
      if (!held) throw new Error('the first demo household needs a renewing package')
      const q = await quote(t, token, { productId: held.productId, periodMonths: 1 })
      expectOk(OrderQuote, q, 'held quote')
      expect(q.body.canOrder).toBe(false)
      expect(q.body.conflicts.map((c: { code: string }) => c.code)).toContain('ALREADY_SUBSCRIBED')
      const res = await order(t, token, { productId: held.productId, periodMonths: 1, pin: pinOf(t) })
      expectError(res, 409, 'PRODUCT_CONFLICT', 'order a held package')
    })

    it.each([
      ['an unknown product', { productId: 'P_NO_SUCH_PRODUCT', periodMonths: 1 }, 404, 'NOT_FOUND'],
      ['a period not offered', { productId: 'P_HD', periodMonths: 2 }, 400, 'BAD_REQUEST'],
      ['a price field', { productId: 'P_HD', periodMonths: 1, amountFen: 1 }, 400, 'BAD_REQUEST'],
      ['a malformed product id', { productId: 'p hd', periodMonths: 1 }, 400, 'BAD_REQUEST'],
    ] as const)('answers a quote for %s with %s', async (_what, body, status, code) => {
      const t = getTarget()
      expectError(await quote(t, await openSession(t), body), status, code, JSON.stringify(body))
    })

    it('needs an Idempotency-Key and refuses unknown body fields', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const body = { productId: 'P_HD', periodMonths: 1, pin: pinOf(t) }
      expectError(await order(t, token, body, null), 400, 'BAD_REQUEST', 'no key')
      expectError(await order(t, token, body, 'short'), 400, 'BAD_REQUEST', 'short key')
      for (const extra of [{ priceFen: 1 }, { customerId: 'C00000002' }, { amountFen: 0 }]) {
        const res = await order(t, token, { ...body, ...extra })
        expectError(res, 400, 'BAD_REQUEST', JSON.stringify(extra))
        expect(res.body.error.message).toMatch(/body/)
      }
      expectError(
        await order(t, token, { productId: 'P_HD', periodMonths: 1, pin: '12345' }),
        400,
        'BAD_REQUEST',
        'short PIN',
      )
    })

    it('refuses a wrong PIN with 403 WRONG_PIN and the attempts left', async () => {
      const t = getTarget()
      const q = await orderable(t, await openSession(t))
      const res = await order(t, await openSession(t), {
        productId: q.productId,
        periodMonths: q.periodMonths,
        pin: wrongPin(t),
      })
      expectError(res, 403, 'WRONG_PIN', 'wrong PIN')
      expect(res.body.error.attemptsLeft).toBeGreaterThan(0)
      expect(res.body.error.attemptsLeft).toBeLessThan(5)
    })

    it('orders once: charges the balance, replays the same answer for the key, 422 for the key with another body', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const q = await orderable(t, token)
      const before = await balance(t, token)
      const k = key()
      const body = { productId: q.productId, periodMonths: q.periodMonths, pin: pinOf(t) }
      const created = await order(t, token, body, k)
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      expectOk(Order, { ...created, status: 200 }, 'order')
      expect(created.body).toMatchObject({
        productId: q.productId,
        periodMonths: q.periodMonths,
        amountFen: q.amountFen,
        autoRenew: false,
      })
      expect(await balance(t, token)).toBe(before - q.amountFen)

      const replay = await order(t, token, body, k)
      expect(replay.status).toBe(201)
      expect(replay.body).toEqual(created.body)
      // The PIN is not part of "the same request": the answer is replayed, nothing is checked or charged again.
      expect((await order(t, token, { ...body, pin: wrongPin(t) }, k)).body).toEqual(created.body)
      expect(await balance(t, token)).toBe(before - q.amountFen)
      const other = await order(t, token, { ...body, autoRenew: true }, k)
      expectError(other, 422, 'UNPROCESSABLE', 'same key, other body')

      const read = await send(t, OrderPath.order.replace(':orderId', created.body.orderId), { token })
      expectOk(Order, read, 'order read back')
      expect(read.body).toMatchObject({
        orderId: created.body.orderId,
        productId: q.productId,
        amountFen: q.amountFen,
        status: created.body.status,
      })
      if (t.devices[1])
        expectError(
          await send(t, OrderPath.order.replace(':orderId', created.body.orderId), {
            token: await openSession(t, t.devices[1]),
          }),
          404,
          'NOT_FOUND',
          "another household's order",
        )
      const subs = (await send(t, OrderPath.subscriptions, { token })).body.items as Subscription[]
      expect(subs.find((s) => s.subscriptionId === created.body.subscriptionId)?.productId).toBe(q.productId)
      const product = await send(t, `${OrderPath.products}/${q.productId}`, { token })
      expect(product.body.holding?.subscriptionId).toBe(created.body.subscriptionId)
    })

    it("answers 404 for an order that is not the household's and 400 for a malformed id", async () => {
      const t = getTarget()
      const token = await openSession(t)
      expectError(
        await send(t, OrderPath.order.replace(':orderId', `TVO${'0'.repeat(40)}`), { token }),
        404,
        'NOT_FOUND',
        'unknown order',
      )
      expectError(
        await send(t, OrderPath.order.replace(':orderId', 'TVO123'), { token }),
        400,
        'BAD_REQUEST',
        'malformed',
      )
    })
  })

  describe('spending limit', () => {
    it('reads the limit and refuses a wrong PIN, a negative limit and unknown fields', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const res = await send(t, OrderPath.spendingLimit, { token })
      expectOk(SpendingLimit, res, 'limit')
      const limit = res.body as SpendingLimit
      expect(limit.remainingFen).toBe(limit.limitFen === null ? null : Math.max(0, limit.limitFen - limit.spentFen))
      const wrong = await sendJson(t, 'PUT', OrderPath.spendingLimit, token, { limitFen: 5000, pin: wrongPin(t) })
      expectError(wrong, 403, 'WRONG_PIN', 'wrong PIN')
      expect(wrong.body.error.attemptsLeft).toBeGreaterThan(0)
      expectError(
        await sendJson(t, 'PUT', OrderPath.spendingLimit, token, { limitFen: -1, pin: pinOf(t) }),
        400,
        'BAD_REQUEST',
        'negative',
      )
      expectError(
        await sendJson(t, 'PUT', OrderPath.spendingLimit, token, { limitFen: 5000, pin: pinOf(t), customerId: 'C1' }),
        400,
        'BAD_REQUEST',
        'extra',
      )
      expect((await send(t, OrderPath.spendingLimit, { token })).body).toEqual(limit)
    })
  })

  describe('ordering without a token or a BOSS', () => {
    const routes: [string, string, unknown][] = [
      ['GET', OrderPath.products, undefined],
      ['GET', `${OrderPath.products}/P_HD`, undefined],
      ['GET', OrderPath.subscriptions, undefined],
      ['POST', OrderPath.quote, { productId: 'P_HD', periodMonths: 1 }],
      ['POST', OrderPath.orders, { productId: 'P_HD', periodMonths: 1, pin: '123456' }],
      ['GET', OrderPath.spendingLimit, undefined],
    ]

    it.each(routes)('answers 401 UNAUTHORIZED to %s %s without a token', async (method, path, body) => {
      const t = getTarget()
      const res = body === undefined ? await send(t, path) : await sendJson(t, method, path, null, body, key())
      expectError(res, 401, 'UNAUTHORIZED', `${method} ${path}`)
    })

    it('answers 503 BOSS_UNAVAILABLE while the BOSS is down', async (ctx) => {
      const t = getTarget()
      if (!t.setBossDown) return ctx.skip()
      const token = await openSession(t)
      await t.setBossDown(true)
      try {
        for (const [method, path, body] of routes) {
          const res =
            body === undefined ? await send(t, path, { token }) : await sendJson(t, method, path, token, body, key())
          // The catalogue may still show from the BFF's cache (stale-if-error) when it was seen before the outage.
          if (method === 'GET' && path.startsWith(OrderPath.products) && res.status === 200) {
            expectOk(
              path === OrderPath.products ? ProductListResponse : ProductDetail,
              res,
              `${method} ${path} from cache`,
            )
            continue
          }
          expectError(res, 503, 'BOSS_UNAVAILABLE', `${method} ${path}`)
          expect(res.body.error.retryAfter).toBeGreaterThan(0)
        }
      } finally {
        await t.setBossDown(false)
      }
    })
  })
}
