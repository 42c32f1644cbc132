import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { Value } from '@sinclair/typebox/value'
import {
  ApiPath,
  BillIdParams,
  type BillDetail,
  type BillListResponse,
  type PaymentListResponse,
} from '../src/contract/index.ts'
import { badRequest, bossUnavailable, errorResponse, notFound, unauthorized } from './errors.ts'
import type { MockDemoDevice } from './fixtures/households.ts'
import { toSummary } from './fixtures/bills.ts'
import { pageOf } from './paging.ts'
import { householdData, scenarios, type HouseholdData, type ScenarioName } from './scenarios.ts'
import { createSessionResolver } from './session.ts'
import { checkAuthorization, TOKEN_TTL_S } from './tokens.ts'
import { createTopupMocks } from './topups.ts'
import { createOrderingMocks } from './orders.ts'
import { profiles } from './fixtures/profiles.ts'
import { createReportHandlers } from './reports.ts'
import { createMessageHandlers } from './messages.ts'
import { createUsageHandlers } from './usage.ts'

export interface MockHandlerOptions {
  /** Origin (and prefix) the BFF is reached at; default same origin, as the app calls `/api/v1/...`. */
  baseUrl?: string
  /** Clock of the mocks; tests pin it to get reproducible data and to expire tokens. */
  now?: () => Date
  tokenTtlSeconds?: number
  /** Overrides the scenario's own delay (e.g. a shorter `slow` in tests). */
  delayMs?: number
}

interface DataRequest {
  url: URL
  params: Record<string, string | readonly string[] | undefined>
  data: HouseholdData
}

/** msw handlers answering every BFF route of the contract the way the scenario says. */
export function createHandlers(scenarioName: ScenarioName, opts: MockHandlerOptions = {}): HttpHandler[] {
  const scenario = scenarios[scenarioName]
  const base = (opts.baseUrl ?? '').replace(/\/+$/, '')
  const at = (path: string): string => base + path
  const now = opts.now ?? (() => new Date())
  const ttl = opts.tokenTtlSeconds ?? TOKEN_TTL_S
  const delayMs = opts.delayMs ?? scenario.delayMs
  const session = createSessionResolver({ now, ttlSeconds: ttl })
  const wait = async (): Promise<void> => {
    if (delayMs > 0) await delay(delayMs)
  }

  function authenticate(request: Request): MockDemoDevice | Response {
    const check = checkAuthorization(request.headers.get('Authorization'), now())
    if ('device' in check) return check.device
    if (check.problem === 'expired') return errorResponse(401, 'TOKEN_EXPIRED', 'session token has expired')
    return unauthorized(
      check.problem === 'missing' ? 'Authorization: Bearer token required' : 'session token is not valid',
    )
  }

  /** msw forgives a trailing slash; the BFF's router does not, and answers from its not-found handler. */
  const notRouted = (request: Request): Response | undefined => {
    const { pathname } = new URL(request.url)
    return pathname.endsWith('/') ? notFound(`No such resource: ${request.method} ${pathname}`) : undefined
  }

  /** Shared order of a data route: network wait, routing, token, BOSS, then the answer. */
  const dataRoute =
    (answer: (req: DataRequest) => Response, opts: { trailingSlash?: 'bill' } = {}) =>
    async ({ request, params }: { request: Request; params: DataRequest['params'] }): Promise<Response> => {
      await wait()
      const unrouted = opts.trailingSlash ? undefined : notRouted(request)
      if (unrouted) return unrouted
      const device = authenticate(request)
      if (device instanceof Response) return device
      if (scenario.bossDown) return bossUnavailable()
      return answer({ url: new URL(request.url), params, data: householdData(scenarioName, device, now()) })
    }

  const topups = createTopupMocks({
    at,
    now,
    bossDown: scenario.bossDown,
    admit: async (request) => {
      await wait()
      const unrouted = notRouted(request)
      if (unrouted) return unrouted
      const device = authenticate(request)
      if (device instanceof Response) return device
      return { device, account: householdData(scenarioName, device, now()).account }
    },
  })

  const ordering = createOrderingMocks({
    at,
    now,
    bossDown: scenario.bossDown,
    profile: profiles[scenario.profile],
    admit: async (request) => {
      await wait()
      const unrouted = notRouted(request)
      if (unrouted) return unrouted
      const device = authenticate(request)
      if (device instanceof Response) return device
      return { device, account: topups.account(householdData(scenarioName, device, now()).account) }
    },
  })

  return [
    http.post(at(ApiPath.sessionChallenge), async (args) => {
      await wait()
      return notRouted(args.request) ?? session.challenge(args)
    }),
    http.post(at(ApiPath.sessionRefresh), async (args) => {
      await wait()
      return notRouted(args.request) ?? session.refresh(args)
    }),
    http.post(at(ApiPath.session), async (args) => {
      await wait()
      return notRouted(args.request) ?? session.open(args)
    }),
    // Mock tokens are stateless: logging out answers as the BFF does and ends nothing.
    http.post(at(ApiPath.sessionLogout), async ({ request }) => {
      await wait()
      const device = notRouted(request) ?? authenticate(request)
      return device instanceof Response ? device : new HttpResponse(null, { status: 204 })
    }),

    http.get(
      at(ApiPath.account),
      dataRoute(({ data }) => HttpResponse.json(ordering.account(topups.account(data.account)))),
    ),

    http.get(
      at(ApiPath.bills),
      dataRoute(
        ({ url, data }) => {
          // `/bills/` is the bill route with an empty id to the BFF.
          if (url.pathname.endsWith('/')) return badRequest('params.billId has the wrong format')
          const page = pageOf(url, data.bills.map(toSummary))
          if (page instanceof Response) return page
          const body: BillListResponse = page
          return HttpResponse.json(body)
        },
        { trailingSlash: 'bill' },
      ),
    ),

    http.get(
      at(ApiPath.bill),
      dataRoute(({ params, data }) => {
        const billParams = { billId: params.billId }
        if (!Value.Check(BillIdParams, billParams)) return badRequest('billId is malformed')
        const bill = data.bills.find((b) => b.billId === billParams.billId)
        if (!bill) return notFound('no such bill for this household')
        const body: BillDetail = bill
        return HttpResponse.json(body)
      }),
    ),

    http.get(
      at(ApiPath.payments),
      dataRoute(({ url, data }) => {
        const page = pageOf(url, data.payments)
        if (page instanceof Response) return page
        const body: PaymentListResponse = page
        return HttpResponse.json(body)
      }),
    ),

    ...createReportHandlers({ at, now, wait, authenticate, scenario }),

    ...topups.handlers,

    ...ordering.handlers,

    ...createMessageHandlers({
      at,
      now,
      wait,
      authenticate,
      scenario,
      account: (device) => householdData(scenarioName, device, now()).account,
    }),

    ...createUsageHandlers({ at, wait, authenticate }),

    // Anything else under the API is a 404 with an ErrorBody, like the BFF's not-found handler.
    http.all(at('/api/*'), async ({ request }) => {
      await wait()
      return notFound(`route ${request.method} ${new URL(request.url).pathname} not found`)
    }),
  ]
}
