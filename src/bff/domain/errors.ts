/**
 * What can go wrong with the BOSS, in the hall's words. `boss/` turns RSP_CODEs, socket errors and
 * unreadable answers into these; routes, plugins and the outbox only ever look at these, never at a code.
 */

/** The BOSS could not be reached, answered HTTP 5xx, or said it is busy. Nothing happened; the viewer may retry. */
export class BossUnavailableError extends Error {
  override name = 'BossUnavailableError'
}

/** The BOSS did not answer within the per-call budget. The call may or may not have happened. */
export class BossTimeoutError extends Error {
  override name = 'BossTimeoutError'
}

/** The BOSS gave an answer the hall cannot use (a refusal no adapter expected, or something unreadable). */
export class BossAnswerError extends Error {
  override name = 'BossAnswerError'
}

/**
 * Why the BOSS said no, for refusals that mean the same wherever they happen:
 * - `customerGone`: the household the token names is no longer registered (the box must log in again);
 * - `noSuchRecord`: the bill, order, ticket… does not exist for this household;
 * - `accountSuspended`: suspended for arrears (欠费停机);
 * - `notInThisState`: the ticket's state does not allow it (cancel a resolved ticket, rate an open one);
 * - `slotTaken`: the visit slot filled up meanwhile;
 * - `other`: a refusal its adapter has to explain (a wrong PIN, no money…).
 */
export type BossRefusal =
  'customerGone' | 'noSuchRecord' | 'accountSuspended' | 'notInThisState' | 'slotTaken' | 'other'

/** A business answer of the BOSS that is a "no". */
export class BossRefusedError extends BossAnswerError {
  override name = 'BossRefusedError'
  readonly refusal: BossRefusal
  constructor(refusal: BossRefusal, message: string) {
    super(message)
    this.refusal = refusal
  }
}

/** The purchase PIN (订购密码) was wrong: the BOSS judged it, so it counts towards the PIN lock. */
export class WrongPinError extends Error {
  override name = 'WrongPinError'
}

/** The BOSS did not answer, or answered "busy": the viewer sees the hall's outage screen, nothing was judged. */
export const isBossDown = (err: unknown): err is BossUnavailableError | BossTimeoutError =>
  err instanceof BossUnavailableError || err instanceof BossTimeoutError
