/**
 * The BFF's own small state, behind one interface so the SQLite default can be swapped for Redis
 * when several BFF instances serve the evening peak. Everything is async for that reason.
 */

export type IdempotencyClaim =
  /**
   * This caller owns the key now and must `completeIdempotency` or `releaseIdempotency` it. `recovered`:
   * an earlier owner's lease ran out without an answer (its process died): the work may have happened.
   */
  | { state: 'claimed'; recovered?: true }
  /** Another request with this key is still running. */
  | { state: 'pending'; fingerprint: string }
  /** The work was done: replay this answer (if the fingerprint matches the request). */
  | { state: 'done'; fingerprint: string; statusCode: number; body: string }

export interface CounterState {
  count: number
  /** Seconds until the window ends and the count starts again from zero. */
  resetInSeconds: number
}

/** The answer of `reserveAttempt`: whether this caller may try once more, and the count it left behind. */
export interface AttemptReservation {
  granted: boolean
  /** Attempts counted in the window, this one included when granted. */
  count: number
  /** Seconds until the window (and with it a lock) ends. */
  resetInSeconds: number
}

export interface OutboxMessage {
  id: number
  topic: string
  payload: unknown
  /** Delivery attempts so far, this one included. */
  attempts: number
  createdAt: number
}

export interface Store {
  /**
   * Reserve an idempotency key (e.g. an order number) for `ttlSeconds`; the first caller wins and holds it
   * for a lease of `leaseSeconds` (default 30). A claim still pending when its lease runs out is handed to
   * the next caller as `recovered`, so a crash never leaves a key "in flight" for the whole ttl.
   */
  claimIdempotency(
    key: string,
    fingerprint: string,
    ttlSeconds: number,
    leaseSeconds?: number,
  ): Promise<IdempotencyClaim>
  /**
   * Pending claims under `prefix` whose lease ran out, each taken over for another `leaseSeconds` (so two
   * sweepers never settle the same one). The caller completes or releases them.
   */
  takeStaleClaims(prefix: string, limit: number, leaseSeconds: number): Promise<string[]>
  completeIdempotency(key: string, statusCode: number, body: string): Promise<void>
  /** Give a key back when the work certainly did not happen, so a retry may try again. */
  releaseIdempotency(key: string): Promise<void>

  /** Count one event in a window that starts at the first event (lockouts, rate limits). */
  hit(key: string, windowSeconds: number): Promise<CounterState>
  peek(key: string): Promise<CounterState | null>
  clear(key: string): Promise<void>

  /**
   * Reserve one attempt of something guessable (a purchase PIN, a card password, a log-in) before it is
   * tried, in one atomic step: granted only while fewer than `max` are counted in the window, so N requests
   * sent at once are evaluated at most `max` times. The reservation that reaches `max` starts a full
   * `windowSeconds` from now (the lock). A wrong try keeps its reservation; `clear` forgets them all (right
   * answer); `releaseAttempt` gives one back when the try was never evaluated (the BOSS was unreachable).
   */
  reserveAttempt(key: string, max: number, windowSeconds: number): Promise<AttemptReservation>
  releaseAttempt(key: string): Promise<void>

  /** Keep a message that must not be lost (e.g. a report to forward to the BOSS); `owner` lets `pending` find it. */
  enqueue(topic: string, payload: unknown, owner?: string): Promise<number>
  /** Messages of `owner` not yet delivered (e.g. a household's tickets still waiting for the BOSS), oldest first. */
  pending(topic: string, owner: string): Promise<OutboxMessage[]>
  /** Messages due for delivery, each hidden from other workers for `leaseSeconds`. */
  lease(limit: number, leaseSeconds: number): Promise<OutboxMessage[]>
  ack(id: number): Promise<void>
  /** Delivery failed: offer the message again after `delaySeconds`. */
  retry(id: number, delaySeconds: number): Promise<void>

  /** A small value that expires by itself (e.g. a complaint draft bound to a phone page). */
  putValue(key: string, value: string, ttlSeconds: number): Promise<void>
  /** The value, or null when absent or expired. */
  getValue(key: string): Promise<string | null>
  deleteValue(key: string): Promise<void>
  /** Read and delete in one step: of two callers racing for one value, only one gets it (one-use challenges and tokens). */
  takeValue(key: string): Promise<string | null>

  /** Drop expired idempotency records and counters. */
  sweep(): Promise<void>
  /** Throws when the store cannot serve (readiness). */
  ping(): Promise<void>
  close(): Promise<void>
}
