import { createHmac } from 'node:crypto'

/**
 * A deliberately independent signing client for the stub's tests: it follows the README's rule
 * on its own instead of importing the stub's signer, so a bug shared by both cannot hide.
 */
export type BossAnswer = { HEAD: Record<string, string>; BODY: Record<string, any> }

export function beijingStamp(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

export function sign(fields: Record<string, string>, secret: string): string {
  const text = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&')
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase()
}

let serial = 0

export type CallOptions = {
  secret?: string
  channel?: string
  time?: Date
  tamper?: (envelope: { HEAD: Record<string, string>; BODY: Record<string, string> }) => void
  signal?: AbortSignal
}

export function envelope(svc: string, body: Record<string, string>, opts: CallOptions = {}) {
  const head: Record<string, string> = {
    SVC_CODE: svc,
    CHNL_ID: opts.channel ?? 'TVHALL',
    REQ_SEQ: `TST${Date.now()}${++serial}`,
    REQ_TIME: beijingStamp(opts.time ?? new Date()),
  }
  head.SIGN = sign({ ...head, ...body }, opts.secret ?? 'tvhall-dev-secret')
  const env = { HEAD: head, BODY: { ...body } }
  opts.tamper?.(env)
  return env
}

export async function callRaw(baseUrl: string, payload: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${baseUrl}/boss/gateway`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    signal,
  })
}

export async function call(
  baseUrl: string,
  svc: string,
  body: Record<string, string>,
  opts: CallOptions = {},
): Promise<BossAnswer> {
  const env = envelope(svc, body, opts)
  const res = await callRaw(baseUrl, env, opts.signal)
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
  const answer = (await res.json()) as BossAnswer
  if (answer.HEAD.REQ_SEQ !== env.HEAD.REQ_SEQ) throw new Error('REQ_SEQ not echoed')
  return answer
}

export async function admin<T = any>(baseUrl: string, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, init)
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
  return (await res.json()) as T
}

export async function setFaults(baseUrl: string, faults: Record<string, unknown>): Promise<void> {
  await admin(baseUrl, '/admin/faults', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  })
}

/** A household's balance as the stub's admin API holds it. */
export async function balanceOf(baseUrl: string, custId: string): Promise<number> {
  return (await admin<{ balanceFen: number }>(baseUrl, `/admin/accounts/${custId}`)).balanceFen
}

/** ORDER_CREATE's body for the first demo household: one month of sports with the demo PIN, unless `over` says. */
export const orderBody = (over: Record<string, string>) => ({
  CUST_ID: 'C00000001',
  ORDER_NO: '',
  PROD_ID: 'P_SPORTS',
  PERIOD_MONTHS: '1',
  PIN: '123456',
  AUTO_RENEW: 'N',
  ...over,
})
