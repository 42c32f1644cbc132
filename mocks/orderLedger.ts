import type { Account, Order, OrderConflict, OrderQuote, SpendingLimit } from '../src/contract/index.ts'
import { badRequest, errorResponse, notFound } from './errors.ts'
import { mockDemoDevices, type MockDemoDevice } from './fixtures/households.ts'
import { findProduct, priceOf } from './fixtures/products.ts'
import type { HouseholdProfile } from './fixtures/profiles.ts'
import {
  addDaysIso,
  addMonthsIso,
  baseHoldings,
  isLive,
  sortHoldings,
  subscriptionIdOf,
  type MockHolding,
} from './fixtures/subscriptions.ts'
import { beijingDate, beijingDateTime } from './fixtures/time.ts'

/**
 * What ordering changed for each household in this page's life (the handler set): orders, charges, new and
 * extended subscriptions, auto-renewals switched off, the spending limit. The BOSS's rules (boss-stub
 * ORDER_CHECK / ORDER_CREATE / LIMIT_SET / SUBS_RENEW_MOD), in the BOSS's order. Deterministic: ids derive
 * from the household and Idempotency-Key, sequence numbers from the order of calls.
 */

/** What the ordering handlers (orders.ts, products.ts) get from the handler set. */
export interface OrderingMockContext {
  at: (path: string) => string
  now: () => Date
  bossDown: boolean
  /** The scenario's household figures (what it holds follows from them). */
  profile: HouseholdProfile
  /** Network wait, routing, token: the answer to send instead, or the box and its account (top-ups included). */
  admit: (request: Request) => Promise<Response | { device: MockDemoDevice; account: Account }>
}

/** The second demo box of every scenario has a monthly spending limit set, so the limit can be previewed. */
export const MOCK_SECOND_BOX_LIMIT_FEN = 3000

export interface MockHousehold {
  profile: HouseholdProfile
  /** The account as the data routes show it before orders (top-ups included). */
  account: Account
  now: Date
}

interface HouseholdState {
  orders: Map<string, Order>
  added: MockHolding[]
  patches: Map<string, Partial<MockHolding>>
  limit?: { limitFen: number | null }
  /** Monthly charges that stop with the auto-renewals switched off. */
  stoppedFen: number
}

/** 40 upper-case hex digits from `text` (FNV-1a, five seeds): a stable order number without node:crypto. */
export function stableHex40(text: string): string {
  let out = ''
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35]) {
    let h = seed >>> 0
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    out += h.toString(16).padStart(8, '0')
  }
  return out.toUpperCase()
}

export const mockOrderId = (customerId: string, key: string): string => `TVO${stableHex40(`${customerId}\n${key}`)}`

