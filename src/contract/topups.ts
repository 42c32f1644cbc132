import { Type, type Static } from '@sinclair/typebox'
import { AccountStatus } from './account.ts'
import { Fen, IsoDateTime } from './common.ts'

/**
 * Top-ups (充值): a prepaid card (充值卡, number + password typed with the remote), or a QR code the
 * viewer pays with a phone (扫码支付). Both POSTs move money and need the `Idempotency-Key` header.
 *
 * Errors (ErrorBody codes):
 * - 400 BAD_REQUEST: malformed card number / password / amount, missing or malformed Idempotency-Key;
 * - 422 CARD_INVALID: card number or password wrong (`attemptsLeft` before the lock);
 * - 429 LOCKED: too many wrong cards for this account (`retryAfter` seconds, `attemptsLeft` 0);
 * - 409 CARD_USED, 422 CARD_EXPIRED, 422 CARD_NOT_ALLOWED (another region, or a value this account cannot take);
 * - 409 CONFLICT: the same Idempotency-Key still in flight; 422 UNPROCESSABLE: the key was used for another request;
 * - 503 BOSS_UNAVAILABLE / 504 BOSS_TIMEOUT (after a timeout the BFF has asked the BOSS whether the top-up happened).
 */

/** Prepaid card numbers are 16 digits; the TV shows them as 4-4-4-4. */
export const PrepaidCardNo = Type.String({ pattern: '^\\d{16}$', description: 'prepaid card number, 16 digits' })

/** The scratch-off password: 6 to 8 digits. Never logged, never echoed back. */
export const PrepaidCardPassword = Type.String({ pattern: '^\\d{6,8}$', description: 'card password, 6-8 digits' })

export const CardTopupRequest = Type.Object(
  {
    cardNo: PrepaidCardNo,
    password: PrepaidCardPassword,
  },
  { additionalProperties: false },
)
export type CardTopupRequest = Static<typeof CardTopupRequest>

/** The largest single QR payment the hall offers (5,000 yuan): a typo of extra zeros is refused, not charged. */
export const QR_TOPUP_MAX_FEN = 500_000

/** Amounts the TV offers as buttons; when the account is in arrears it adds the arrears amount (GET /account). */
export const QR_TOPUP_PRESETS_FEN = [3_000, 5_000, 10_000, 20_000, 50_000] as const

export const QrTopupRequest = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: QR_TOPUP_MAX_FEN, description: 'amount in fen, 1..500000' }),
  },
  { additionalProperties: false },
)
export type QrTopupRequest = Static<typeof QrTopupRequest>

/** The hall's reference of a top-up (also its serial at the BOSS). */
export const TopupId = Type.String({ pattern: '^[A-Za-z0-9]{1,64}$' })

export const TopupIdParams = Type.Object({ topupId: TopupId }, { additionalProperties: false })
export type TopupIdParams = Static<typeof TopupIdParams>

export const TopupMethod = Type.Union([Type.Literal('card'), Type.Literal('qr')])
export type TopupMethod = Static<typeof TopupMethod>

/**
 * pending: a QR code waiting to be paid; succeeded: the money is on the account;
 * cancelled: the viewer cancelled on the phone; expired: the QR code ran out unpaid.
 * A card top-up is answered succeeded or refused with an error, never pending.
 */
export const TopupStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('succeeded'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
])
export type TopupStatus = Static<typeof TopupStatus>

/** What the TV draws while a QR top-up is pending. The TV encodes `payUrl` into the QR image itself. */
export const QrCodeInfo = Type.Object({
  /** Address the phone opens (the payment page). */
  payUrl: Type.String({ minLength: 1, maxLength: 512 }),
  expiresAt: IsoDateTime,
  /** Seconds left when this answer was made: the countdown, without trusting the box's clock. */
  expiresInSeconds: Type.Integer({ minimum: 0 }),
})
export type QrCodeInfo = Static<typeof QrCodeInfo>

/** The account right after a successful top-up (a top-up first settles arrears, then lifts a suspension). */
export const TopupAccount = Type.Object({
  balanceFen: Fen,
  arrearsFen: Type.Integer({ minimum: 0 }),
  status: AccountStatus,
})
export type TopupAccount = Static<typeof TopupAccount>

export const Topup = Type.Object({
  topupId: TopupId,
  method: TopupMethod,
  status: TopupStatus,
  amountFen: Fen,
  createdAt: IsoDateTime,
  /** When the money arrived (succeeded), or the code was cancelled or ran out. */
  completedAt: Type.Union([IsoDateTime, Type.Null()]),
  /** e.g. `9100********0001` for card top-ups; null for QR. */
  cardNoMasked: Type.Union([Type.String(), Type.Null()]),
  /** Present while the QR code can still be paid (status pending). */
  qr: Type.Union([QrCodeInfo, Type.Null()]),
  /** Present once succeeded. */
  account: Type.Union([TopupAccount, Type.Null()]),
})
export type Topup = Static<typeof Topup>
