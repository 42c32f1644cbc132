import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Account, ApiPath, ErrorBody } from '../../contract/index.ts'
import type { BffServices } from '../services.ts'

const accountRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  app.get(
    ApiPath.account,
    {
      schema: {
        tags: ['account'],
        summary: "The box's household account: balance, arrears, status",
        security: [{ bearer: [] }],
        response: { 200: Account, 401: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (request) => {
      const c = request.customer
      const { accountId: _accountId, ...figures } = await s.accounts.balance(c.customerId)
      return {
        customerId: c.customerId,
        customerName: c.customerName,
        cardNoMasked: c.cardNoMasked,
        regionName: c.regionName,
        ...figures,
      }
    },
  )
}
export default accountRoutes
