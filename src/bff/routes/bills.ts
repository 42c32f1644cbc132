import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type BillSummary, routes } from '../../contract/index.ts'
import { notFound } from '../errors.ts'
import { pageAfter } from '../paging.ts'
import type { BffServices } from '../services.ts'

const DEFAULT_LIMIT = 20

const billRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  app.get(routes.bills.path, { schema: routes.bills.schema }, async (request) => {
    const bills = await s.billing.listBills(request.customer.customerId)
    return pageAfter<BillSummary>(bills, {
      cursor: request.query.cursor,
      limit: request.query.limit ?? DEFAULT_LIMIT,
      keySize: 2,
      key: (b) => [b.month, b.billId],
      // The list is newest month first, then bill id descending (billOrder).
      isAfter: (b, [month, id]) => b.month < month || (b.month === month && b.billId < id),
    })
  })

  app.get(routes.bill.path, { schema: routes.bill.schema }, async (request) => {
    // Asked with the token's customer: another household's bill id is "not found", like a made-up one.
    const bill = await s.billing.billDetail(request.customer.customerId, request.params.billId)
    if (!bill) throw notFound('No such bill for this account')
    return bill
  })
}
export default billRoutes