export function createOrderLedger() {
  const households = new Map<string, HouseholdState>()
  let bossSeq = 0

  const state = (customerId: string): HouseholdState => {
    let s = households.get(customerId)
    if (!s) {
      s = { orders: new Map(), added: [], patches: new Map(), stoppedFen: 0 }
      households.set(customerId, s)
    }
    return s
  }

  function holdings(h: MockHousehold): MockHolding[] {
    const s = state(h.account.customerId)
    const base = baseHoldings(h.profile, h.account.customerId, h.account, h.now)
    const all = [...base, ...s.added].map((x) => ({ ...x, ...s.patches.get(x.subscriptionId) }))
    return sortHoldings(all, beijingDate(h.now))
  }

  const charged = (customerId: string): number =>
    [...state(customerId).orders.values()].reduce((sum, o) => sum + o.amountFen, 0)

  /** The account after this page's orders: the balance they took, next month's deduction as the holdings now are. */
  function account(a: Account): Account {
    const s = households.get(a.customerId)
    if (!s) return a
    const balanceFen = a.balanceFen - charged(a.customerId)
    let deduction = -s.stoppedFen
    for (const o of s.orders.values()) if (o.autoRenew && o.periodMonths === 1) deduction += o.amountFen
    const nextDeduction = a.nextDeduction
      ? { ...a.nextDeduction, amountFen: Math.max(0, a.nextDeduction.amountFen + deduction) }
      : null
    return {
      ...a,
      balanceFen,
      nextDeduction,
      lowBalance: nextDeduction ? balanceFen < nextDeduction.amountFen : a.lowBalance,
    }
  }

  function spendingLimit(h: MockHousehold): SpendingLimit {
    const s = state(h.account.customerId)
    const month = beijingDate(h.now).slice(0, 7)
    const secondBox = mockDemoDevices.findIndex((d) => d.customerId === h.account.customerId) === 1
    const limitFen = s.limit ? s.limit.limitFen : secondBox ? MOCK_SECOND_BOX_LIMIT_FEN : null
    const spentFen = [...s.orders.values()]
      .filter((o) => o.createdAt.slice(0, 7) === month)
      .reduce((sum, o) => sum + o.amountFen, 0)
    return { month, limitFen, spentFen, remainingFen: limitFen === null ? null : Math.max(0, limitFen - spentFen) }
  }

  /** ORDER_CHECK: the price, dates and every reason the order would be refused. A Response for 404 / 400. */
  function check(
    h: MockHousehold,
    productId: string,
    periodMonths: number,
  ): Omit<OrderQuote, 'shortfallFen' | 'autoRenewDefault' | 'canOrder'> | Response {
    const product = findProduct(productId)
    if (!product) return notFound('No such product')
    const fee = priceOf(product, periodMonths)
    if (fee === undefined)
      return badRequest(`body.periodMonths: this product is not offered for ${periodMonths} months`)
    const today = beijingDate(h.now)
    const live = holdings(h).filter((x) => isLive(x, today))
    const acct = account(h.account)
    const limit = spendingLimit(h)
    const conflicts: OrderConflict[] = []
    const add = (code: OrderConflict['code'], message: string, other: string | null = null) =>
      conflicts.push({
        code,
        message,
        productId: other,
        productName: other ? (findProduct(other)?.name ?? null) : null,
        productNameEn: other ? (findProduct(other)?.nameEn ?? null) : null,
      })
    if (acct.status === 'suspended') add('ACCOUNT_SUSPENDED', '账户已欠费停机，请先缴清欠费')
    if (!product.orderable) add('NOT_ORDERABLE', `${product.name}无需订购`, product.productId)
    const same = live.find((x) => x.productId === productId)
    if (same?.autoRenew) add('ALREADY_SUBSCRIBED', `已订购${product.name}（自动续订）`, product.productId)
    for (const clash of live.filter((x) => product.excludes.includes(x.productId))) {
      add('MUTUALLY_EXCLUSIVE', `与已订购的${clash.productName}互斥`, clash.productId)
    }
    if (limit.limitFen !== null && limit.spentFen + fee > limit.limitFen) {
      add('OVER_SPENDING_LIMIT', `超出家庭每月消费限额（限额${limit.limitFen}分，本月已用${limit.spentFen}分）`)
    }
    if (acct.balanceFen < fee) add('INSUFFICIENT_BALANCE', '账户余额不足')
    const renews = same && !same.autoRenew ? same : undefined
    const effectiveDate = renews ? addDaysIso(renews.expiryDate, 1) : today
    return {
      productId: product.productId,
      productName: product.name,
      productNameEn: product.nameEn,
      periodMonths,
      amountFen: fee,
      effectiveDate,
      expiryDate: addDaysIso(addMonthsIso(effectiveDate, periodMonths), -1),
      renewsSubscriptionId: renews?.subscriptionId ?? null,
      balanceBeforeFen: acct.balanceFen,
      balanceAfterFen: acct.balanceFen - fee,
      spendingLimit: limit,
      conflicts,
    }
  }

  /**
   * ORDER_CREATE after the PIN was found right: the first refusal as the BFF words it, or the order, which
   * charges the balance and starts (or extends) the subscription.
   */
  function place(
    h: MockHousehold,
    orderId: string,
    o: { productId: string; periodMonths: number; autoRenew: boolean },
  ): Order | Response {
    const c = check(h, o.productId, o.periodMonths)
    if (c instanceof Response) return c
    const first = c.conflicts[0]
    if (first?.code === 'OVER_SPENDING_LIMIT')
      return errorResponse(
        403,
        'OVER_SPENDING_LIMIT',
        "This order would go over the household's monthly spending limit",
      )
    if (first?.code === 'INSUFFICIENT_BALANCE')
      return errorResponse(402, 'INSUFFICIENT_BALANCE', 'The balance does not cover this order; top up first')
    if (first)
      return errorResponse(
        409,
        'PRODUCT_CONFLICT',
        'This package is already held, or cannot be held with one the household has',
      )
    const s = state(h.account.customerId)
    const product = findProduct(o.productId)!
    let subscriptionId: string
    if (c.renewsSubscriptionId) {
      subscriptionId = c.renewsSubscriptionId
      s.patches.set(subscriptionId, {
        ...s.patches.get(subscriptionId),
        expiryDate: c.expiryDate,
        autoRenew: o.autoRenew,
      })
    } else {
      subscriptionId = subscriptionIdOf(h.account.customerId, holdings(h).length + 1)
      s.added.push({
        subscriptionId,
        productId: product.productId,
        productName: product.name,
        productNameEn: product.nameEn,
        kind: product.kind,
        state: 'active',
        startDate: c.effectiveDate,
        expiryDate: c.expiryDate,
        autoRenew: o.autoRenew,
        periodMonths: o.periodMonths,
        priceFen: c.amountFen,
      })
    }
    bossSeq++
    const order: Order = {
      orderId,
      status: 'completed',
      bossOrderId: `O${beijingDate(h.now).replace(/-/g, '')}${String(bossSeq).padStart(6, '0')}`,
      productId: product.productId,
      productName: product.name,
      productNameEn: product.nameEn,
      periodMonths: o.periodMonths,
      amountFen: c.amountFen,
      autoRenew: o.autoRenew,
      subscriptionId,
      effectiveDate: c.effectiveDate,
      expiryDate: c.expiryDate,
      balanceAfterFen: c.balanceBeforeFen - c.amountFen,
      createdAt: beijingDateTime(h.now),
    }
    s.orders.set(orderId, order)
    return order
  }

  /** SUBS_RENEW_MOD off. undefined: not this household's; false: the BOSS refuses (ended, maintenance fee). */
  function stopAutoRenew(h: MockHousehold, subscriptionId: string): MockHolding | false | undefined {
    const today = beijingDate(h.now)
    const held = holdings(h).find((x) => x.subscriptionId === subscriptionId)
    if (!held) return undefined
    if (!held.autoRenew) return held
    if (held.kind === 'maintenance' || !isLive(held, today)) return false
    const s = state(h.account.customerId)
    s.patches.set(subscriptionId, { ...s.patches.get(subscriptionId), autoRenew: false })
    if (held.periodMonths === 1) s.stoppedFen += held.priceFen
    return { ...held, autoRenew: false }
  }

  return {
    holdings,
    account,
    spendingLimit,
    check,
    place,
    stopAutoRenew,
    order: (customerId: string, orderId: string): Order | undefined => households.get(customerId)?.orders.get(orderId),
    setLimit(h: MockHousehold, limitFen: number | null): SpendingLimit {
      state(h.account.customerId).limit = { limitFen }
      return spendingLimit(h)
    },
  }
}
export type OrderLedger = ReturnType<typeof createOrderLedger>
