import { http, HttpResponse, type HttpHandler } from 'msw'
import {
  OrderIdParams,
  OrderPath,
  OrderQuoteRequest,
  OrderRequest,
  type Account,
  type OrderQuote,
} from '../src/contract/index.ts'
import { readJsonBody, validationProblem } from './body.ts'
import { badRequest, bossUnavailable, errorResponse, notFound } from './errors.ts'
import { createMockIdempotency } from './idempotency.ts'
import { createOrderLedger, mockOrderId, type MockHousehold, type OrderingMockContext } from './orderLedger.ts'
import { createPinLock, MOCK_PURCHASE_PIN } from './pinLock.ts'
import { createProductHandlers } from './products.ts'

/**
 * Package ordering in the mocks: catalogue, quote, order (purchase PIN `123456`, Idempotency-Key), order
 * result, subscriptions, auto-renewal and the spending limit. What is ordered stays for the page's life: the
 * balance drops, the subscription appears, the catalogue badge changes. Everything is answered as the BFF
 * answers it over the boss-stub, including the order of its checks.
 */
export function createOrderingMocks(ctx: OrderingMockContext) {
  const ledger = createOrderLedger()
  const pins = createPinLock(ctx.now)
  const idem = createMockIdempotency()

  /** Admission, then the household as of now; a Response to send instead. */
  const household = async (request: Request): Promise<MockHousehold | Response> => {
    const admitted = await ctx.admit(request)
    if (admitted instanceof Response) return admitted
    return { profile: ctx.profile, account: admitted.account, now: ctx.now() }
  }

  const handlers: HttpHandler[] = [
    http.post(ctx.at(OrderPath.quote), async ({ request }) => {
      const h = await household(request)
      if (h instanceof Response) return h
      const body = await readJsonBody<OrderQuoteRequest>(request, OrderQuoteRequest)
      if (body instanceof Response) return body
      if (ctx.bossDown) return bossUnavailable()
      const check = ledger.check(h, body.productId, body.periodMonths)
      if (check instanceof Response) return check
      const conflicts = [...check.conflicts]
      const lockedFor = pins.lockedFor(h.account.customerId)
      if (lockedFor !== null) {
        conflicts.push({
          code: 'ORDERING_LOCKED',
          message: 'Too many wrong purchase PINs',
          productId: null,
          productName: null,
          productNameEn: null,
          retryAfter: lockedFor,
        })
      }
      const quote: OrderQuote = {
        ...check,
        shortfallFen: Math.max(0, -check.balanceAfterFen),
        autoRenewDefault: false,
        conflicts,
        canOrder: conflicts.length === 0,
      }
      return HttpResponse.json(quote)
    }),

    http.post(ctx.at(OrderPath.orders), async ({ request }) => {
      const h = await household(request)
      if (h instanceof Response) return h
      const body = await readJsonBody<OrderRequest>(request, OrderRequest)
      if (body instanceof Response) return body
      const { productId, periodMonths, pin } = body
      const autoRenew = body.autoRenew === true
      const customerId = h.account.customerId
      // The PIN is not part of "the same request": a retry with the right PIN may reuse the key.
      return idem(request, customerId, { productId, periodMonths, autoRenew }, async () => {
        const lock = pins.refusal(customerId)
        if (lock) return lock
        if (ctx.bossDown) return bossUnavailable()
        const key = request.headers.get('Idempotency-Key') ?? ''
        // The BOSS's order: suspension, then the PIN, then product, period, conflicts, limit, balance.
        if (ledger.account(h.account).status === 'suspended') {
          return errorResponse(403, 'FORBIDDEN', 'The account is suspended for arrears; pay the arrears first')
        }
        if (pin !== MOCK_PURCHASE_PIN) return pins.wrongPin(customerId)
        const order = ledger.place(h, mockOrderId(customerId, key), { productId, periodMonths, autoRenew })
        if (order instanceof Response) return order
        pins.rightPin(customerId)
        return { status: 201, body: order }
      })
    }),

    http.get(ctx.at(OrderPath.order), async ({ request, params }) => {
      const h = await household(request)
      if (h instanceof Response) return h
      const p = { orderId: params.orderId }
      const problem = validationProblem(OrderIdParams, p, 'params')
      if (problem) return badRequest(problem)
      if (ctx.bossDown) return bossUnavailable()
      const order = ledger.order(h.account.customerId, String(p.orderId))
      return order ? HttpResponse.json(order) : notFound('No such order for this account')
    }),

    ...createProductHandlers(ctx, ledger, pins),
  ]

  return {
    handlers,
    /** The account the data routes show: after this page's orders. */
    account: (a: Account): Account => ledger.account(a),
  }
}
