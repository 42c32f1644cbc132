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

/** `GET /api/v1/account` on a BFF, each request with the next box's token (round robin over `tokens`). */
export function accountRead(url: string, tokens: readonly string[]): Target {
  const next = rotate(tokens.map((t) => `Bearer ${t}`))
  return {
    url,
    method: 'GET',
    path: '/api/v1/account',
    headers: {},
    perRequestHeaders: () => ({ authorization: next() }),
  }
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

/**
 * Connections for a fixed rate: autocannon gives each connection a whole number of requests per second
 * (20 rps over 8 connections came out as 16), so the count divides the rate; at least 8, and at most 4 rps a
 * connection (a 250 ms answer does not yet hold the next one back).
 */
export function connectionsFor(rate: number): number {
  for (let c = Math.max(8, Math.ceil(rate / 4)); c < rate; c++) if (rate % c === 0) return c
  return Math.max(1, rate)
}

/** Fixed arrival rate (open loop: autocannon corrects for coordinated omission), bounded by count and time. */
export function atRate(t: Target, rate: number, seconds: number, connections = connectionsFor(rate)): Promise<Result> {
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
    // Many boxes each with its own socket (connectionsFor), and room for 250 ms answers before the rate falls short.
    const r = await atRate(t, target, seconds)
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

/**
 * The arrival rates to try, as shares of what the stub alone answered closed loop in this run (10 % to 130 %
 * in tenths): on a busy machine the ladder comes down with the stub, so its first step is never already over.
 */
export function relativeLadder(stubRps: number): number[] {
  const steps = new Set<number>()
  // Multiples of 8, so that connectionsFor() spreads them evenly.
  for (let share = 0.1; share <= 1.31; share += 0.1) steps.add(Math.max(8, Math.round((stubRps * share) / 8) * 8))
  return [...steps]
}

/**
 * `stepUp` for several targets at once: each step of the ladder is offered to every target still under its
 * maximum, one after the other, so a neighbour's burst on the shared machine falls on all of them alike.
 * Stops when every target has had a step over; one over at the first step is tried at halves of it.
 */
export async function stepTogether<K extends string>(
  targets: Record<K, Target>,
  ladder: readonly number[],
  seconds: number,
  log: (s: string) => void,
  maxErrors = 0.01,
): Promise<Record<K, { steps: Step[]; max: Step | null }>> {
  const names = Object.keys(targets) as K[]
  const out = Object.fromEntries(names.map((n) => [n, { steps: [] as Step[], max: null as Step | null }])) as Record<
    K,
    { steps: Step[]; max: Step | null }
  >
  const over = new Set<K>()
  for (const target of ladder) {
    for (const name of names) {
      if (over.has(name)) continue
      const [step] = (await stepUp(targets[name], [target], seconds, log, maxErrors)).steps
      out[name].steps.push(step)
      if (step.ok) out[name].max = step
      else over.add(name)
    }
    if (over.size === names.length) break
  }
  // A target over at the ladder's first step (a burst on the machine, or it is that slow) is tried at halves of
  // it, so the table says how much it did hold rather than "none".
  for (let rate = Math.floor(ladder[0] / 2 / 8) * 8; rate >= 8; rate = Math.floor(rate / 2 / 8) * 8) {
    const below = names.filter((n) => out[n].max === null && out[n].steps.every((x) => x.target > rate))
    if (below.length === 0) break
    for (const name of below) {
      const [step] = (await stepUp(targets[name], [rate], seconds, log, maxErrors)).steps
      out[name].steps.push(step)
      if (step.ok) out[name].max = step
    }
  }
  return out
}

/**
 * RSS samples of a long steady run, judged for growth: the median of its last sixth against that of its second
 * sixth (the first is the warm-up, where V8's heap and the pools fill once).
 */
export function rssGrowth(samples: readonly number[]): { first: number; last: number; growth: number } {
  const sixth = Math.max(1, Math.floor(samples.length / 6))
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
  const first = mid(samples.slice(sixth, 2 * sixth).length ? samples.slice(sixth, 2 * sixth) : samples.slice(0, sixth))
  const last = mid(samples.slice(-sixth))
  return { first, last, growth: (last - first) / first }
}
