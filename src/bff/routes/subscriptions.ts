import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import { ApiError, notFound } from '../errors.ts'
import type { BffServices } from '../services.ts'
import { toSubscription } from '../domain/holdings.ts'
import { beijingToday } from '../time.ts'

const subscriptionRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { subscriptions } = s

  app.get(routes.subscriptions.path, { schema: routes.subscriptions.schema }, async (request) => {
    const today = beijingToday(s.now())
    const holdings = await subscriptions.list(request.customer.customerId)
    return { items: holdings.map((h) => toSubscription(h, today)) }
  })

  app.post(routes.autoRenew.path, { schema: routes.autoRenew.schema }, async (request) => {
    const customerId = request.customer.customerId
    const { subscriptionId } = request.params
    const before = (await subscriptions.list(customerId)).find((h) => h.subscriptionId === subscriptionId)
    if (!before) throw notFound('No such subscription for this account')
    // Already off: nothing to ask the BOSS (a double press of OK is not an error).
    if (before.autoRenew) {
      const done = await subscriptions.stopAutoRenew(customerId, subscriptionId)
      if (!done) throw new ApiError(409, 'PRODUCT_CONFLICT', 'Auto-renewal of this subscription cannot be switched off')
    }
    const after = (await subscriptions.list(customerId)).find((h) => h.subscriptionId === subscriptionId)
    if (!after) throw notFound('No such subscription for this account')
    request.log.info({ customerId, subscriptionId }, 'auto-renewal switched off')
    return toSubscription(after, beijingToday(s.now()))
  })
}
export default subscriptionRoutes
