import { ApiError } from '../errors.ts'
import type { Store } from '../store/store.ts'

/**
 * Wrong purchase PINs per household: after `maxFailures` in a row, ordering and the spending limit are locked
 * for `lockSeconds` from the last miss, even for the right PIN. Kept in the Store, so a BFF restart keeps the lock.
 * Keys carry the customer id only, never the PIN.
 */
export function pinLock(store: Store, opts: { maxFailures: number; lockSeconds: number }) {
  const failKey = (customerId: string) => `pin-fail:${customerId}`
  const lockKey = (customerId: string) => `pin-lock:${customerId}`

  const locked = (retryAfter: number) =>
    new ApiError(429, 'LOCKED', 'Too many wrong purchase PINs; ordering is locked for a while', { retryAfter, attemptsLeft: 0 })

  return {
    /** Seconds until the lock ends, or null when not locked. */
    async lockedFor(customerId: string): Promise<number | null> {
      const lock = await store.peek(lockKey(customerId))
      return lock ? Math.max(1, lock.resetInSeconds) : null
    },
    async assertUnlocked(customerId: string): Promise<void> {
      const seconds = await this.lockedFor(customerId)
      if (seconds !== null) throw locked(seconds)
    },
    /** Count a wrong PIN; answers the error to throw (WRONG_PIN with attempts left, or LOCKED). */
    async wrongPin(customerId: string): Promise<ApiError> {
      const fails = await store.hit(failKey(customerId), opts.lockSeconds)
      if (fails.count >= opts.maxFailures) {
        await store.clear(failKey(customerId))
        const lock = await store.hit(lockKey(customerId), opts.lockSeconds)
        return locked(lock.resetInSeconds)
      }
      return new ApiError(403, 'WRONG_PIN', 'The purchase PIN is wrong', { attemptsLeft: opts.maxFailures - fails.count })
    },
    async rightPin(customerId: string): Promise<void> {
      await store.clear(failKey(customerId))
    },
  }
}
export type PinLock = ReturnType<typeof pinLock>
