import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/routes.ts'
import type { ProductListQuery } from '../../../src/contract/products.ts'
import { api, bff, login, loose, startStack, type Stack } from '../harness.ts'
import { stats } from './helpers.ts'
import { DEFAULT_MONTH_LIMIT_FEN } from '../../../boss-stub/db/seed.ts'

let stack: Stack
const shelf = (token: string, query: ProductListQuery) => bff(stack, routes.products, { token, query })
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

describe('catalogue, quote, subscriptions, spending limit', () => {
  it('lists the catalogue with period prices and badges; detail has channels; bad ids 400, unknown 404', async () => {
    const token = await login(stack, stack.bySubscriber('expiring-soon'))
    const list = await loose(bff(stack, routes.products, { token }))
    expect(list.status).toBe(200)
    const sports = list.body.items.find((p: { productId: string }) => p.productId === 'P_SPORTS')
    expect(sports.prices.map((p: { periodMonths: number }) => p.periodMonths)).toEqual([1, 3, 6, 12])
    expect(sports.badge).toBe('expiring')
    expect(list.body.categories.map((c: { id: string }) => c.id)).toContain('sports')
    const only = await loose(shelf(token, { category: 'sports' }))
    expect(only.body.items.every((p: { category: string }) => p.category === 'sports')).toBe(true)
    const detail = await loose(bff(stack, routes.product, { token, params: { productId: 'P_SPORTS' } }))
    expect(detail.body.channels.length).toBe(sports.channelCount)
    // The BOSS's English names ride along for the hall in English: package, shelf, description, every channel.
    const cjk = /[\u3400-\u9fff]/
    expect(sports.nameEn).toBe('Sports Pack')
    expect(list.body.categories.find((c: { id: string }) => c.id === 'sports').nameEn).toBe('Sports')
    for (const p of list.body.items as { nameEn: string; categoryNameEn: string }[])
      expect(cjk.test(p.nameEn + p.categoryNameEn)).toBe(false)
    expect(cjk.test(detail.body.descriptionEn)).toBe(false)
    expect(detail.body.channels.filter((c: { nameEn: string }) => cjk.test(c.nameEn))).toEqual([])
    expect((await api(stack, 'GET', '/api/v1/products/p-x', { token })).status).toBe(400)
    expect((await bff(stack, routes.product, { token, params: { productId: 'P_NONE' } })).status).toBe(404)
    expect((await api(stack, 'GET', '/api/v1/products?category=nope', { token })).status).toBe(400)
  })

  it('quotes without charging: amount, dates, balance before/after, conflicts', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    const before = await stats(stack)
    const ok = await loose(
      bff(stack, routes.orderQuote, {
        token,
        body: { productId: 'P_OPERA', periodMonths: 3 },
      }),
    )
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      amountFen: 2200,
      canOrder: true,
      conflicts: [],
      autoRenewDefault: false,
      shortfallFen: 0,
    })
    expect(ok.body.balanceAfterFen).toBe(ok.body.balanceBeforeFen - 2200)
    // The BOSS's English name rides along for the hall in English (issue 16: the order steps showed 戏曲包).
    expect(ok.body.productNameEn).not.toMatch(/[\u3400-\u9fff]/)
    expect(ok.body.productNameEn).not.toBe(ok.body.productName)
    const clash = await loose(
      bff(stack, routes.orderQuote, {
        token,
        body: { productId: 'P_4K', periodMonths: 1 },
      }),
    )
    expect(clash.body.conflicts).toEqual([
      expect.objectContaining({
        code: 'MUTUALLY_EXCLUSIVE',
        productId: 'P_HD',
        productName: '高清包',
        productNameEn: 'HD Pack',
      }),
    ])
    const held = await loose(
      bff(stack, routes.orderQuote, {
        token,
        body: { productId: 'P_HD', periodMonths: 1 },
      }),
    )
    expect(held.body.conflicts.map((c: { code: string }) => c.code)).toEqual(['ALREADY_SUBSCRIBED'])
    const stopped = await login(stack, stack.bySubscriber('suspended'))
    const s = await loose(
      bff(stack, routes.orderQuote, {
        token: stopped,
        body: { productId: 'P_OPERA', periodMonths: 1 },
      }),
    )
    expect(s.body.conflicts.map((c: { code: string }) => c.code)).toContain('ACCOUNT_SUSPENDED')
    expect(
      (
        await api(stack, 'POST', '/api/v1/orders/quote', {
          token,
          body: { productId: 'P_OPERA', periodMonths: 1, priceFen: 1 },
        })
      ).status,
    ).toBe(400)
    const after = await stats(stack)
    expect(after.charges.count).toBe(before.charges.count)
    expect(after.orders.count).toBe(before.orders.count)
  })

  it('lists subscriptions with statuses and switches auto-renew off once', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    const list = await loose(bff(stack, routes.subscriptions, { token }))
    const kids = list.body.items.find((s: { productId: string }) => s.productId === 'P_KIDS')
    expect(kids).toMatchObject({ autoRenew: true, canStopAutoRenew: true, status: expect.any(String) })
    for (const s of list.body.items as { productName: string; productNameEn: string }[])
      expect([s.productName, s.productNameEn]).toEqual([s.productName, expect.not.stringMatching(/[\u3400-\u9fff]/)])
    const off = await loose(
      bff(stack, routes.autoRenew, {
        token,
        params: { subscriptionId: kids.subscriptionId },
        body: { autoRenew: false },
      }),
    )
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({
      subscriptionId: kids.subscriptionId,
      autoRenew: false,
      canStopAutoRenew: false,
      renewable: true,
    })
    const other = await login(stack, stack.bySubscriber('arrears'))
    expect(
      (
        await bff(stack, routes.autoRenew, {
          token: other,
          params: { subscriptionId: kids.subscriptionId },
          body: { autoRenew: false },
        })
      ).status,
    ).toBe(404)
    expect(
      (await api(stack, 'POST', '/api/v1/subscriptions/bad/auto-renew', { token, body: { autoRenew: false } })).status,
    ).toBe(400)
    expect(
      (
        await api(stack, 'POST', `/api/v1/subscriptions/${kids.subscriptionId}/auto-renew`, {
          token,
          body: { autoRenew: true },
        })
      ).status,
    ).toBe(400)
  })

  it('reads the spending limit and sets it behind the PIN; orders over it are refused', async () => {
    const token = await login(stack, stack.bySubscriber('big-household'))
    // On by default: the operator's limit, before anybody set one.
    const initial = await loose(bff(stack, routes.spendingLimit, { token }))
    expect(initial.body).toMatchObject({
      limitFen: DEFAULT_MONTH_LIMIT_FEN,
      remainingFen: DEFAULT_MONTH_LIMIT_FEN,
      spentFen: 0,
    })
    const wrong = await loose(bff(stack, routes.setSpendingLimit, { token, body: { limitFen: 500, pin: '000000' } }))
    expect([wrong.status, wrong.body.error.code, wrong.body.error.attemptsLeft]).toEqual([403, 'WRONG_PIN', 4])
    const set = await loose(bff(stack, routes.setSpendingLimit, { token, body: { limitFen: 500, pin: '123456' } }))
    expect(set.body).toMatchObject({ limitFen: 500, remainingFen: 500 })
    const quote = await loose(
      bff(stack, routes.orderQuote, {
        token,
        body: { productId: 'P_OPERA', periodMonths: 1 },
      }),
    )
    expect(quote.body.conflicts.map((c: { code: string }) => c.code)).toEqual(['OVER_SPENDING_LIMIT'])
    const res = await loose(
      bff(stack, routes.createOrder, {
        token,
        idempotencyKey: 'limit-test-key-1',
        body: { productId: 'P_OPERA', periodMonths: 1, pin: '123456' },
      }),
    )
    expect([res.status, res.body.error.code]).toEqual([403, 'OVER_SPENDING_LIMIT'])
    // The account holder may switch it off altogether, behind the PIN as well.
    const off = await loose(bff(stack, routes.setSpendingLimit, { token, body: { limitFen: null, pin: '123456' } }))
    expect(off.body).toMatchObject({ limitFen: null, remainingFen: null })
    const after = await loose(
      bff(stack, routes.orderQuote, {
        token,
        body: { productId: 'P_OPERA', periodMonths: 1 },
      }),
    )
    expect(after.body.conflicts).toEqual([])
  })
})
