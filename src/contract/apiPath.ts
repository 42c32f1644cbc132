/**
 * Paths as the BFF registers them and the app and mocks call them: plain strings, no TypeBox, so the TV bundle
 * imports them as values.
 */
export const ApiPath = {
  session: '/api/v1/session',
  sessionChallenge: '/api/v1/session/challenge',
  sessionRefresh: '/api/v1/session/refresh',
  sessionLogout: '/api/v1/session/logout',
  account: '/api/v1/account',
  bills: '/api/v1/bills',
  bill: '/api/v1/bills/:billId',
  payments: '/api/v1/payments',
} as const

export const ComplaintPath = {
  options: '/api/v1/complaints/options',
  complaints: '/api/v1/complaints',
  drafts: '/api/v1/complaints/drafts',
  draft: '/api/v1/complaints/drafts/:draftId',
  /** The phone page (HTML, not the API): GET the form, POST the text. */
  phonePage: '/m/complaint/:draftId',
} as const

export const MessagePath = {
  messages: '/api/v1/messages',
  read: '/api/v1/messages/:messageId/read',
} as const

/** Paths of the catalogue, orders, subscriptions and spending limit (as the BFF registers them). */
export const OrderPath = {
  products: '/api/v1/products',
  product: '/api/v1/products/:productId',
  quote: '/api/v1/orders/quote',
  orders: '/api/v1/orders',
  order: '/api/v1/orders/:orderId',
  subscriptions: '/api/v1/subscriptions',
  autoRenew: '/api/v1/subscriptions/:subscriptionId/auto-renew',
  spendingLimit: '/api/v1/spending-limit',
} as const

export const SelfhelpPath = {
  symptoms: '/api/v1/selfhelp/symptoms',
  code: '/api/v1/selfhelp/codes/:code',
  diagnosis: '/api/v1/selfhelp/diagnosis',
} as const

export const ServiceInfoPath = { serviceInfo: '/api/v1/service-info' } as const

/** The operator's session desk (operator login, never a box's token). */
export const OperatorSessionPath = { revoke: '/operator/api/sessions/revoke' } as const

export const TicketPath = {
  form: '/api/v1/tickets/form',
  tickets: '/api/v1/tickets',
  ticket: '/api/v1/tickets/:ticketId',
  cancel: '/api/v1/tickets/:ticketId/cancel',
  rating: '/api/v1/tickets/:ticketId/rating',
} as const

/** Paths of the top-up routes (the shared ApiPath object lists the older routes). */
export const TopupPath = {
  card: '/api/v1/topups/card',
  qr: '/api/v1/topups/qr',
  topup: '/api/v1/topups/:topupId',
} as const

export const UsagePath = { events: '/api/v1/usage/events', offerConsent: '/api/v1/usage/offer-consent' } as const

/** The operator's reports (desktop, operator login; boxes' tokens are refused). */
export const OperatorPath = {
  page: '/operator/usage',
  script: '/operator/usage.js',
  chart: '/operator/chart.js',
  report: '/operator/api/usage/report',
  csv: '/operator/api/usage/:table.csv',
  offers: '/operator/api/usage/offers',
} as const

/** Liveness and readiness probes of the BFF (for the operator's orchestrator, not the TV). */
export const HealthPath = { live: '/healthz', ready: '/readyz' } as const

/** `/api/v1/bills/:billId` with `{ billId }` filled in (encoded). */
export function pathOf(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => encodeURIComponent(String(params[name])))
}
