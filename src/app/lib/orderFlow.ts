/**
 * The rules of one order, apart from the screens: which conflict blocks it and what the viewer can do
 * about it, what a failed order means in plain words, and waiting for an order the BOSS is still placing.
 */
import type { Order, OrderConflict, OrderConflictCode, OrderQuote, OrderResult } from '../../contract/index.ts'
import type { AppErrorCode } from './api.ts'
import type { TKey } from './i18nKeys.ts'
import type { LanguageCode } from './format.ts'

export const CONFLICT_KEY: Record<OrderConflictCode, TKey> = {
  ACCOUNT_SUSPENDED: 'order.conflict.ACCOUNT_SUSPENDED',
  ALREADY_SUBSCRIBED: 'order.conflict.ALREADY_SUBSCRIBED',
  MUTUALLY_EXCLUSIVE: 'order.conflict.MUTUALLY_EXCLUSIVE',
  NOT_ORDERABLE: 'order.conflict.NOT_ORDERABLE',
  OVER_SPENDING_LIMIT: 'order.conflict.OVER_SPENDING_LIMIT',
  INSUFFICIENT_BALANCE: 'order.conflict.INSUFFICIENT_BALANCE',
  ORDERING_LOCKED: 'order.conflict.ORDERING_LOCKED',
}

/** What the one button under a conflict does: top up (money solves it) or just go back. */
export type ConflictAction = 'topup' | 'back'

/** Top-up is offered only when a shortfall is the sole obstacle; otherwise topping up would not help. */
export function conflictAction(quote: Pick<OrderQuote, 'conflicts'>): ConflictAction {
  const codes = quote.conflicts.map((c) => c.code)
  const money = codes.filter((c) => c === 'INSUFFICIENT_BALANCE' || c === 'ACCOUNT_SUSPENDED')
  return codes.length > 0 && money.length === codes.length ? 'topup' : 'back'
}

/** Minutes to wait, rounded up (a viewer understands "15 minutes", not "842 seconds"). */
export function minutesFrom(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds || 0) / 60))
}

export function conflictParams(
  c: OrderConflict,
  shortfall: string,
  remaining: string,
  lang: LanguageCode,
): Record<string, string | number> {
  const product = (lang === 'en' ? c.productNameEn : c.productName) || c.productName || ''
  return { product, shortfall, remaining, minutes: minutesFrom(c.retryAfter) }
}

/** A refused POST /orders, in the viewer's words; `retry` says whether the PIN step should stay open. */
export interface OrderFailure {
  key: TKey
  retryPin: boolean
  topup: boolean
}

export function orderFailure(code: AppErrorCode): OrderFailure {
  switch (code) {
    case 'WRONG_PIN':
      return { key: 'pin.wrong', retryPin: true, topup: false }
    case 'LOCKED':
      return { key: 'pin.locked', retryPin: false, topup: false }
    case 'INSUFFICIENT_BALANCE':
      return { key: 'order.conflict.INSUFFICIENT_BALANCE', retryPin: false, topup: true }
    case 'OVER_SPENDING_LIMIT':
      return { key: 'order.conflict.OVER_SPENDING_LIMIT', retryPin: false, topup: false }
    case 'PRODUCT_CONFLICT':
      return { key: 'order.failed.conflict', retryPin: false, topup: false }
    case 'FORBIDDEN':
      return { key: 'order.conflict.ACCOUNT_SUSPENDED', retryPin: false, topup: true }
    case 'NETWORK':
    case 'BOSS_TIMEOUT':
    case 'CONFLICT':
      // The answer was lost (a cut connection, a BFF that died) or the first try is still under way: it may be placed
      // already. Never say "nothing was charged"; the same key goes out again and the BFF answers what the BOSS holds.
      return { key: 'order.failed.unknown', retryPin: true, topup: false }
    default:
      // BOSS down or refusing: nothing was charged; the same key may be sent again.
      return { key: 'order.failed.retry', retryPin: true, topup: false }
  }
}

export function isPlaced(r: OrderResult): r is Order {
  return r.status !== 'processing' && r.status !== 'notPlaced'
}

export interface PollOptions {
  getOrder: (orderId: string) => Promise<OrderResult>
  sleep: (ms: number) => Promise<void>
  /** Give up waiting after this long and say "still processing, check My subscriptions later". */
  maxWaitMs: number
  /** False once the viewer left the screen: stop asking. */
  stillWanted: () => boolean
}

/**
 * Polls a 202 order until the BOSS tells its fate. Transient failures of the poll itself are waited out:
 * the order is already the BOSS's business, asking again can never order twice.
 */
export async function waitForOrder(first: OrderResult, o: PollOptions): Promise<OrderResult> {
  let current = first
  let waited = 0
  while (current.status === 'processing' && waited < o.maxWaitMs && o.stillWanted()) {
    const ms = Math.max(1, current.pollAfterSeconds) * 1000
    await o.sleep(ms)
    waited += ms
    if (!o.stillWanted()) break
    try {
      current = await o.getOrder(current.orderId)
    } catch {
      /* the next round asks again */
    }
  }
  return current
}

/** Sends the order (`send`), then waits out a 202 until the BOSS tells its fate (see `waitForOrder`). */
export async function placeOrder(send: () => Promise<OrderResult>, o: PollOptions): Promise<OrderResult> {
  return waitForOrder(await send(), o)
}
