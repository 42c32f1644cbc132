import {
  EXPIRING_WITHIN_DAYS,
  type ProductBadge,
  type ProductHolding,
  type Subscription,
} from '../../contract/index.ts'
import type { Holding } from './types.ts'

/** Shared by the catalogue (badges) and my subscriptions (statuses): what a holding means today, Beijing time. */

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

export function toSubscription(h: Holding, today: string): Subscription {
  const daysLeft = daysBetween(today, h.expiryDate)
  const status: Subscription['status'] =
    h.state === 'ended'
      ? 'expired'
      : h.state === 'suspended'
        ? 'suspended'
        : !h.autoRenew && daysLeft <= EXPIRING_WITHIN_DAYS
          ? 'expiring'
          : 'active'
  const isPackage = h.kind === 'package'
  return {
    subscriptionId: h.subscriptionId,
    productId: h.productId,
    productName: h.productName,
    productNameEn: h.productNameEn,
    kind: h.kind,
    status,
    startDate: h.startDate,
    expiryDate: h.expiryDate,
    daysLeft,
    autoRenew: h.autoRenew,
    periodMonths: h.periodMonths,
    priceFen: h.priceFen,
    renewable: isPackage && !h.autoRenew && status !== 'suspended',
    canStopAutoRenew: isPackage && h.autoRenew && h.state !== 'ended',
  }
}

/** The badge and holding of one product: the live subscription of it, if any. */
export function badgeFor(
  productId: string,
  holdings: Holding[],
  today: string,
): { badge: ProductBadge; holding: ProductHolding | null } {
  const live = holdings.find((h) => h.productId === productId && h.state !== 'ended')
  if (!live) return { badge: null, holding: null }
  const s = toSubscription(live, today)
  const badge: ProductBadge =
    s.status === 'expiring' ? 'expiring' : s.status === 'suspended' ? 'suspended' : 'subscribed'
  return { badge, holding: { subscriptionId: s.subscriptionId, expiryDate: s.expiryDate, autoRenew: s.autoRenew } }
}
