import { Type, type Static } from '@sinclair/typebox'
import { Fen, IsoDate, IsoDateTime } from './common.ts'
import { PeriodMonths } from './products.ts'

/**
 * Ordering a package: quote (charges nothing, explains every conflict BEFORE the PIN), then the order with
 * the purchase PIN (订购密码) and an `Idempotency-Key` header, then its result (201, or 202 + polling).
 *
 * Errors of POST /orders (ErrorBody codes):
 * - 400 BAD_REQUEST: malformed body (unknown fields such as a price or an account are refused), missing/malformed key;
 * - 403 WRONG_PIN (`attemptsLeft`); 429 LOCKED after 5 wrong PINs: ordering and the limit are locked for the
 *   household for 15 minutes (`retryAfter`), even with the right PIN;
 * - 402 INSUFFICIENT_BALANCE (offer a top-up); 403 FORBIDDEN: account suspended for arrears;
 *   403 OVER_SPENDING_LIMIT; 409 PRODUCT_CONFLICT (already subscribed, mutually exclusive, not orderable);
 *   404 NOT_FOUND: no such product; 400 BAD_REQUEST: a period the product does not offer;
 * - 409 CONFLICT: the same key is still in flight; 422 UNPROCESSABLE: the key was used for another request;
 * - 503 BOSS_UNAVAILABLE (nothing was charged; the same key may be retried).
 * A completed key replays its first answer (header `Idempotent-Replayed: true`) and charges nothing.
 */

/** The 6-digit purchase PIN. Never logged, never stored, never echoed. */
export const PurchasePin = Type.String({ pattern: '^\\d{6}$', description: 'purchase PIN (订购密码), 6 digits' })

export const ProductIdField = Type.String({ pattern: '^[A-Z0-9_]{1,32}$' })

export const OrderQuoteRequest = Type.Object(
  {
    productId: ProductIdField,
    periodMonths: PeriodMonths,
  },
  { additionalProperties: false },
)
export type OrderQuoteRequest = Static<typeof OrderQuoteRequest>

export const OrderConflictCode = Type.Union([
  Type.Literal('ACCOUNT_SUSPENDED'), // 欠费停机: pay the arrears first
  Type.Literal('ALREADY_SUBSCRIBED'), // held and auto-renewing: nothing to buy
  Type.Literal('MUTUALLY_EXCLUSIVE'), // cannot be held with `productId`
  Type.Literal('NOT_ORDERABLE'), // e.g. the maintenance fee
  Type.Literal('OVER_SPENDING_LIMIT'), // the household's monthly limit
  Type.Literal('INSUFFICIENT_BALANCE'), // top up `shortfallFen` first
  Type.Literal('ORDERING_LOCKED'), // too many wrong PINs; `retryAfter` seconds
])
export type OrderConflictCode = Static<typeof OrderConflictCode>

export const OrderConflict = Type.Object({
  code: OrderConflictCode,
  /** For operators and logs; the TV words each code itself. */
  message: Type.String(),
  /** The other product involved (mutually exclusive / already subscribed). */
  productId: Type.Union([Type.String(), Type.Null()]),
  productName: Type.Union([Type.String(), Type.Null()]),
  /** Its English name (the catalogue's), so an English screen never names it in Chinese. */
  productNameEn: Type.Union([Type.String(), Type.Null()]),
  retryAfter: Type.Optional(Type.Integer({ minimum: 0 })),
})
export type OrderConflict = Static<typeof OrderConflict>

/** The household's monthly spending limit (the BOSS's figures). */
export const SpendingLimit = Type.Object({
  /** `YYYY-MM`, Beijing. */
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  /** null: no limit set. */
  limitFen: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** Orders charged this month (top-ups and the monthly bill do not count). */
  spentFen: Type.Integer({ minimum: 0 }),
  /** null without a limit; never below 0. */
  remainingFen: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
})
export type SpendingLimit = Static<typeof SpendingLimit>

