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
}

let seq = 0
/** ACCT_BAL_QRY signed as the BFF would sign it (BOSS v2.3, see boss-stub/README.md). */
export function signedBalanceQuery(customerId: string, secret = 'tvhall-dev-secret', channel = 'TVHALL'): () => string {
  return () => {
    const reqTime = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '')
    const head: Record<string, string> = { SVC_CODE: 'ACCT_BAL_QRY', CHNL_ID: channel, REQ_SEQ: `BENCH${reqTime}${++seq}`, REQ_TIME: reqTime }
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
    setupRequest: (req: any) => (t.body ? { ...req, body: t.body() } : req),
  }
}

/** Fixed arrival rate (open loop: autocannon corrects for coordinated omission), bounded by count and time. */
export function atRate(t: Target, rate: number, seconds: number): Promise<Result> {
  return autocannon({
    url: t.url,
    connections: Math.max(8, Math.ceil(rate / 25)),
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

export function errorRate(r: Result): number {
  const total = r.requests.total || 1
  return (r.errors + r.timeouts + r.non2xx) / total
}
