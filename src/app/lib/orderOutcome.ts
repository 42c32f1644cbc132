/**
 * The end of an order in the viewer's words, for the result screen (OrderOutcome): placed, still being
 * placed, not placed, or refused (and why); each with the buttons that lead on, the main one first.
 */
import type { OrderResult } from '../../contract/index.ts'
import type { OutcomeButton, OutcomeContent } from '../components/OrderOutcome.ts'
import { formatDate, formatFen } from './format.ts'
import { currentLanguage, t } from './i18n.ts'
import { isApiError } from './api.ts'
import { isPlaced, minutesFrom, type OrderFailure } from './orderFlow.ts'

/** Where the result's buttons lead; the page knows the routes. */
export interface OrderWays {
  done: () => void
  subscriptions: () => void
  retry: () => void
  back: () => void
  topup: () => void
}

/** While the order goes out: no buttons, nothing for stray OKs to press. */
export function sendingOutcome(): OutcomeContent {
  return { tone: 'wait', title: t('order.processing'), lines: [], buttons: [] }
}

/** The BOSS's answer: placed, still processing (the viewer checks My subscriptions later), or not placed. */
export function answeredOutcome(r: OrderResult, go: OrderWays): OutcomeContent {
  const subs: OutcomeButton = {
    ref: 'ResultSubscriptionsButton',
    label: t('order.toSubscriptions'),
    onEnter: go.subscriptions,
  }
  const done: OutcomeButton = { ref: 'ResultDoneButton', label: t('order.done'), onEnter: go.done }
  if (isPlaced(r)) {
    const lines = [
      t('order.successBody', { product: r.productName, date: formatDate(r.expiryDate, currentLanguage()) }),
      t('order.balanceNow', { amount: formatFen(r.amountFen), balance: formatFen(r.balanceAfterFen) }),
      t('order.orderNo', { id: r.bossOrderId }),
    ]
    return { tone: 'ok', title: t('order.success'), lines, buttons: [done, subs] }
  }
  if (r.status === 'processing') {
    return { tone: 'wait', title: t('order.processing'), lines: [t('order.stillProcessing')], buttons: [subs, done] }
  }
  const retry: OutcomeButton = { ref: 'ResultRetryButton', label: t('order.retry'), onEnter: go.retry }
  return { tone: 'fail', title: t('order.failed'), lines: [t('order.notPlaced')], buttons: [retry, done] }
}

/** A refusal the PIN step cannot mend (locked PIN, money, a conflict): why, and Back (Top up first when money helps). */
export function refusedOutcome(f: OrderFailure, params: Record<string, number>, go: OrderWays): OutcomeContent {
  const back: OutcomeButton = { ref: 'ResultBackButton', label: t('order.back'), onEnter: go.back }
  const topup: OutcomeButton = { ref: 'ResultTopupButton', label: t('order.topup'), onEnter: go.topup }
  const lines = [t(f.key, { ...params, shortfall: '', remaining: '', product: '' })]
  return { tone: 'fail', title: t('order.failed'), lines, buttons: f.topup ? [topup, back] : [back] }
}

/** What a refusal's words need: PIN tries left, minutes until a locked PIN opens again. */
export function refusalParams(e: unknown): Record<string, number> {
  return {
    attempts: isApiError(e) && e.attemptsLeft !== undefined ? e.attemptsLeft : 0,
    minutes: minutesFrom(isApiError(e) ? e.retryAfter : 0),
  }
}
