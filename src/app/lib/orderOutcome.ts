/**
 * The end of an order in the viewer's words, for the result screen (ResultPanel): placed, still being
 * placed, not placed, or refused (and why); each with the buttons that lead on, the main one first.
 */
import type { OrderResult } from '../../contract/index.ts'
import type { ButtonAction } from '../components/ActionButtons.ts'
import type { ResultContent } from '../components/ResultPanel.ts'
import { formatDate, formatFen } from './format.ts'
import { heldName } from './catalogue.ts'
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
export function sendingOutcome(): ResultContent {
  return outcome('pending', t('order.processing'), [], [])
}

/** The order's refs, which the tests and the crash-recovery checks read. */
function outcome(tone: ResultContent['tone'], title: string, lines: string[], actions: ButtonAction[]): ResultContent {
  return {
    tone,
    title,
    detail: lines.join('\n'),
    actions,
    refs: { title: 'OrderResultTitle', detail: 'OrderResultBody' },
  }
}

/** The BOSS's answer: placed, still processing (the viewer checks My subscriptions later), or not placed. */
export function answeredOutcome(r: OrderResult, go: OrderWays): ResultContent {
  const subs: ButtonAction = {
    ref: 'ResultSubscriptionsButton',
    label: t('order.toSubscriptions'),
    onSelect: go.subscriptions,
  }
  const done: ButtonAction = { ref: 'ResultDoneButton', label: t('order.done'), onSelect: go.done }
  if (isPlaced(r)) {
    const lines = [
      t('order.successBody', {
        product: heldName(r, currentLanguage()),
        date: formatDate(r.expiryDate, currentLanguage()),
      }),
      t('order.balanceNow', { amount: formatFen(r.amountFen), balance: formatFen(r.balanceAfterFen) }),
      t('order.orderNo', { id: r.bossOrderId }),
    ]
    return outcome('success', t('order.success'), lines, [done, subs])
  }
  if (r.status === 'processing') {
    return outcome('pending', t('order.processing'), [t('order.stillProcessing')], [subs, done])
  }
  const retry: ButtonAction = { ref: 'ResultRetryButton', label: t('order.retry'), onSelect: go.retry }
  return outcome('failure', t('order.failed'), [t('order.notPlaced')], [retry, done])
}

/** A refusal the PIN step cannot mend (locked PIN, money, a conflict): why, and Back (Top up first when money helps). */
export function refusedOutcome(f: OrderFailure, params: Record<string, number>, go: OrderWays): ResultContent {
  const back: ButtonAction = { ref: 'ResultBackButton', label: t('order.back'), onSelect: go.back }
  const topup: ButtonAction = { ref: 'ResultTopupButton', label: t('order.topup'), onSelect: go.topup }
  const lines = [t(f.key, { ...params, shortfall: '', remaining: '', product: '' })]
  return outcome('failure', t('order.failed'), lines, f.topup ? [topup, back] : [back])
}

/** What a refusal's words need: PIN tries left, minutes until a locked PIN opens again. */
export function refusalParams(e: unknown): Record<string, number> {
  return {
    attempts: isApiError(e) && e.attemptsLeft !== undefined ? e.attemptsLeft : 0,
    minutes: minutesFrom(isApiError(e) ? e.retryAfter : 0),
  }
}
