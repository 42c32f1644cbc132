/**
 * Idempotency for money-moving POSTs (orders, top-ups), over the BFF Store (SQLite now, Redis later).
 *
 * API, in a route plugin:
 *   const idem = createIdempotency(s.store, { scope: 'topup-card' })
 *   app.post(path, { schema }, async (request, reply) =>           // inside the authenticated scope
 *     idem.run(request, reply, {
 *       material: { cardNo: body.cardNo },          // what makes two requests "the same"; never secrets (PIN, password)
 *     }, async (key) => {                           // key: the validated Idempotency-Key header
 *       const ref = stableRef('TP', request.customer.customerId, key) // stable BOSS serial: retries can never charge twice
 *       ...
 *       return { statusCode: 201, body }            // stored and replayed byte for byte
 *     }))
 *
 * Semantics (per household and scope; the key alone never reaches another household's record):
 * - header missing or malformed → 400 BAD_REQUEST;
 * - key seen with different material → 422 UNPROCESSABLE;
 * - key still in flight → waits up to `waitMs` for the first answer and replays it, else 409 CONFLICT (retryAfter);
 * - key completed → replays the first status and body (header `Idempotent-Replayed: true`), runs nothing;
 * - work returns {statusCode, body} → stored for `ttlSeconds` (a 4xx the work returns is stored too);
 *   work THROWS → the key is released: throw only when nothing happened (refusals), so the same key may be retried.
 * - a claim whose owner died (its lease of `leaseSeconds` ran out with no answer) is taken over by the next
 *   request with that key, and by `sweep()`: `recover` asks the BOSS by the stable reference; what it finds is
 *   the answer, and when the BOSS has nothing the work runs again (same reference, so never twice).
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { IDEMPOTENCY_HEADER } from '../../contract/index.ts'
import { ApiError, badRequest } from '../errors.ts'
import type { Store } from '../store/store.ts'

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
export const REPLAYED_HEADER = 'Idempotent-Replayed'

export interface IdempotentResult {
  statusCode: number
  body: unknown
}

export interface IdempotencyOptions {
  /** Separates domains: the same key used for an order and a top-up are two records. */
  scope: string
  /** How long a completed answer is replayed (default one day). */
  ttlSeconds?: number
  /** How long a duplicate waits for the first request before answering 409 (default 2 s). */
  waitMs?: number
  pollMs?: number
  /** How long a claim is held before a crash is presumed and the key may be settled by someone else (default 30 s). */
  leaseSeconds?: number
  /**
   * What the BOSS holds under the stable reference of (household, key): the stored answer, or null when
   * it has nothing (the work never happened). Called for a claim whose owner died.
   */
  recover?: (owner: string, key: string) => Promise<IdempotentResult | null>
}

