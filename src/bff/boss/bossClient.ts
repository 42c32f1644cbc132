import { createHmac, randomFillSync } from 'node:crypto'
import type { Dispatcher } from 'undici'
// The pool alone, not undici's index (fetch, WebSocket, caches, mocks): ≈ 2.6 MB less live heap (issue 22, the
// BFF's sixth pass). undici is pinned, and bossClient.test drives this class through every path the BFF uses.
import Pool from 'undici/lib/dispatcher/pool.js'
import type { BaseLogger } from 'pino'
import { toBossTimestamp } from './bossFormat.ts'
import { BossBusinessError, BossCode, BossProtocolError, BossTimeoutError, BossUnavailableError } from './bossErrors.ts'

/**
 * The only code that knows the BOSS envelope (HEAD/BODY, signing, RSP_CODE). Adapters call
 * `call(SVC_CODE, body)` and get the answer BODY, or a typed error.
 */

export type BossBody = Record<string, string>
export type BossAnswer = Record<string, unknown>

export interface BossClientOptions {
  url: string
  channel: string
  secret: string
  timeoutMs: number
  logger?: BaseLogger
  now?: () => Date
  /** Keep-alive connections to the BOSS; the BOSS is usually the bottleneck, so keep this modest. */
  connections?: number
}

/**
 * `KEY=VALUE` pairs of every HEAD field but SIGN and every BODY field, sorted by key (byte order), joined by `&`
 * (a key in both: the HEAD's pair first). Built by merging the two key lists, each sorted in place by insertion
 * (a handful of keys; the HEAD's come in order already): the pairs array, Array#sort's work copy and the join
 * were ≈ 4 KB of garbage per BOSS call in the BFF's allocation profile (issue 22).
 */
export function bossSignString(head: Record<string, string>, body: BossBody): string {
  const headKeys = sortedKeys(head, 'SIGN')
  const bodyKeys = sortedKeys(body, undefined)
  let out = ''
  let h = 0
  let b = 0
  while (h < headKeys.length || b < bodyKeys.length) {
    const fromHead = b === bodyKeys.length || (h < headKeys.length && byteOrder(headKeys[h], bodyKeys[b]) <= 0)
    const key = fromHead ? headKeys[h++] : bodyKeys[b++]
    out += `${h + b > 1 ? '&' : ''}${key}=${fromHead ? head[key] : body[key]}`
  }
  return out
}

/** The object's keys but `skip`, in byte order (insertion sort: stable, no work copy). */
function sortedKeys(fields: Record<string, string>, skip: string | undefined): string[] {
  const keys = Object.keys(fields)
  let n = 0
  for (const key of keys) {
    if (key === skip) continue
    let i = n++
    while (i > 0 && byteOrder(keys[i - 1], key) > 0) keys[i] = keys[--i]
    keys[i] = key
  }
  keys.length = n
  return keys
}

/**
 * UTF-8 byte order of two keys without encoding them: below the surrogates, UTF-16 code-unit order is code-point
 * order, which is UTF-8 byte order; only a difference at or above U+D800 is compared as bytes. (A regular
 * expression test of both keys per comparison showed in the BFF's profile, two Buffers per comparison before it.)
 */
function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    if (x < 0xd800 && y < 0xd800) return x - y
    return Buffer.compare(Buffer.from(a), Buffer.from(b))
  }
  return a.length - b.length
}

export function bossSign(head: Record<string, string>, body: BossBody, secret: string): string {
  return createHmac('sha256', secret).update(bossSignString(head, body), 'utf8').digest('hex').toUpperCase()
}

// Random bytes are taken from a pool filled 4 KB at a time: one randomBytes(8) per BOSS call was a visible
// share of the BFF's profile (each is a call into OpenSSL), as it is for crypto.randomUUID, which pools too.
const SEQ_POOL = Buffer.alloc(4096)
let seqPoolAt = SEQ_POOL.length

