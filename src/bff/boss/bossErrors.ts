/**
 * Typed failures of the BOSS, so adapters and the error handler never look at raw RSP_CODEs
 * or socket errors.
 */

/** The BOSS could not be reached, answered HTTP 5xx, or said it is busy (9999). */
export class BossUnavailableError extends Error {
  override name = 'BossUnavailableError'
}

/** The BOSS did not answer within the per-call budget. The call may or may not have happened. */
export class BossTimeoutError extends Error {
  override name = 'BossTimeoutError'
}

/** The BOSS refused our envelope (1001/1002/1003) or answered something we cannot read: our bug or a config mismatch. */
export class BossProtocolError extends Error {
  override name = 'BossProtocolError'
  /** The RSP_CODE when the BOSS refused the envelope; absent when its answer was unreadable. */
  readonly rspCode: string | undefined
  constructor(message: string, opts: { rspCode?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.rspCode = opts.rspCode
  }
}

/** A business outcome (2xxx..5xxx): the adapter decides what it means for the viewer. */
export class BossBusinessError extends Error {
  override name = 'BossBusinessError'
  readonly rspCode: string
  readonly body: Record<string, unknown>
  constructor(rspCode: string, desc: string, body: Record<string, unknown>) {
    super(`BOSS ${rspCode}: ${desc}`)
    this.rspCode = rspCode
    this.body = body
  }
}

export const BossCode = {
  ok: '0000',
  badSignature: '1001',
  badParameter: '1002',
  unknownService: '1003',
  customerNotFound: '2001',
  recordNotFound: '2002',
  accountSuspended: '2003',
  deviceNotProven: '2004',
  insufficientBalance: '3001',
  orderNoUsed: '3002',
  productConflict: '3003',
  wrongPin: '3004',
  cardWrong: '4001',
  cardUsed: '4002',
  cardExpired: '4003',
  cardWrongRegion: '4004',
  slotUnavailable: '5001',
  busy: '9999',
} as const
