import { errorResponse } from './errors.ts'

/** The stub's demo purchase PIN (订购密码): every mocked household has it. */
export const MOCK_PURCHASE_PIN = '123456'
/** The BFF's defaults: wrong PINs in a row before the lock, and its length from the last miss. */
export const MOCK_PIN_MAX_FAILURES = 5
export const MOCK_PIN_LOCK_S = 900

/**
 * Wrong purchase PINs per household, as the BFF counts them (src/bff/plugins/pinLock.ts): after 5 in a row,
 * ordering and the spending limit are locked for 15 minutes, even for the right PIN. Per handler set.
 */
export function createPinLock(now: () => Date) {
  const failures = new Map<string, { count: number; resetAt: number }>()
  const locks = new Map<string, number>()

  const locked = (retryAfter: number): Response =>
    errorResponse(429, 'LOCKED', 'Too many wrong purchase PINs; ordering is locked for a while', {
      retryAfter,
      attemptsLeft: 0,
    })

  return {
    /** Seconds until the lock ends, or null when not locked. */
    lockedFor(customerId: string): number | null {
      const until = locks.get(customerId)
      if (until === undefined) return null
      const left = Math.ceil((until - now().getTime()) / 1000)
      if (left > 0) return left
      locks.delete(customerId)
      return null
    },
    /** The 429 to answer while locked, else undefined. */
    refusal(customerId: string): Response | undefined {
      const seconds = this.lockedFor(customerId)
      return seconds === null ? undefined : locked(seconds)
    },
    /** Counts a wrong PIN: 403 WRONG_PIN with the attempts left, or the 429 that starts the lock. */
    wrongPin(customerId: string): Response {
      const nowMs = now().getTime()
      const prior = failures.get(customerId)
      const state = prior && prior.resetAt > nowMs ? prior : { count: 0, resetAt: nowMs + MOCK_PIN_LOCK_S * 1000 }
      state.count++
      failures.set(customerId, state)
      if (state.count >= MOCK_PIN_MAX_FAILURES) {
        failures.delete(customerId)
        locks.set(customerId, nowMs + MOCK_PIN_LOCK_S * 1000)
        return locked(MOCK_PIN_LOCK_S)
      }
      return errorResponse(403, 'WRONG_PIN', 'The purchase PIN is wrong', {
        attemptsLeft: MOCK_PIN_MAX_FAILURES - state.count,
      })
    },
    rightPin(customerId: string): void {
      failures.delete(customerId)
    },
  }
}
export type MockPinLock = ReturnType<typeof createPinLock>
