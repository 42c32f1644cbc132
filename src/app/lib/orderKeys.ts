/**
 * The Idempotency-Key of an order without a definite answer, per box, package, period and renewal choice
 * (see attemptKeys.ts): re-entering the same order after a lost answer or a crash reuses it.
 * Forgotten once the order is placed or certainly not placed.
 */
import { attemptSlot, forgetAttemptKey, keptAttemptKey } from './attemptKeys.ts'
import { boxIdentity } from './backend.ts'

function slot(productId: string, months: number, autoRenew: boolean): string {
  return attemptSlot('order', boxIdentity(), [productId, months, autoRenew ? 'Y' : 'N'])
}

export function orderAttemptKey(productId: string, months: number, autoRenew: boolean): string {
  return keptAttemptKey(slot(productId, months, autoRenew))
}

export function forgetOrderAttempt(productId: string, months: number, autoRenew: boolean): void {
  forgetAttemptKey(slot(productId, months, autoRenew))
}
