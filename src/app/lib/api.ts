/**
 * The BFF client. The box holds one session token; when the BFF says TOKEN_EXPIRED (or no longer knows
 * the token) the client opens a new session and repeats the call once, so viewers never see a token run out. Money-moving POSTs carry
 * an Idempotency-Key that survives that repeat, so a renewal can never pay twice.
 */
import axios from 'axios'
import type { AxiosAdapter, AxiosError, AxiosInstance, AxiosRequestConfig } from 'axios'
import type {
  Account,
  BillDetail,
  BillListResponse,
  ErrorBody,
  ErrorCode,
  IDEMPOTENCY_HEADER,
  Order,
  OrderQuote,
  OrderQuoteRequest,
  OrderRequest,
  OrderResult,
  OfferConsent,
  ProductDetail,
  ProductListResponse,
  SpendingLimit,
  SubscriptionListResponse,
  PageQuery,
  PaymentListResponse,
  SessionChallenge,
  SessionResponse,
} from '../../contract/index.ts'
import {
  ApiPath as PATH,
  ComplaintPath,
  OrderPath as ORDER_PATH,
  pathOf,
  TicketPath,
  TopupPath,
  UsagePath,
} from '../../contract/apiPath.ts'
import type { BoxIdentity } from './device.ts'
import { signChallenge } from './deviceSign.ts'
import { uuidV4 } from './uuid.ts'
import { sending } from './okBurst.ts'

const IDEMPOTENCY: typeof IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** Reports the BFF accepts once per key (a resend after a lost answer must not open a second ticket). */
const KEYED_POSTS: string[] = [TicketPath.tickets, ComplaintPath.complaints, TopupPath.card, TopupPath.qr]
const OFFER_CONSENT = UsagePath.offerConsent

/** Renew this long before the token's end, so a call is not sent with a token about to die in flight. */
const RENEW_MARGIN_MS = 30_000

export type AppErrorCode = ErrorCode | 'NETWORK' | 'DEVICE_UNKNOWN'

/** Not an `Error` subclass: subclassing built-ins misbehaves once transpiled to ES5. */
export class ApiError {
  readonly name = 'ApiError'
  readonly code: AppErrorCode
  readonly message: string
  readonly status?: number
  /** Seconds until a retry makes sense (rate limit, lock). */
  readonly retryAfter?: number
  readonly attemptsLeft?: number