export interface IdempotentCall {
  /** Household the request acts for (from the token); part of the store key. */
  owner: string
  key: string | undefined
  material: unknown
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export function fingerprint(scope: string, material: unknown): string {
  return createHash('sha256')
    .update(`${scope}\n${canonicalJson(material)}`)
    .digest('hex')
}

/**
 * A serial for the BOSS derived from household + key (`prefix` + 40 hex): the same request always
 * sends the same ORDER_NO / top-up serial, so the BOSS refuses a second charge even if our store lost the key.
 */
export function stableRef(prefix: string, owner: string, key: string): string {
  return prefix + createHash('sha256').update(`${owner}\n${key}`).digest('hex').slice(0, 40).toUpperCase()
}

export function readIdempotencyKey(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  const raw = request.headers[IDEMPOTENCY_HEADER.toLowerCase()]
  return Array.isArray(raw) ? raw[0] : raw
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Framework-free core: `execute` answers what to send; unit-tested without fastify. */
export class Idempotency {
  readonly #store: Store
  readonly #scope: string
  readonly #ttl: number
  readonly #waitMs: number
  readonly #pollMs: number
  readonly #lease: number
  readonly #recover: IdempotencyOptions['recover']

  constructor(store: Store, opts: IdempotencyOptions) {
    this.#store = store
    this.#scope = opts.scope
    this.#ttl = opts.ttlSeconds ?? 86_400
    this.#waitMs = opts.waitMs ?? 2_000
    this.#pollMs = opts.pollMs ?? 50
    this.#lease = opts.leaseSeconds ?? 30
    this.#recover = opts.recover
  }

  #storeKey(owner: string, key: string): string {
    return `idem:${this.#scope}:${owner}:${key}`
  }

  /**
   * Settle claims whose owner died (lease run out): complete each with what the BOSS holds, or release it
   * when the BOSS has nothing. A BOSS still down leaves the claim for the next sweep. Answers how many were settled.
   */
  async sweep(limit = 20): Promise<number> {
    if (!this.#recover) return 0
    const prefix = `idem:${this.#scope}:`
    let settled = 0
    for (const storeKey of await this.#store.takeStaleClaims(prefix, limit, this.#lease)) {
      const [owner, key] = storeKey.slice(prefix.length).split(':')
      if (!owner || !key) continue
      const found = await this.#recover(owner, key).catch(() => undefined)
      if (found === undefined) continue
      if (found) await this.#store.completeIdempotency(storeKey, found.statusCode, JSON.stringify(found.body))
      else await this.#store.releaseIdempotency(storeKey)
      settled++
    }
    return settled
  }

  async execute(
    call: IdempotentCall,
    work: (key: string) => Promise<IdempotentResult>,
  ): Promise<{ statusCode: number; body: string; replayed: boolean }> {
    const key = call.key
    if (key === undefined || key === '') throw badRequest(`${IDEMPOTENCY_HEADER} header is required for this request`)
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw badRequest(`${IDEMPOTENCY_HEADER} must be 8 to 64 characters of A-Z, a-z, 0-9, - and _`)
    }
    const storeKey = this.#storeKey(call.owner, key)
    const fp = fingerprint(this.#scope, call.material)
    const deadline = Date.now() + this.#waitMs
    let recovered: boolean
    for (;;) {
      const claim = await this.#store.claimIdempotency(storeKey, fp, this.#ttl, this.#lease)
      if (claim.state !== 'claimed' && claim.fingerprint !== fp) {
        throw new ApiError(
          422,
          'UNPROCESSABLE',
          `This ${IDEMPOTENCY_HEADER} was already used for a different request; use a new key`,
        )
      }
      if (claim.state === 'done') return { statusCode: claim.statusCode, body: claim.body, replayed: true }
      if (claim.state === 'claimed') {
        recovered = claim.recovered === true
        break
      }
      if (Date.now() >= deadline) {
        throw new ApiError(409, 'CONFLICT', 'The same request is still being processed; try again shortly', {
          retryAfter: 1,
        })
      }
      await sleep(this.#pollMs)
    }

    let result: IdempotentResult
    try {
      // The first owner died mid-work: what the BOSS holds is the answer; run again only when it has nothing.
      const found = recovered && this.#recover ? await this.#recover(call.owner, key) : null
      if (found) {
        const body = JSON.stringify(found.body)
        await this.#store.completeIdempotency(storeKey, found.statusCode, body)
        return { statusCode: found.statusCode, body, replayed: true }
      }
      result = await work(key)
    } catch (err) {
      await this.#store.releaseIdempotency(storeKey)
      throw err
    }
    const body = JSON.stringify(result.body)
    await this.#store.completeIdempotency(storeKey, result.statusCode, body)
    return { statusCode: result.statusCode, body, replayed: false }
  }
}

/** The fastify face of `Idempotency`: reads the header and the token's household, sends the answer. */
export function createIdempotency(store: Store, opts: IdempotencyOptions) {
  const core = new Idempotency(store, opts)
  return {
    core,
    /** Settle claims left by a crashed instance every half lease, for as long as `app` runs. */
    sweepWith(app: FastifyInstance): void {
      const everyMs = Math.max(1_000, ((opts.leaseSeconds ?? 30) * 1000) / 2)
      const timer = setInterval(() => {
        core.sweep().then(
          (n) =>
            n > 0 &&
            app.log.info(
              { scope: opts.scope, settled: n },
              'idempotency claims of a crashed request settled with the BOSS',
            ),
          (err: unknown) => app.log.warn({ err, scope: opts.scope }, 'idempotency sweep failed'),
        )
      }, everyMs)
      timer.unref()
      app.addHook('onClose', async () => clearInterval(timer))
    },
    async run(
      request: FastifyRequest,
      reply: FastifyReply,
      spec: { material: unknown },
      work: (key: string) => Promise<IdempotentResult>,
    ): Promise<FastifyReply> {
      const owner = request.customer?.customerId
      if (!owner) throw new Error('idempotency needs an authenticated route (request.customer)')
      const out = await core.execute({ owner, key: readIdempotencyKey(request), material: spec.material }, work)
      if (out.replayed) reply.header(REPLAYED_HEADER, 'true')
      // Sent as the stored text, so a replay is byte for byte the first answer.
      return reply.code(out.statusCode).type('application/json; charset=utf-8').send(out.body)
    },
  }
}
