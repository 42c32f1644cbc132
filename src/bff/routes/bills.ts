import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiPath,
  BillDetail,
  BillIdParams,
  BillListResponse,
  ErrorBody,
  PageQuery,
  type BillSummary,
} from '../../contract/index.ts'
import { notFound } from '../errors.ts'
import { pageAfter } from '../paging.ts'
import type { BffServices } from '../services.ts'

const DEFAULT_LIMIT = 20
const errors = { 400: ErrorBody, 401: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

const billRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  app.get(
    ApiPath.bills,
    {
      schema: {
        tags: ['bills'],
        summary: 'Monthly bills of the last 12 months, newest first',
        security: [{ bearer: [] }],
        querystring: PageQuery,
        response: { 200: BillListResponse, ...errors },
      },
    },
    async (request) => {
      const bills = await s.billing.listBills(request.customer.customerId)
      return pageAfter<BillSummary>(bills, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? DEFAULT_LIMIT,
        keySize: 2,
        key: (b) => [b.month, b.billId],
        // The list is newest month first, then bill id descending (billOrder).
        isAfter: (b, [month, id]) => b.month < month || (b.month === month && b.billId < id),
      })
    },
  )

  app.get(
    ApiPath.bill,
    {
      schema: {
        tags: ['bills'],
        summary: 'One bill with its itemised charges',
        security: [{ bearer: [] }],
        params: BillIdParams,
        response: { 200: BillDetail, 404: ErrorBody, ...errors },
      },
    },
    async (request) => {
      // Asked with the token's customer: another household's bill id is "not found", like a made-up one.
      const bill = await s.billing.billDetail(request.customer.customerId, request.params.billId)
      if (!bill) throw notFound('No such bill for this account')
      return bill
    },
  )
}
export default billRoutes