/** Unique request serial: `TVH` + Beijing timestamp + 15 random hex digits = 32 characters. */
export function newReqSeq(now: Date): string {
  if (seqPoolAt + 8 > SEQ_POOL.length) {
    randomFillSync(SEQ_POOL)
    seqPoolAt = 0
  }
  const random = SEQ_POOL.toString('hex', seqPoolAt, seqPoolAt + 8).slice(0, 15)
  seqPoolAt += 8
  return `TVH${toBossTimestamp(now)}${random}`
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }

/** The exchange ran out of its time (mapped to BossTimeoutError with the service's name). */
class CallTimedOut extends Error {}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
])

export class BossClient {
  readonly #opts: BossClientOptions
  readonly #pool: Pool
  readonly #path: string
  readonly #now: () => Date

  constructor(opts: BossClientOptions) {
    this.#opts = opts
    const url = new URL(opts.url)
    this.#path = `${url.pathname.replace(/\/$/, '')}/boss/gateway`
    this.#pool = new Pool(url.origin, {
      connections: opts.connections ?? 32,
      keepAliveTimeout: 30_000,
      connectTimeout: Math.min(opts.timeoutMs, 10_000),
    })
    this.#now = opts.now ?? (() => new Date())
  }

  /** Call a BOSS service; resolves with the answer BODY on 0000. */
  async call(svcCode: string, body: BossBody, opts: { timeoutMs?: number; probe?: boolean } = {}): Promise<BossAnswer> {
    const now = this.#now()
    // In sign order already (bossSignString's sort of them is then one comparison each).
    const head: Record<string, string> = {
      CHNL_ID: this.#opts.channel,
      REQ_SEQ: newReqSeq(now),
      REQ_TIME: toBossTimestamp(now),
      SVC_CODE: svcCode,
    }
    head.SIGN = bossSign(head, body, this.#opts.secret)
    const timeoutMs = opts.timeoutMs ?? this.#opts.timeoutMs
    const started = performance.now()
    const log = this.#opts.logger
    let answer: { status: number; text: string }
    try {
      answer = await this.#exchange(JSON.stringify({ HEAD: head, BODY: body }), timeoutMs)
    } catch (err) {
      const ms = Math.round(performance.now() - started)
      if (err instanceof CallTimedOut) {
        log?.warn({ svc: svcCode, seq: head.REQ_SEQ, ms }, 'BOSS call timed out')
        throw new BossTimeoutError(`BOSS did not answer ${svcCode} within ${timeoutMs} ms`, { cause: err })
      }
      const code = (err as { code?: string }).code
      log?.warn({ svc: svcCode, seq: head.REQ_SEQ, ms, code }, 'BOSS unreachable')
      throw new BossUnavailableError(
        `BOSS unreachable for ${svcCode}${code && UNREACHABLE_CODES.has(code) ? ` (${code})` : ''}`,
        { cause: err },
      )
    }
    const ms = Math.round(performance.now() - started)
    const { status, text } = answer
    if (status >= 500) {
      log?.warn({ svc: svcCode, seq: head.REQ_SEQ, ms, status }, 'BOSS outage')
      throw new BossUnavailableError(`BOSS answered HTTP ${status} for ${svcCode}`)
    }
    if (status !== 200) throw new BossProtocolError(`BOSS answered HTTP ${status} for ${svcCode}`)
    return this.#unwrap(svcCode, head.REQ_SEQ, text, ms, opts.probe === true)
  }

  /**
   * One POST of `payload` to the gateway: the answer's status and text. Through the pool's dispatcher with a
   * handler of our own, not `pool.request()`: that wraps every answer in a Node stream (a BodyReadable and its
   * ticks) and the call in an AbortSignal, ≈ 2 KB per answer and undici's largest CPU share in the BFF's profile
   * (issue 22). One timer bounds the whole exchange, waiting for a free socket included, headers and body, and
   * is cleared when it ends (AbortSignal.timeout() had left every call's timer to fire seconds later).
   */
  #exchange(payload: string, timeoutMs: number): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      let controller: Dispatcher.DispatchController | undefined
      let timedOut = false
      let status = 0
      const chunks: Buffer[] = []
      const timer = setTimeout(() => {
        timedOut = true
        if (controller) controller.abort(new CallTimedOut())
        // Still queued behind busy sockets: the viewer is answered now, and undici drops the request when it
        // reaches a socket (onRequestStart), before anything is sent.
        else reject(new CallTimedOut())
      }, timeoutMs)
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart(c) {
          controller = c
          if (timedOut) c.abort(new CallTimedOut())
        },
        // Informational (1xx) answers come first and are followed by the real one.
        onResponseStart(_c, statusCode) {
          status = statusCode
        },
        onResponseData(_c, chunk) {
          chunks.push(chunk)
        },
        onResponseEnd() {
          clearTimeout(timer)
          resolve({ status, text: (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8') })
        },
        onResponseError(_c, err) {
          clearTimeout(timer)
          reject(timedOut ? new CallTimedOut('BOSS call timed out', { cause: err }) : err)
        },
      }
      this.#pool.dispatch({ path: this.#path, method: 'POST', headers: JSON_HEADERS, body: payload }, handler)
    })
  }

  #unwrap(svcCode: string, seq: string, text: string, ms: number, probe: boolean): BossAnswer {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new BossProtocolError(`BOSS answer to ${svcCode} is not JSON`)
    }
    const envelope = parsed as { HEAD?: Record<string, unknown>; BODY?: unknown }
    const rspHead = envelope?.HEAD
    const rspCode = rspHead?.RSP_CODE
    if (typeof rspCode !== 'string') throw new BossProtocolError(`BOSS answer to ${svcCode} has no RSP_CODE`)
    if (rspHead?.REQ_SEQ !== undefined && rspHead.REQ_SEQ !== seq) {
      // An answer to someone else's request must never reach this viewer.
      throw new BossProtocolError(`BOSS answered ${svcCode} with a foreign REQ_SEQ`)
    }
    const desc = typeof rspHead?.RSP_DESC === 'string' ? rspHead.RSP_DESC : ''
    const rspBody = (typeof envelope.BODY === 'object' && envelope.BODY !== null ? envelope.BODY : {}) as BossAnswer
    this.#opts.logger?.debug({ svc: svcCode, seq, ms, rspCode }, 'BOSS call')
    if (rspCode === BossCode.ok) return rspBody
    if (rspCode === BossCode.busy) throw new BossUnavailableError(`BOSS busy on ${svcCode}: ${desc}`)
    if (rspCode.startsWith('1')) {
      // A probe expects 1002; anything else in 1xxx is our bug or a config mismatch and must be seen.
      if (!(probe && rspCode === BossCode.badParameter))
        this.#opts.logger?.error({ svc: svcCode, seq, rspCode, desc }, 'BOSS refused our request envelope')
      throw new BossProtocolError(`BOSS refused ${svcCode} (${rspCode} ${desc})`, { rspCode })
    }
    throw new BossBusinessError(rspCode, desc, rspBody)
  }

  /**
   * Readiness: a signed balance query for nobody. Any business answer, even "parameter missing",
   * proves the BOSS is up and accepts our channel's signature; 1001 means our secret or clock is wrong.
   */
  async ping(): Promise<void> {
    try {
      await this.call('ACCT_BAL_QRY', { CUST_ID: '' }, { probe: true })
    } catch (err) {
      if (err instanceof BossBusinessError) return
      if (err instanceof BossProtocolError && err.rspCode !== undefined && err.rspCode !== BossCode.badSignature) return
      throw err
    }
  }

  async close(): Promise<void> {
    await this.#pool.close()
  }
}
