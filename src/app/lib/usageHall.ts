/**
 * The hall's one usage recorder, and the API calls that finish a flow (an order placed, a ticket or a
 * complaint filed, a rating given, a top-up paid) observed where every page's call goes through.
 */
import { ComplaintPath, TicketPath, TopupPath } from '../../contract/apiPath.ts'
import type { Topup } from '../../contract/index.ts'
import type { TvHallApi } from './api.ts'
import { USAGE_EVENTS_PATH, UsageRecorder } from './usage.ts'
import { queryParam } from './query.ts'
import { loadPrefs } from './viewerPrefs.ts'

let recorder: UsageRecorder | null = null
let client: TvHallApi | null = null

// End-to-end tests send sooner (`?usageEveryMs=500`); a box keeps the defaults.
function interval(): number | undefined {
  const v = typeof window !== 'undefined' ? Number(queryParam(window.location.search, 'usageEveryMs')) : NaN
  return v >= 100 ? v : undefined
}

export function usage(): UsageRecorder {
  if (!recorder) {
    const every = interval()
    recorder = new UsageRecorder({
      ...(every ? { firstSendMs: every, everyMs: every } : {}),
      send: (batch) =>
        client ? client.post(USAGE_EVENTS_PATH, batch) : Promise.reject(new Error('no BFF client yet')),
      enabled: () => loadPrefs().usage,
      ready: () => client !== null && client.hasSession(),
    })
  }
  return recorder
}

/** A field of a request body or an answer: both reach this wrapper untyped, since any path passes through it. */
const fieldOf = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? Reflect.get(body, name) : undefined

const field = (body: unknown, name: string): string | undefined => {
  const v = fieldOf(body, name)
  return typeof v === 'string' ? v : undefined
}

function observePost(path: string, body: unknown, answer: unknown): void {
  if (path === TicketPath.tickets) usage().finished('fault', { category: field(body, 'category') })
  else if (path === ComplaintPath.complaints) usage().finished('complaint', { category: field(body, 'type') })
  else if (/^\/api\/v1\/tickets\/[^/]+\/rating$/.test(path)) usage().finished('rating')
  else if (path === TopupPath.card) observeTopup(answer)
}

const paidTopups: Record<string, true> = {}
const SUCCEEDED: Topup['status'] = 'succeeded'

// A card top-up succeeds in its answer, a QR one when a later look finds it paid: each is counted once.
function observeTopup(answer: unknown): void {
  const topupId = field(answer, 'topupId')
  if (topupId === undefined || field(answer, 'status') !== SUCCEEDED || paidTopups[topupId]) return
  paidTopups[topupId] = true
  const amountFen = fieldOf(answer, 'amountFen')
  usage().finished('topup', {
    method: field(answer, 'method'),
    amountFen: typeof amountFen === 'number' ? amountFen : undefined,
  })
}

/** The client every page uses, with the calls that finish a flow reported as they succeed. */
export function watchApi(api: TvHallApi): TvHallApi {
  client = api
  return {
    ...api,
    // The funnel's PIN step is an order sent with its PIN (a viewer who leaves the pad unsent gave up at confirm).
    placeOrder: (request, key) => {
      usage().step('order', 'pin')
      return api.placeOrder(request, key).then((r) => {
        usage().finished('order', { product: request.productId })
        return r
      })
    },
    post: <T>(path: string, body: unknown, options?: Parameters<TvHallApi['post']>[2]) =>
      api.post<T>(path, body, options).then((r) => {
        if (path !== USAGE_EVENTS_PATH) observePost(path, body, r)
        return r
      }),
    get: <T>(path: string, params?: Record<string, string | number>) =>
      api.get<T>(path, params).then((r) => {
        if (/^\/api\/v1\/topups\/[^/]+$/.test(path)) observeTopup(r)
        return r
      }),
  }
}
