/**
 * The API contract: the one definition of every BFF request and response.
 * The TV app imports the types, the BFF validates with the schemas, the msw mocks build from both.
 */
export * from './common.ts'
export * from './session.ts'
export * from './account.ts'
export * from './bills.ts'
export * from './topups.ts'
export * from './products.ts'
export * from './orders.ts'
export * from './subscriptions.ts'
export * from './health.ts'
export * from './selfhelp.ts'
export * from './tickets.ts'
export * from './complaints.ts'
export * from './messages.ts'
export * from './serviceInfo.ts'
export * from './usage.ts'

export const API_PREFIX = '/api/v1'

/** Paths as the BFF registers them and the app and mocks call them. */
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

/** Header that makes a money-moving POST safe to repeat. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
