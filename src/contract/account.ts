import { Type, type Static } from '@sinclair/typebox'
import { Fen, IsoDate, IsoDateTime } from './common.ts'

/** normal: in good standing; arrears: owes money, service still on; suspended: service stopped for arrears (欠费停机). */
export const AccountStatus = Type.Union([Type.Literal('normal'), Type.Literal('arrears'), Type.Literal('suspended')])
export type AccountStatus = Static<typeof AccountStatus>

export const Account = Type.Object({
  customerId: Type.String(),
  customerName: Type.String(),
  /** e.g. `8100********0001`: the full number never leaves the BFF. */
  cardNoMasked: Type.String(),
  regionName: Type.String(),
  status: AccountStatus,
  balanceFen: Fen,
  /** 0 when nothing is owed. */
  arrearsFen: Type.Integer({ minimum: 0 }),
  depositFen: Type.Integer({ minimum: 0 }),
  /** The BOSS's own low-balance flag (its threshold, not ours). */
  lowBalance: Type.Boolean(),
  /** When service will be stopped if arrears stay unpaid (status arrears). */
  suspendOn: Type.Union([IsoDate, Type.Null()]),
  /** When service was stopped (status suspended). */
  suspendedSince: Type.Union([IsoDateTime, Type.Null()]),
  nextDeduction: Type.Union([Type.Object({ date: IsoDate, amountFen: Fen }), Type.Null()]),
  /** When the BOSS produced these figures. */
  asOf: IsoDateTime,
})
export type Account = Static<typeof Account>
