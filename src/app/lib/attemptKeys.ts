/**
 * The Idempotency-Key of a money-moving request the box has sent without a definite answer yet (an order,
 * a card or QR top-up). Kept in storage under a slot naming the box and what the request is, so a viewer who
 * leaves (or whose box or BFF restarts) and sends the same thing again sends the same key: the BFF then answers
 * what the BOSS holds, never a second charge. Forgotten once the answer is definite.
 * Slots never hold a secret (PIN, card password): only what identifies the request.
 */
import { uuidV4 } from './uuid.ts'

export interface AttemptOwner {
  deviceId: string
  cardNo: string
}

const memory: Record<string, string> = {}

/** Storage calls that never throw: some boxes throw on access with storage disabled, or when it is full. */
function stored(use: (s: Storage) => string | null | void): string | null {
  try {
    return typeof localStorage !== 'undefined' ? use(localStorage) || null : null
  } catch {
    return null
  }
}

/** `tvhall.<kind>Key:<deviceId>:<cardNo>:<parts…>`: per box and smart card, so a swapped card never reuses another household's key. */
export function attemptSlot(kind: string, who: AttemptOwner | null, parts: Array<string | number>): string {
  return 'tvhall.' + kind + 'Key:' + (who ? who.deviceId + ':' + who.cardNo : '') + ':' + parts.join(':')
}

/** The key kept in this slot, or a new one kept from now on. */
export function keptAttemptKey(slot: string): string {
  const kept = stored((s) => s.getItem(slot)) || memory[slot]
  if (kept) return kept
  const key = uuidV4()
  memory[slot] = key
  stored((s) => s.setItem(slot, key))
  return key
}

export function forgetAttemptKey(slot: string): void {
  delete memory[slot]
  stored((s) => s.removeItem(slot))
}
