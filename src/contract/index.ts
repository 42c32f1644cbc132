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
export * from './apiPath.ts'
export * from './route.ts'
export * from './routes.ts'
