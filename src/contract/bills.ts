import { Type, type Static } from '@sinclair/typebox'
import { Fen, IsoDate, IsoDateTime, Page } from './common.ts'

export const BillStatus = Type.Union([Type.Literal('unpaid'), Type.Literal('partial'), Type.Literal('settled')])
export type BillStatus = Static<typeof BillStatus>

/** Billing month, `YYYY-MM`. */
export const BillMonth = Type.String({ pattern: '^\\d{4}-\\d{2}$' })

export const BillSummary = Type.Object({
  billId: Type.String(),
  month: BillMonth,
  totalFen: Fen,
  paidFen: Fen,
  status: BillStatus,
  dueDate: IsoDate,
})
export type BillSummary = Static<typeof BillSummary>

export const BillLineKind = Type.Union([
  Type.Literal('maintenance'), // 基本收视维护费
  Type.Literal('package'),
  Type.Literal('ppv'), // pay-per-view / VOD purchase
  Type.Literal('adjustment'),
  Type.Literal('discount'),
  Type.Literal('other'),
])
export type BillLineKind = Static<typeof BillLineKind>

export const BillLine = Type.Object({
  kind: BillLineKind,
  /** Stable key for comparing months (product id, or the kind for fees). */
  itemKey: Type.String(),
  name: Type.String(),
  /** The BOSS's English wording of the line; its Chinese one where the BOSS has none. */
  nameEn: Type.String(),
  amountFen: Fen,
})
export type BillLine = Static<typeof BillLine>

export const BillDetail = Type.Composite([
  BillSummary,
  Type.Object({
    periodStart: IsoDate,
    periodEnd: IsoDate,
    lines: Type.Array(BillLine),
  }),
])
export type BillDetail = Static<typeof BillDetail>

export const BillIdParams = Type.Object(
  {
    billId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
  },
  { additionalProperties: false },
)
export type BillIdParams = Static<typeof BillIdParams>

export const BillListResponse = Page(BillSummary)
export type BillListResponse = Static<typeof BillListResponse>

export const PaymentChannel = Type.Union([
  Type.Literal('counter'),
  Type.Literal('tv'),
  Type.Literal('card'),
  Type.Literal('qr'),
  Type.Literal('bank'),
])
export type PaymentChannel = Static<typeof PaymentChannel>

export const Payment = Type.Object({
  paymentId: Type.String(),
  channel: PaymentChannel,
  amountFen: Fen,
  paidAt: IsoDateTime,
})
export type Payment = Static<typeof Payment>

export const PaymentListResponse = Page(Payment)
export type PaymentListResponse = Static<typeof PaymentListResponse>
