import { http, HttpResponse, type HttpHandler } from 'msw'
import {
  AutoRenewRequest,
  OrderPath,
  ProductIdParams,
  ProductListQuery,
  SpendingLimitRequest,
  SubscriptionIdParams,
  type ProductDetail,
  type ProductListResponse,
  type Subscription,
  type SubscriptionListResponse,
} from '../src/contract/index.ts'
import { readJsonBody, validationProblem } from './body.ts'
import { badRequest, bossUnavailable, errorResponse, notFound } from './errors.ts'
import { findProduct, mockProducts, productCategories, toSummaryFields } from './fixtures/products.ts'
import { badgeFor, toSubscription } from './fixtures/subscriptions.ts'
import { beijingDate } from './fixtures/time.ts'
import type { MockHousehold, OrderingMockContext, OrderLedger } from './orderLedger.ts'
import { MOCK_PURCHASE_PIN, type MockPinLock } from './pinLock.ts'

/** The query as the BFF's validator sees it: a repeated name is an array, which no field accepts. */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name)
    query[name] = values.length === 1 ? values[0] : values
  }
  return query
}

/** Catalogue, my subscriptions, auto-renewal off, and the spending limit (behind the purchase PIN). */
export function createProductHandlers(ctx: OrderingMockContext, ledger: OrderLedger, pins: MockPinLock): HttpHandler[] {
  /** Admission and a working BOSS, then the household as of now; a Response to send instead. */
  const household = async (request: Request, check?: () => Response | undefined): Promise<MockHousehold | Response> => {
    const admitted = await ctx.admit(request)
    if (admitted instanceof Response) return admitted
    const refused = check?.()
    if (refused) return refused
    if (ctx.bossDown) return bossUnavailable()
    return { profile: ctx.profile, account: admitted.account, now: ctx.now() }
  }

  return [
    http.get(ctx.at(OrderPath.products), async ({ request }) => {
      const query = queryOf(new URL(request.url))
      const h = await household(request, () => {
        const problem = validationProblem(ProductListQuery, query, 'query')
        return problem ? badRequest(problem) : undefined
      })
      if (h instanceof Response) return h
      const holdings = ledger.holdings(h)
      const today = beijingDate(h.now)
      const body: ProductListResponse = {
        categories: productCategories(),
        items: mockProducts
          .filter((p) => query.category === undefined || p.category === query.category)
          .map((p) => ({ ...toSummaryFields(p), ...badgeFor(p.productId, holdings, today) })),
      }
      return HttpResponse.json(body)
    }),

    http.get(ctx.at(OrderPath.product), async ({ request, params }) => {
      const p = { productId: params.productId }
      const h = await household(request, () => {
        const problem = validationProblem(ProductIdParams, p, 'params')
        return problem ? badRequest(problem) : undefined
      })
      if (h instanceof Response) return h
      const product = findProduct(String(p.productId))
      if (!product) return notFound('No such product')
      const body: ProductDetail = { ...product, ...badgeFor(product.productId, ledger.holdings(h), beijingDate(h.now)) }
      return HttpResponse.json(body)
    }),

    http.get(ctx.at(OrderPath.subscriptions), async ({ request }) => {
      const h = await household(request)
      if (h instanceof Response) return h
      const today = beijingDate(h.now)
      const body: SubscriptionListResponse = { items: ledger.holdings(h).map((x) => toSubscription(x, today)) }
      return HttpResponse.json(body)
    }),

    http.post(ctx.at(OrderPath.autoRenew), async ({ request, params }) => {
      const p = { subscriptionId: params.subscriptionId }
      const admitted = await ctx.admit(request)
      if (admitted instanceof Response) return admitted
      const problem = validationProblem(SubscriptionIdParams, p, 'params')
      if (problem) return badRequest(problem)
      const body = await readJsonBody<AutoRenewRequest>(request, AutoRenewRequest)
      if (body instanceof Response) return body
      if (ctx.bossDown) return bossUnavailable()
      const h: MockHousehold = { profile: ctx.profile, account: admitted.account, now: ctx.now() }
      const after = ledger.stopAutoRenew(h, String(p.subscriptionId))
      if (after === undefined) return notFound('No such subscription for this account')
      if (after === false)
        return errorResponse(409, 'PRODUCT_CONFLICT', 'Auto-renewal of this subscription cannot be switched off')
      const answer: Subscription = toSubscription(after, beijingDate(h.now))
      return HttpResponse.json(answer)
    }),

    http.get(ctx.at(OrderPath.spendingLimit), async ({ request }) => {
      const h = await household(request)
      if (h instanceof Response) return h
      return HttpResponse.json(ledger.spendingLimit(h))
    }),

    http.put(ctx.at(OrderPath.spendingLimit), async ({ request }) => {
      const admitted = await ctx.admit(request)
      if (admitted instanceof Response) return admitted
      const body = await readJsonBody<SpendingLimitRequest>(request, SpendingLimitRequest)
      if (body instanceof Response) return body
      const customerId = admitted.account.customerId
      const lock = pins.refusal(customerId)
      if (lock) return lock
      if (ctx.bossDown) return bossUnavailable()
      if (body.pin !== MOCK_PURCHASE_PIN) return pins.wrongPin(customerId)
      pins.rightPin(customerId)
      const h: MockHousehold = { profile: ctx.profile, account: admitted.account, now: ctx.now() }
      return HttpResponse.json(ledger.setLimit(h, body.limitFen))
    }),
  ]
}