  constructor(code: AppErrorCode, message: string, status?: number, retryAfter?: number, attemptsLeft?: number) {
    this.code = code
    this.message = message
    this.status = status
    this.retryAfter = retryAfter
    this.attemptsLeft = attemptsLeft
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/**
 * The code to explain a failure to the viewer. Anything that is not an ApiError is a bug on our side:
 * it is logged and shown as the generic "busy" message, never disguised as a network fault.
 */
export function errorCode(e: unknown): AppErrorCode {
  if (isApiError(e)) return e.code
  if (typeof console !== 'undefined') console.error('[tvhall]', e)
  return 'INTERNAL'
}

export interface ApiClientOptions {
  /** `""` means same origin. */
  baseUrl: string
  identity: () => BoxIdentity
  /** Signs the log-in challenge with the device key (tests inject their own). */
  sign?: (identity: BoxIdentity, challenge: string) => Promise<string>
  /** Tests inject a fake adapter; the box uses XHR. */
  adapter?: AxiosAdapter
  timeoutMs?: number
  now?: () => number
  newKey?: () => string
}

export interface PostOptions {
  /** Marks a POST that moves money or orders something: it gets an Idempotency-Key. */
  moneyMoving?: boolean
  /** Reuse the key of an earlier attempt of the same action (e.g. the viewer pressed Retry). */
  idempotencyKey?: string
}

// The hall's marks on a request's config, which axios hands back untouched to its interceptors and on its errors.
declare module 'axios' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats axios's type parameters
  interface AxiosRequestConfig<D, P> {
    /** The session's own calls: no bearer token, and a 401 is not answered by opening a session. */
    _skipAuth?: boolean
    /** Already sent again once after a new session: a second 401 is the answer. */
    _renewed?: boolean
  }
}

export interface TvHallApi {
  openSession(): Promise<SessionResponse>
  getAccount(): Promise<Account>
  getBills(page?: PageQuery): Promise<BillListResponse>
  getBill(billId: string): Promise<BillDetail>
  getPayments(page?: PageQuery): Promise<PaymentListResponse>
  getProducts(): Promise<ProductListResponse>
  getProduct(productId: string): Promise<ProductDetail>
  quoteOrder(request: OrderQuoteRequest): Promise<OrderQuote>
  /** 201 Order or 202 processing; `idempotencyKey` is the one of this order attempt, reused on every retry of it. */
  placeOrder(request: OrderRequest, idempotencyKey: string): Promise<Order | OrderResult>
  getOrder(orderId: string): Promise<OrderResult>
  getSubscriptions(): Promise<SubscriptionListResponse>
  stopAutoRenew(subscriptionId: string): Promise<unknown>
  getSpendingLimit(): Promise<SpendingLimit>
  setSpendingLimit(limitFen: number | null, pin: string): Promise<SpendingLimit>
  /** Whether the household takes offers chosen from its use of the hall (kept by the BOSS). */
  getOfferConsent(): Promise<OfferConsent>
  setOfferConsent(offers: boolean): Promise<OfferConsent>
  get<T>(path: string, params?: Record<string, string | number>): Promise<T>
  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T>
  hasSession(): boolean
}

function toApiError(err: unknown): ApiError {
  if (isApiError(err)) return err
  // Not an axios error: the request never went out (a throw while preparing it, a failed log-in signature).
  if (!axios.isAxiosError<Partial<ErrorBody> | undefined>(err))
    return new ApiError('NETWORK', err instanceof Error && err.message ? err.message : 'network error')
  const body = err.response ? err.response.data : undefined
  if (err.response && body && body.error && typeof body.error.code === 'string') {
    const e = body.error
    return new ApiError(e.code, e.message, err.response.status, e.retryAfter, e.attemptsLeft)
  }
  if (err.response) {
    // A proxy or gateway in between answered without our error body.
    const status = err.response.status
    return new ApiError(
      status === 504 ? 'BOSS_TIMEOUT' : status >= 500 ? 'BOSS_UNAVAILABLE' : 'INTERNAL',
      'HTTP ' + status,
      status,
    )
  }
  return new ApiError('NETWORK', err.message ? err.message : 'network error')
}

export function createApiClient(options: ApiClientOptions): TvHallApi {
  const now = options.now || Date.now
  const newKey = options.newKey || (() => uuidV4())
  const config: AxiosRequestConfig = {
    baseURL: options.baseUrl || '',
    timeout: options.timeoutMs || 15_000,
    headers: { Accept: 'application/json' },
    // The API uses a bearer token, never cookies. Left on, axios reads an XSRF cookie through the async
    // Cookie Store API before every send, and that answer queues behind the frame being drawn: at boot the
    // account request left ~1 s late (bench boot profile).
    withXSRFToken: false,
  }
  if (options.adapter) config.adapter = options.adapter
  const http: AxiosInstance = axios.create(config)

  const sign = options.sign || signChallenge
  let token: string | null = null
  let refreshToken: string | null = null
  let renewAt = 0
  let renewing: Promise<SessionResponse> | null = null
  const unauthenticated = (): AxiosRequestConfig => ({ _skipAuth: true })

  /** Challenge-response: the BFF's one-time challenge, signed with the device key. */
  function logIn(): Promise<SessionResponse> {
    const id = options.identity()
    return http
      .post<SessionChallenge>(PATH.sessionChallenge, { deviceId: id.deviceId }, unauthenticated())
      .then((res) => {
        const challenge = res.data.challenge
        return sign(id, challenge).then((signature) =>
          http.post<SessionResponse>(
            PATH.session,
            { deviceId: id.deviceId, cardNo: id.cardNo, challenge, signature },
            unauthenticated(),
          ),
        )
      })
      .then((res) => res.data)
  }

  /** The one-use refresh token buys the next pair; when it is refused (expired, revoked) the box logs in again. */
  function renew(): Promise<SessionResponse> {
    if (!refreshToken) return logIn()
    const used = refreshToken
    refreshToken = null
    return http.post<SessionResponse>(PATH.sessionRefresh, { refreshToken: used }, unauthenticated()).then(
      (res) => res.data,
      () => logIn(),
    )
  }

  function openSession(): Promise<SessionResponse> {
    // Concurrent calls that all hit an expired token share one renewal.
    if (!renewing) {
      renewing = (token || refreshToken ? renew() : logIn())
        .then((session) => {
          token = session.token
          refreshToken = session.refreshToken || null
          renewAt = now() + session.expiresIn * 1000 - RENEW_MARGIN_MS
          return session
        })
        .finally(() => {
          renewing = null
        })
    }
    return renewing
  }

  http.interceptors.request.use(async (cfg) => {
    if (cfg._skipAuth) return cfg
    if (!token || now() >= renewAt) await openSession()
    cfg.headers.set('Authorization', 'Bearer ' + token)
    return cfg
  })

  http.interceptors.response.use(undefined, async (err: AxiosError<Partial<ErrorBody>>) => {
    const cfg = err.config
    const code = err.response && err.response.data && err.response.data.error ? err.response.data.error.code : undefined
    // TOKEN_EXPIRED is the normal end of a token; UNAUTHORIZED on a data call means the BFF no longer knows
    // the token (restarted, keys rotated): both mean "open a new session". The session call itself never loops.
    const renewable = code === 'TOKEN_EXPIRED' || code === 'UNAUTHORIZED'
    if (cfg && !cfg._skipAuth && !cfg._renewed && err.response && err.response.status === 401 && renewable) {
      cfg._renewed = true
      token = null
      try {
        await openSession()
      } catch (renewErr) {
        throw toApiError(renewErr)
      }
      // Same config, so the same Idempotency-Key goes out again.
      return http.request(cfg)
    }
    throw toApiError(err)
  })

  return {
    openSession: () => openSession().catch((e: unknown) => Promise.reject(toApiError(e))),
    getAccount: () => http.get<Account>(PATH.account).then((r) => r.data),
    getBills: (page?: PageQuery) =>
      http.get<BillListResponse>(PATH.bills, page ? { params: page } : undefined).then((r) => r.data),
    getBill: (billId: string) => http.get<BillDetail>(pathOf(PATH.bill, { billId })).then((r) => r.data),
    getPayments: (page?: PageQuery) =>
      http.get<PaymentListResponse>(PATH.payments, page ? { params: page } : undefined).then((r) => r.data),
    getProducts: () => http.get<ProductListResponse>(ORDER_PATH.products).then((r) => r.data),
    getProduct: (productId: string) =>
      http.get<ProductDetail>(pathOf(ORDER_PATH.product, { productId })).then((r) => r.data),
    quoteOrder: (request: OrderQuoteRequest) => http.post<OrderQuote>(ORDER_PATH.quote, request).then((r) => r.data),
    placeOrder: (request: OrderRequest, idempotencyKey: string) =>
      sending(() =>
        http
          .post<OrderResult>(ORDER_PATH.orders, request, { headers: { [IDEMPOTENCY]: idempotencyKey } })
          .then((r) => r.data),
      ),
    getOrder: (orderId: string) => http.get<OrderResult>(pathOf(ORDER_PATH.order, { orderId })).then((r) => r.data),
    getSubscriptions: () => http.get<SubscriptionListResponse>(ORDER_PATH.subscriptions).then((r) => r.data),
    stopAutoRenew: (subscriptionId: string) =>
      http
        .post<unknown>(pathOf(ORDER_PATH.autoRenew, { subscriptionId }), {
          autoRenew: false,
        })
        .then((r) => r.data),
    getSpendingLimit: () => http.get<SpendingLimit>(ORDER_PATH.spendingLimit).then((r) => r.data),
    setSpendingLimit: (limitFen: number | null, pin: string) =>
      http.put<SpendingLimit>(ORDER_PATH.spendingLimit, { limitFen, pin }).then((r) => r.data),
    getOfferConsent: () => http.get<OfferConsent>(OFFER_CONSENT).then((r) => r.data),
    setOfferConsent: (offers: boolean) => http.put<OfferConsent>(OFFER_CONSENT, { offers }).then((r) => r.data),
    get: <T>(path: string, params?: Record<string, string | number>) =>
      http.get<T>(path, params ? { params } : undefined).then((r) => r.data),
    post: <T>(path: string, body: unknown, opts: PostOptions = {}) => {
      const headers: Record<string, string> = {}
      if (opts.moneyMoving || opts.idempotencyKey || KEYED_POSTS.indexOf(path) >= 0)
        headers[IDEMPOTENCY] = opts.idempotencyKey || newKey()
      return http.post<T>(path, body, { headers }).then((r) => r.data)
    },
    hasSession: () => token !== null,
  }
}
