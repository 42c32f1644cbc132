import { ApiError } from '../errors.ts'
import type { Store } from '../store/store.ts'

/**
 * Purchase PIN attempts per household. Each try is reserved in the store before the BOSS sees the PIN
 * (`reserveAttempt`, atomic), so 50 tries sent at once are evaluated at most `maxFailures` times; after
 * `maxFailures` misses ordering and the spending limit are locked for `lockSeconds`, even for the right PIN.
 * Kept in the Store, so a BFF restart keeps the lock. Keys carry the customer id only, never the PIN.
 */
export function pinLock(store: Store, opts: { maxFailures: number; lockSeconds: number }) {
  const key = (customerId: string) => `pin-attempts:${customerId}`

  const locked = (retryAfter: number) =>
    new ApiError(429, 'LOCKED', 'Too many wrong purchase PINs; ordering is locked for a while', {
      retryAfter,
      attemptsLeft: 0,
    })

  return {
    /** Seconds until the lock ends, or null when not locked. */
    async lockedFor(customerId: string): Promise<number | null> {
      const state = await store.peek(key(customerId))
      return state && state.count >= opts.maxFailures ? Math.max(1, state.resetInSeconds) : null
    },
    /** Take one attempt before the PIN goes to the BOSS; throws LOCKED when none is left. */
    async reserve(customerId: string): Promise<void> {
      const r = await store.reserveAttempt(key(customerId), opts.maxFailures, opts.lockSeconds)
      if (!r.granted) throw locked(Math.max(1, r.resetInSeconds))
    },
    /** The BOSS said the PIN is wrong: the reservation stays counted. Answers the error to throw. */
    async wrongPin(customerId: string): Promise<ApiError> {
      const state = await store.peek(key(customerId))
      const used = state?.count ?? opts.maxFailures
      if (used >= opts.maxFailures) return locked(Math.max(1, state?.resetInSeconds ?? opts.lockSeconds))
      return new ApiError(403, 'WRONG_PIN', 'The purchase PIN is wrong', { attemptsLeft: opts.maxFailures - used })
    },
    /** The BOSS accepted the PIN (whatever else it said): the misses are forgotten. */
    async rightPin(customerId: string): Promise<void> {
      await store.clear(key(customerId))
    },
    /** The PIN never reached a verdict (BOSS unreachable): the attempt is given back. */
    async notTried(customerId: string): Promise<void> {
      await store.releaseAttempt(key(customerId))
    },
  }
}
