import { BossAnswerError, BossRefusedError, type BossRefusal } from '../domain/errors.ts'

/**
 * Typed failures of the BOSS wire protocol. They extend the hall's own errors (`domain/errors.ts`), so code
 * outside `boss/` handles them by what they mean and never sees an RSP_CODE; adapters may still look at the code.
 */
export { BossTimeoutError, BossUnavailableError } from '../domain/errors.ts'

/** The BOSS refused our envelope (1001/1002/1003) or answered something we cannot read: our bug or a config mismatch. */
export class BossProtocolError extends BossAnswerError {
  override name = 'BossProtocolError'
  /** The RSP_CODE when the BOSS refused the envelope; absent when its answer was unreadable. */
  readonly rspCode: string | undefined
  constructor(message: string, opts: { rspCode?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.rspCode = opts.rspCode
  }
}

/** A business outcome (2xxx..5xxx): the adapter decides what it means for the viewer, else its `refusal` says. */
export class BossBusinessError extends BossRefusedError {
  override name = 'BossBusinessError'
  readonly rspCode: string
  readonly body: Record<string, unknown>
  constructor(rspCode: string, desc: string, body: Record<string, unknown>) {
    super(REFUSALS[rspCode] ?? 'other', `BOSS ${rspCode}: ${desc}`)
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
  ticketState: '5002',
  busy: '9999',
} as const

/** The refusals that mean the same in every domain, in the hall's words. */
const REFUSALS: Record<string, BossRefusal> = {
  [BossCode.customerNotFound]: 'customerGone',
  [BossCode.recordNotFound]: 'noSuchRecord',
  [BossCode.accountSuspended]: 'accountSuspended',
  [BossCode.slotUnavailable]: 'slotTaken',
  [BossCode.ticketState]: 'notInThisState',
}
