import type { Static, TSchema } from '@sinclair/typebox'
import { IDEMPOTENCY_HEADER } from './common.ts'
import { pathOf } from './apiPath.ts'
import type { AnyRoute } from './route.ts'

/**
 * A fetch client typed by the route table: a call names its entry (`routes.createOrder`) and the compiler
 * asks for exactly what the entry needs: path params, query, body, the Idempotency-Key where one is
 * required, the box's token where the route is authenticated. Integrators' tests and ours use it.
 */
type Needs<K extends string, T> = T extends TSchema ? { [P in K]: Static<T> } : { [P in K]?: never }

export type CallInput<R extends AnyRoute> = Needs<'params', R['spec']['params']> &
  (R['spec']['querystring'] extends TSchema
    ? { query?: Partial<Static<R['spec']['querystring']>> }
    : { query?: never }) &
  Needs<'body', R['spec']['body']> &
  (R['spec']['idempotent'] extends true ? { idempotencyKey: string } : { idempotencyKey?: never }) &
  (R['spec']['auth'] extends 'box'
    ? { token: string }
    : R['spec']['auth'] extends 'operator'
      ? { login: string }
      : { token?: never }) & {
    /** More headers (x-request-id, a forged origin…). */
    headers?: Record<string, string>
  }

/** Every body the entry declares, success or refusal. */
export type ResponseBody<R extends AnyRoute> = {
  [S in keyof R['schema']['response']]: R['schema']['response'][S] extends TSchema
    ? Static<R['schema']['response'][S]>
    : never
}[keyof R['schema']['response']]

export interface Answer<R extends AnyRoute> {
  status: number
  headers: Headers
  /** Parsed JSON (text when the answer was not JSON, undefined when empty). */
  body: ResponseBody<R>
}

interface AnyInput {
  params?: Record<string, unknown>
  query?: Record<string, unknown>
  body?: unknown
  token?: string
  /** `user:password` of the operator's login. */
  login?: string
  idempotencyKey?: string
  headers?: Record<string, string>
}

// The entry alone decides R: inferring it from the input too sends tsc through every body type (TS2589 on tickets).
export function call<R extends AnyRoute>(baseUrl: string, route: R, input: NoInfer<CallInput<R>>): Promise<Answer<R>>
export async function call(baseUrl: string, route: AnyRoute, given: AnyInput): Promise<Answer<AnyRoute>> {
  const headers: Record<string, string> = { ...given.headers }
  if (given.token !== undefined) headers.authorization = `Bearer ${given.token}`
  if (given.login !== undefined) headers.authorization = `Basic ${btoa(given.login)}`
  if (given.idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = given.idempotencyKey
  let body: string | undefined
  if (given.body !== undefined) {
    body = JSON.stringify(given.body)
    headers['content-type'] ??= 'application/json'
  }
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(given.query ?? {})) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') query.set(k, String(v))
  }
  const qs = query.size > 0 ? `?${query.toString()}` : ''
  const res = await fetch(`${baseUrl}${pathOf(route.path, given.params)}${qs}`, { method: route.method, headers, body })
  const text = await res.text()
  let parsed: unknown = text === '' ? undefined : text
  if (/^application\/json/.test(res.headers.get('content-type') ?? '') && text !== '') parsed = JSON.parse(text)
  return { status: res.status, headers: res.headers, body: parsed as ResponseBody<AnyRoute> }
}
