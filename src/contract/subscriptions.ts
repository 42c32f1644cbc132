import { Type, type Static } from '@sinclair/typebox'
import { Fen, IsoDate } from './common.ts'
import { PeriodMonths } from './products.ts'

/**
 * My subscriptions (我的订购). active: in service; expiring: in service, ends within 7 days and will not renew;
 * suspended: stopped for arrears (欠费停机); expired: ended (kept for a renewal).
 */
export const SubscriptionStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('expiring'),
  Type.Literal('suspended'),
  Type.Literal('expired'),
])
export type SubscriptionStatus = Static<typeof SubscriptionStatus>

/** Days before the end at which a subscription counts as expiring (the NRTA asks for a reminder 5 days before). */
export const EXPIRING_WITHIN_DAYS = 7

export const Subscription = Type.Object({
  subscriptionId: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  /** The BOSS's English name (its Chinese one where it has none). */
  productNameEn: Type.String(),
  kind: Type.Union([Type.Literal('maintenance'), Type.Literal('package')]),
  status: SubscriptionStatus,
  startDate: IsoDate,
  /** Last day of service, inclusive. */
  expiryDate: IsoDate,
  /** Days from today to the expiry date (0 = ends today, negative = ended). */
  daysLeft: Type.Integer(),
  autoRenew: Type.Boolean(),
  periodMonths: PeriodMonths,
  priceFen: Fen,
  /** The viewer may order another period of it (a package, not auto-renewing). */
  renewable: Type.Boolean(),
  /** Auto-renewal can be switched off (a live package that renews). */
  canStopAutoRenew: Type.Boolean(),
})
export type Subscription = Static<typeof Subscription>

/** Live ones first by soonest expiry, then ended ones, most recent first. */
export const SubscriptionListResponse = Type.Object({
  items: Type.Array(Subscription),
})
export type SubscriptionListResponse = Static<typeof SubscriptionListResponse>

export const SubscriptionIdParams = Type.Object(
  {
    subscriptionId: Type.String({ pattern: '^S\\d{8,12}$' }),
  },
  { additionalProperties: false },
)
export type SubscriptionIdParams = Static<typeof SubscriptionIdParams>

/** Body of POST /subscriptions/{id}/auto-renew: only switching off is offered on the TV (on = order a period). */
export const AutoRenewRequest = Type.Object(
  {
    autoRenew: Type.Literal(false),
  },
  { additionalProperties: false },
)
export type AutoRenewRequest = Static<typeof AutoRenewRequest>
