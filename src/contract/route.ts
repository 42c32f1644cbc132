import { Type, type TObject, type TSchema } from '@sinclair/typebox'
import { ErrorBody, IDEMPOTENCY_HEADER } from './common.ts'

/**
 * One entry of the route table (routes.ts): what a BFF endpoint takes and every answer it can give.
 * The BFF registers the `schema` built here (so /api/docs/json is this table), the typed client and the
 * mocks are held to it. The statuses every endpoint of a kind can give are added here, once:
 * - 429 with Retry-After everywhere: every route is rate limited;
 * - 400, 413, 415 where a request has parts to validate or a body to parse;
 * - 401 where a box's token (or the operator's login) is needed;
 * - 409 and 422 where an Idempotency-Key is needed (still in flight; used for another request);
 * - 502, 503, 504 where the answer comes from the BOSS (503/504 with Retry-After).
 */
export type Method = 'GET' | 'POST' | 'PUT'

export interface RouteSpec {
  method: Method
  path: string
  tag: string
  summary: string
  /** `box`: a household's bearer token; `operator`: the operator's HTTP basic login; absent: open. */
  auth?: 'box' | 'operator'
  /** The answer comes from the BOSS (or the usage store): 502, 503 and 504 can happen. */
  upstream?: boolean
  /** Needs an Idempotency-Key header: a repeat with the same key replays the first answer. */
  idempotent?: boolean
  params?: TObject
  querystring?: TObject
  body?: TSchema
  /** Successes and the refusals of this endpoint alone; the common ones are added by `route`. */
  responses: Record<number, TSchema>
  /** Content type of the success answer when not JSON (the operator's CSV). */
  produces?: string
}

/** Where the household's data comes from: a box's token, and an answer of the BOSS. */
export const household = { auth: 'box', upstream: true } as const

const RETRY_AFTER = {
  'Retry-After': { type: 'integer', minimum: 0, description: 'Seconds to wait before trying again' },
}

const error = (description: string, retryAfter = false) =>
  Type.Object(ErrorBody.properties, { description, ...(retryAfter ? { headers: RETRY_AFTER } : {}) })

type ErrorSchema = ReturnType<typeof error>
type CommonStatus = 400 | 401 | 409 | 413 | 415 | 422 | 429 | 502 | 503 | 504

/** The Idempotency-Key request header, as fastify validates it and the document declares it. */
export const IdempotencyHeaders = Type.Object({
  [IDEMPOTENCY_HEADER.toLowerCase()]: Type.String({
    pattern: '^[A-Za-z0-9_-]{8,64}$',
    description: 'A fresh key per intended action (8-64 of A-Z a-z 0-9 - _); a repeat with it replays the first answer',
  }),
})

export interface RouteSchema<S extends RouteSpec> {
  operationId: string
  tags: string[]
  summary: string
  security?: Record<string, string[]>[]
  params: S['params']
  querystring: S['querystring']
  body: S['body']
  headers: S['idempotent'] extends true ? typeof IdempotencyHeaders : undefined
  response: S['responses'] & Omit<Record<CommonStatus, ErrorSchema>, keyof S['responses']>
}

export interface Route<S extends RouteSpec = RouteSpec> {
  method: S['method']
  path: S['path']
  spec: S
  schema: RouteSchema<S>
}

/** What any entry of the table is, whatever its own spec (for code that takes every entry). */
export interface AnyRoute {
  method: Method
  path: string
  spec: RouteSpec
  schema: { response: object }
}

function commonErrors(s: RouteSpec): Record<number, TSchema> {
  const out: Record<number, TSchema> = {}
  const hasBody = s.method !== 'GET'
  if (hasBody || s.params || s.querystring || s.idempotent) {
    out[400] = error('The request is not valid (error.message names the part)')
  }
  if (s.auth)
    out[401] = error(
      s.auth === 'box' ? 'No valid session token (UNAUTHORIZED, TOKEN_EXPIRED)' : 'Operator login required',
    )
  if (hasBody) {
    out[413] = error('The body is larger than the BFF accepts')
    out[415] = error('The body is not application/json')
  }
  if (s.idempotent) {
    out[409] = error(
      'A request with this Idempotency-Key is still being worked on (CONFLICT); retry after Retry-After',
      true,
    )
    out[422] = error('This Idempotency-Key was used for a different request (UNPROCESSABLE)')
  }
  out[429] = error('Too many requests from this box or address (RATE_LIMITED), or a lock (LOCKED)', true)
  if (s.upstream) {
    out[502] = error('The BOSS gave an answer the hall cannot use (BOSS_ERROR)')
    out[503] = error('The BOSS is not available (BOSS_UNAVAILABLE)', true)
    out[504] = error('The BOSS did not answer in time (BOSS_TIMEOUT)', true)
  }
  return out
}

/** Builds a table entry: the spec, and the fastify/OpenAPI schema with every common answer added. */
export function route<const S extends RouteSpec>(operationId: string, s: S): Route<S> {
  const response: Record<number, unknown> = { ...commonErrors(s) }
  for (const [status, schema] of Object.entries(s.responses)) {
    // A refusal this endpoint shares with its kind keeps the common description.
    if (schema === ErrorBody && response[Number(status)]) continue
    const own = Number(status) >= 400 && schema === ErrorBody ? error('Refused (see error.code)') : schema
    response[Number(status)] = s.produces && Number(status) < 300 ? { content: { [s.produces]: { schema: own } } } : own
  }
  const schema: Record<string, unknown> = { operationId, tags: [s.tag], summary: s.summary, response }
  if (s.auth) schema.security = [s.auth === 'box' ? { bearer: [] } : { operator: [] }]
  if (s.params) schema.params = s.params
  if (s.querystring) schema.querystring = s.querystring
  if (s.body) schema.body = s.body
  if (s.idempotent) schema.headers = IdempotencyHeaders
  return { method: s.method, path: s.path, spec: s, schema: schema as unknown as RouteSchema<S> }
}
