/**
 * Where I am: each screen's parent in the hall, so the header can say "首页 › 产品订购 ›" above the
 * screen's own title. One table, read by the page frame; a new screen adds its line here.
 */
import type { TKey } from './i18nKeys.ts'

const PARENT: Record<string, string> = {
  balance: 'home',
  bills: 'home',
  'bills/:billId': 'bills',
  payments: 'bills',
  packages: 'home',
  'packages/:productId': 'packages',
  'order/:productId/:periodMonths': 'packages/:productId',
  subscriptions: 'packages',
  'spending-limit': 'packages',
  topup: 'home',
  'topup/card': 'topup',
  'topup/qr': 'topup',
  'topup/result/:topupId': 'topup',
  repair: 'home',
  'repair/symptom/:symptomId': 'repair',
  'repair/code': 'repair',
  'repair/complaint': 'repair',
  'repair/report/:category': 'repair',
  'repair/tickets': 'repair',
  'repair/tickets/:ticketId': 'repair/tickets',
  messages: 'home',
  'messages/:messageId': 'messages',
  help: 'home',
  settings: 'home',
}

/** How a screen is named when it is a step on the way to another. */
const NAME: Record<string, TKey> = {
  home: 'frame.home',
  bills: 'bills.title',
  packages: 'catalog.title',
  'packages/:productId': 'frame.package',
  topup: 'topup.title',
  repair: 'repair.title',
  'repair/tickets': 'tickets.title',
  messages: 'messages.title',
}

/** The names of the screens above `route`, outermost first (empty for home and the error screens). */
export function crumbsOf(route: string): TKey[] {
  const out: TKey[] = []
  for (let r = PARENT[route]; r; r = PARENT[r]) out.unshift(NAME[r] || 'frame.home')
  return out
}
