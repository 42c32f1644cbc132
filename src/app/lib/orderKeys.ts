/**
 * The Idempotency-Key of an order the box has sent without a definite answer yet. Kept in storage per box,
 * package, period and renewal choice, so a viewer who leaves (or whose box or BFF restarts) and enters the
 * same order again sends the same key: the BFF then answers what the BOSS holds, never a second charge.
 * Forgotten once the answer is definite (placed, or certainly not placed).
 */
import { boxIdentity } from './backend.ts'
import { uuidV4 } from './uuid.ts'

const memory: Record<string, string> = {}

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null
  } catch {
    return null // some boxes throw on access with storage disabled
  }
}

function slot(productId: string, months: number, autoRenew: boolean): string {
  const who = boxIdentity()
  return 'tvhall.orderKey:' + (who ? who.deviceId + ':' + who.cardNo : '') + ':' + productId + ':' + months + ':' + (autoRenew ? 'Y' : 'N')
}

export function orderAttemptKey(productId: string, months: number, autoRenew: boolean): string {
  const k = slot(productId, months, autoRenew)
  const s = storage()
  const kept = (s && s.getItem(k)) || memory[k]
  if (kept) return kept
  const key = uuidV4()
  memory[k] = key
  if (s) s.setItem(k, key)
  return key
}

export function forgetOrderAttempt(productId: string, months: number, autoRenew: boolean): void {
  const k = slot(productId, months, autoRenew)
  delete memory[k]
  const s = storage()
  if (s) s.removeItem(k)
}
