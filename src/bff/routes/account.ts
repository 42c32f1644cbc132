import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import type { BffServices } from '../services.ts'

const accountRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  app.get(routes.account.path, { schema: routes.account.schema }, async (request) => {
    const c = request.customer
    const { accountId: _accountId, ...figures } = await s.accounts.balance(c.customerId)
    return {
      customerId: c.customerId,
      customerName: c.customerName,
      cardNoMasked: c.cardNoMasked,
      regionName: c.regionName,
      ...figures,
    }
  })
}
export default accountRoutes
