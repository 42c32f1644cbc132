import autocannon, { type Result } from 'autocannon'
import { computeSign } from '../../../boss-stub/protocol/sign.ts'

/** The same logical request three ways: account balance of one household. */
export interface Target {
  url: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  /** Builds a fresh body per request (signed gateway calls need a unique REQ_SEQ and a current REQ_TIME). */
  body?: () => string
  /** Headers that change per request (the next box's token), merged over `headers`. */
  perRequestHeaders?: () => Record<string, string>
}

/** Round robin over `items`: each call returns the next one. */
export function rotate<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('rotate: nothing to rotate over')
  let i = 0
  return () => items[i++ % items.length]
}

let seq = 0
/** ACCT_BAL_QRY signed as the BFF would sign it (BOSS v2.3, see boss-stub/README.md), for each household in turn. */
export function signedBalanceQuery(
  customerIds: readonly string[],
  secret = 'tvhall-dev-secret',
  channel = 'TVHALL',
): () => string {
  const next = rotate(customerIds)
  return () => {
    const customerId = next()
    const reqTime = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '')
    const head: Record<string, string> = {
      SVC_CODE: 'ACCT_BAL_QRY',
      CHNL_ID: channel,
      REQ_SEQ: `BENCH${reqTime}${++seq}`,
      REQ_TIME: reqTime,
    }
    const body = { CUST_ID: customerId }
    head.SIGN = computeSign({ ...head, ...body }, secret)
    return JSON.stringify({ HEAD: head, BODY: body })
  }
}

function requestOf(t: Target) {
  return {
    method: t.method,
    path: t.path,
    headers: t.headers,
    setupRequest: (req: any) => {
      let out = t.body ? { ...req, body: t.body() } : req
      if (t.perRequestHeaders) out = { ...out, headers: { ...t.headers, ...t.perRequestHeaders() } }
      return out
    },
  }
}

/** Fixed arrival rate (open loop: autocannon corrects for coordinated omission), bounded by count and time. */
export function atRate(
  t: Target,
  rate: number,
  seconds: number,
  connections = Math.max(8, Math.ceil(rate / 25)),
): Promise<Result> {
  return autocannon({
    url: t.url,
    connections,
    overallRate: rate,
    amount: rate * seconds,
    duration: seconds + 10,
    timeout: 5,
    requests: [requestOf(t)],
  })
}

/** Closed loop at `connections` in flight: the most this target answers per second. */
export function flatOut(t: Target, connections: number, seconds: number): Promise<Result> {
  return autocannon({ url: t.url, connections, duration: seconds, timeout: 5, requests: [requestOf(t)] })
}

/** Answers by HTTP status ("200": 5120, "429": 3), plus "errors"/"timeouts" for requests that got none. */
export function statusCounts(r: Result): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) out[code] = v.count
  if (r.errors) out.errors = r.errors
  if (r.timeouts) out.timeouts = r.timeouts
  return out
}

export interface Step {
  /** Offered arrival rate, requests per second. */
  target: number
  /** Achieved: answered requests per second. */
  rps: number
  p50: number
  p99: number
  errors: number
  codes: Record<string, number>
  ok: boolean
}

/**
 * Step the arrival rate up the ladder until a step has more than `maxErrors` errors (non-2xx, socket
 * errors, timeouts) or falls short of its offered rate by more than 10 % (answers no longer keep pace; the
 * last answers' drain counts in the step's time, hence not 5 %); the last good step is the maximum.
 */
export async function stepUp(
  t: Target,
  ladder: readonly number[],
  seconds: number,
  log: (s: string) => void,
  maxErrors = 0.01,
): Promise<{ steps: Step[]; max: Step | null }> {
  const steps: Step[] = []
  let max: Step | null = null
  for (const target of ladder) {
    // A connection per 10 rps: many boxes each with its own socket, and room for 100 ms answers before the rate falls short.
    const r = await atRate(t, target, seconds, Math.max(8, Math.ceil(target / 10)))
    const rps = r.requests.total / r.duration
    const errors = errorRate(r)
    const step: Step = {
      target,
      rps,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors,
      codes: statusCounts(r),
      ok: errors <= maxErrors && rps >= target * 0.9,
    }
    steps.push(step)
    log(
      `  ${t.url}${t.path} at ${target} rps: got ${rps.toFixed(0)}, p50 ${step.p50} p99 ${step.p99} ms, ${JSON.stringify(step.codes)}${step.ok ? '' : ' ← over'}`,
    )
    if (!step.ok) break
    max = step
  }
  return { steps, max }
}

export function errorRate(r: Result): number {
  const total = r.requests.total || 1
  return (r.errors + r.timeouts + r.non2xx) / total
}
