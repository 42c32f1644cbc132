import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import { badRequest } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../paging.ts'
import type { BffServices } from '../services.ts'

const DEFAULT_LIMIT = 20

const paymentRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  app.get(routes.payments.path, { schema: routes.payments.schema }, async (request) => {
    // The BOSS pages by number, so the cursor carries page number and size; its size wins over `limit`.
    let pageNo = 1
    let pageSize = Math.min(request.query.limit ?? DEFAULT_LIMIT, s.payments.maxPageSize)
    if (request.query.cursor) {
      const [no, size] = decodeCursor(request.query.cursor, 2).map(Number)
      if (!Number.isInteger(no) || !Number.isInteger(size) || no < 2 || size < 1 || size > s.payments.maxPageSize) {
        throw badRequest('query.cursor is not a cursor this API gave out')
      }
      pageNo = no
      pageSize = size
    }
    const { total, items } = await s.payments.listPayments(request.customer.customerId, { pageNo, pageSize })
    return pageNo * pageSize < total && items.length > 0
      ? { items, nextCursor: encodeCursor([pageNo + 1, pageSize]) }
      : { items }
  })
}
export default paymentRoutes
