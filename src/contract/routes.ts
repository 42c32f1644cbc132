import { billsRoutes } from './routes/bills.ts'
import { complaintsRoutes } from './routes/complaints.ts'
import { healthRoutes } from './routes/health.ts'
import { messagesRoutes } from './routes/messages.ts'
import { operatorRoutes } from './routes/operator.ts'
import { ordersRoutes } from './routes/orders.ts'
import { selfhelpRoutes } from './routes/selfhelp.ts'
import { serviceInfoRoutes } from './routes/serviceInfo.ts'
import { sessionRoutes } from './routes/session.ts'
import { ticketsRoutes } from './routes/tickets.ts'
import { topupsRoutes } from './routes/topups.ts'
import { usageRoutes } from './routes/usage.ts'

/**
 * Every BFF endpoint: method, path, what it takes and every answer it gives, one file a domain (routes/).
 * The BFF registers these schemas (and /api/docs/json is made from them, in this order), the test client is
 * typed from them, and the mocks are checked against the list. Adding an endpoint: one entry in its domain's
 * file, then the BFF route, the mock handler and the app call.
 */
export const routes = {
  ...healthRoutes,
  ...sessionRoutes,
  ...serviceInfoRoutes,
  ...billsRoutes,
  ...ordersRoutes,
  ...messagesRoutes,
  ...selfhelpRoutes,
  ...ticketsRoutes,
  ...complaintsRoutes,
  ...topupsRoutes,
  ...usageRoutes,
  ...operatorRoutes,
} as const

export type Routes = typeof routes
export type RouteName = keyof Routes