/** What the confirmation screen shows. Nothing is charged or reserved by asking. */
export const OrderQuote = Type.Object({
  productId: Type.String(),
  productName: Type.String(),
  /** The BOSS's English name (its Chinese one where it has none). */
  productNameEn: Type.String(),
  periodMonths: PeriodMonths,
  amountFen: Fen,
  effectiveDate: IsoDate,
  expiryDate: IsoDate,
  /** Set when this order extends a held subscription from the day after its current end. */
  renewsSubscriptionId: Type.Union([Type.String(), Type.Null()]),
  balanceBeforeFen: Fen,
  /** Negative when the balance is short. */
  balanceAfterFen: Fen,
  /** Top-up needed before ordering; 0 when the balance suffices. */
  shortfallFen: Type.Integer({ minimum: 0 }),
  spendingLimit: SpendingLimit,
  /** Auto-renewal is off unless the viewer switches it on. */
  autoRenewDefault: Type.Literal(false),
  /** Empty when the order can go ahead with the right PIN. */
  conflicts: Type.Array(OrderConflict),
  canOrder: Type.Boolean(),
})
export type OrderQuote = Static<typeof OrderQuote>

export const OrderRequest = Type.Object(
  {
    productId: ProductIdField,
    periodMonths: PeriodMonths,
    autoRenew: Type.Optional(Type.Boolean({ default: false })),
    pin: PurchasePin,
  },
  { additionalProperties: false },
)
export type OrderRequest = Static<typeof OrderRequest>

/** The hall's order id: stable for one household and Idempotency-Key (it is also the BOSS's ORDER_NO). */
export const OrderId = Type.String({ pattern: '^TVO[0-9A-F]{40}$' })

/** An order the BOSS holds. Statuses follow TMF622. */
export const Order = Type.Object({
  orderId: OrderId,
  status: Type.Union([
    Type.Literal('inProgress'),
    Type.Literal('completed'),
    Type.Literal('failed'),
    Type.Literal('cancelled'),
  ]),
  /** The BOSS's own number, for the customer service desk. */
  bossOrderId: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  /** The BOSS's English name (its Chinese one where it has none). */
  productNameEn: Type.String(),
  periodMonths: PeriodMonths,
  amountFen: Fen,
  autoRenew: Type.Boolean(),
  subscriptionId: Type.String(),
  effectiveDate: IsoDate,
  expiryDate: IsoDate,
  /** Balance after the order, as the BOSS reported it when asked. */
  balanceAfterFen: Fen,
  createdAt: IsoDateTime,
})
export type Order = Static<typeof Order>

/** The BOSS did not answer in time: poll GET /orders/{orderId} after `pollAfterSeconds`. Never order again meanwhile. */
export const OrderProcessing = Type.Object({
  orderId: OrderId,
  status: Type.Literal('processing'),
  pollAfterSeconds: Type.Integer({ minimum: 1 }),
})
export type OrderProcessing = Static<typeof OrderProcessing>

/** The BOSS never recorded the order (checked long enough after the attempt): nothing was charged. */
export const OrderNotPlaced = Type.Object({
  orderId: OrderId,
  status: Type.Literal('notPlaced'),
})
export type OrderNotPlaced = Static<typeof OrderNotPlaced>

/** POST /orders answers 201 Order or 202 OrderProcessing; GET /orders/{id} any of the three. */
export const OrderResult = Type.Union([Order, OrderProcessing, OrderNotPlaced])
export type OrderResult = Static<typeof OrderResult>

export const OrderIdParams = Type.Object({ orderId: OrderId }, { additionalProperties: false })
export type OrderIdParams = Static<typeof OrderIdParams>

/** PUT /spending-limit: null removes the limit; 0 blocks every order this month. Behind the purchase PIN. */
export const SpendingLimitRequest = Type.Object(
  {
    limitFen: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    pin: PurchasePin,
  },
  { additionalProperties: false },
)
export type SpendingLimitRequest = Static<typeof SpendingLimitRequest>
