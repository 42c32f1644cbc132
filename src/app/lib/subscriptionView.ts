/** How a subscription looks in 我的订购: its words, its colour, what the viewer can do with it. */
import type { Subscription, SubscriptionStatus } from '../../contract/index.ts'
import type { TKey } from './i18nKeys.ts'
import { Colors, themed } from './theme.ts'

export const STATUS_KEY: Record<SubscriptionStatus, TKey> = {
  active: 'subs.status.active',
  expiring: 'subs.status.expiring',
  suspended: 'subs.status.suspended',
  expired: 'subs.status.expired',
}

export const STATUS_COLOR = themed<SubscriptionStatus>({
  active: 'ok',
  expiring: 'warning',
  suspended: 'danger',
  expired: 'textMuted',
})

/** Expiring and suspended rows get a tinted panel, so they stand out before the viewer reads them. */
export function rowPanel(status: SubscriptionStatus): number {
  if (status === 'expiring') return Colors.warningPanel
  if (status === 'suspended') return Colors.dangerPanel
  return Colors.panel
}

export type SubscriptionAction = 'renew' | 'stopAutoRenew'

export function subscriptionActions(s: Pick<Subscription, 'renewable' | 'canStopAutoRenew'>): SubscriptionAction[] {
  const out: SubscriptionAction[] = []
  if (s.renewable) out.push('renew')
  if (s.canStopAutoRenew) out.push('stopAutoRenew')
  return out
}

/** Live ones first by soonest expiry, then ended ones, most recent first (the BFF sends them so; kept when mocks do not). */
export function sortSubscriptions(items: Subscription[]): Subscription[] {
  const live = items
    .filter((s) => s.status !== 'expired')
    .sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : 0))
  const ended = items
    .filter((s) => s.status === 'expired')
    .sort((a, b) => (a.expiryDate > b.expiryDate ? -1 : a.expiryDate < b.expiryDate ? 1 : 0))
  return live.concat(ended)
}
