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
