import type { LoggedAnswer } from '../../conformance/answers.ts'
import { pathOf } from '../../../src/contract/apiPath.ts'
import type { AnyRoute } from '../../../src/contract/index.ts'
import type { CaseRequest, DocumentOperation } from './documentCases.ts'

/** Credentials a generated request is sent with when its case says `auth: 'right'`. */
export interface Credentials {
  /** A box's live session token (a fresh one for POST /session/logout, which ends it). */
  token(o: DocumentOperation): Promise<string>
  /** `user:password` of the operator's login. */
  operator: string
}

/** Sends one generated request to the BFF and writes its answer down as the conformance log does. */
export async function send(
  baseUrl: string,
  o: DocumentOperation,
  c: CaseRequest,
  creds: Credentials,
): Promise<LoggedAnswer> {
  const headers: Record<string, string> = {}
  const scheme = Object.keys(o.op.security?.[0] ?? {})[0]
  if (scheme && c.auth === 'right')
    headers.authorization = scheme === 'operator' ? `Basic ${btoa(creds.operator)}` : `Bearer ${await creds.token(o)}`
  if (scheme && c.auth === 'forged')
    headers.authorization =
      scheme === 'operator' ? `Basic ${btoa('operator:guess')}` : 'Bearer eyJhbGciOiJub25lIn0.e30.'
  if (c.idempotencyKey !== undefined) headers['idempotency-key'] = c.idempotencyKey
  let body: string | undefined = c.raw
  if (c.body !== undefined) body = JSON.stringify(c.body)
  if (body !== undefined) headers['content-type'] = c.contentType ?? 'application/json'
  const qs = new URLSearchParams(c.query).toString()
  const url = `${baseUrl}${pathOf(o.route, c.params)}${qs ? `?${qs}` : ''}`
  const res = await fetch(url, { method: o.method, headers, body })
  return {
    method: o.method,
    route: o.route,
    status: res.status,
    contentType: res.headers.get('content-type'),
    retryAfter: res.headers.get('retry-after'),
    body: await res.text(),
  }
}

/** A typed client's answer written down as the conformance log does (its JSON body serialised again). */
export function logged(route: AnyRoute, a: { status: number; headers: Headers; body: unknown }): LoggedAnswer {
  const body: unknown = a.body
  return {
    method: route.method,
    route: route.path,
    status: a.status,
    contentType: a.headers.get('content-type'),
    retryAfter: a.headers.get('retry-after'),
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  }
}
