import CircuitBreaker from 'opossum'
import { LRUCache } from 'lru-cache'
import { BossClient, type BossAnswer, type BossBody, type BossClientOptions } from './bossClient.ts'
import { BossTimeoutError, BossUnavailableError } from './bossErrors.ts'

/**
 * Resilience around the BOSS, on top of BossClient's keep-alive pool and per-call timeout:
 * - a circuit breaker per BOSS domain (opossum): after enough outages it answers at once with 503
 *   "service busy" instead of piling viewers onto a sick BOSS, then lets one call through (half-open) to test it;
 * - a bulkhead: at most `maxInFlight` calls per domain in flight (opossum's capacity), the rest 503 at once;
 * - reads (`*_QRY`, ORDER_CHECK) retried on outages with jittered backoff. Money-moving calls are never retried
 *   here: their adapters ask the BOSS by serial (query-before-retry) instead;
 * - read-mostly answers (catalogue, visit slots) cached briefly and served stale while the BOSS is down.
 * Business refusals (a wrong PIN, no money) are answers, not outages: they never count against the breaker.
 */
export interface BossGuardOptions {
  /** How long an open breaker refuses before letting one trial call through. */
  breakerResetMs: number
  /** Calls in the rolling window before the breaker may open, and the outage share that opens it. */
  breakerVolume: number
  breakerErrorPercent: number
  breakerWindowMs: number
  maxInFlight: number
  readRetries: number
  /** First retry waits up to this long (full jitter), doubling each time. */
  retryBaseMs: number
  /** How long a catalogue answer is fresh (visit slots: half of it), and how long a stale one may still be shown while the BOSS is down. */
  cacheFreshMs: number
  staleMs: number
  random?: () => number
}

export const DEFAULT_GUARD: BossGuardOptions = {
  breakerResetMs: 10_000,
  breakerVolume: 10,
  // Opens on a mostly-down BOSS, not on a flaky one, where retried reads still get most viewers through.
  breakerErrorPercent: 80,
  breakerWindowMs: 10_000,
  // Bounds the calls a domain may have waiting, not only those on the wire: beyond its 32 sockets the pool queues a
  // call until its own timeout. At 64 a healthy BOSS shed 22 % of an instant's 82 arrivals, at 256 28 % of 340
  // (issue 22's open-loop bench, which offers each second's requests at once); 1 024 queued calls drain in ≈ 0.3 s
  // from a BOSS answering in 10 ms, a tenth of the call timeout. A sick BOSS is stopped by the breaker, not this.
  maxInFlight: 1024,
  readRetries: 2,
  retryBaseMs: 100,
  cacheFreshMs: 60_000,
  staleMs: 3_600_000,
}

/** Cached services and their share of `cacheFreshMs`. Account-specific data is never cached: it must be live. */
export const CACHED_SERVICES: Record<string, number> = {
  PROD_LIST_QRY: 1,
  PROD_DETAIL_QRY: 1,
  SLOT_QRY: 0.5,
}

export const isRead = (svc: string) => svc.endsWith('_QRY') || svc === 'ORDER_CHECK'
/** Breakers are per domain: the first word of the service code (ORDER, CARD, PROD, TICKET…). */
export const domainOf = (svc: string) => svc.split('_')[0] || svc
const isOutage = (err: unknown) => err instanceof BossUnavailableError || err instanceof BossTimeoutError

type CallOpts = { timeoutMs?: number; probe?: boolean }
type Breaker = CircuitBreaker<[string, BossBody, CallOpts], BossAnswer>

export class GuardedBossClient extends BossClient {
  readonly #g: BossGuardOptions
  readonly #breakers = new Map<string, Breaker>()
  readonly #cache = new LRUCache<string, { at: number; value: BossAnswer }>({ max: 2_000 })
  readonly #log: BossClientOptions['logger']

  constructor(opts: BossClientOptions, guard: Partial<BossGuardOptions> = {}) {
    super(opts)
    this.#g = { ...DEFAULT_GUARD, ...guard }
    this.#log = opts.logger
  }

  #breaker(domain: string): Breaker {
    let b = this.#breakers.get(domain)
    if (b) return b
    b = new CircuitBreaker((svc: string, body: BossBody, opts: CallOpts) => super.call(svc, body, opts), {
      timeout: false, // BossClient already bounds each call
      resetTimeout: this.#g.breakerResetMs,
      volumeThreshold: this.#g.breakerVolume,
      errorThresholdPercentage: this.#g.breakerErrorPercent,
      rollingCountTimeout: this.#g.breakerWindowMs,
      capacity: this.#g.maxInFlight,
      errorFilter: (err: unknown) => !isOutage(err),
      name: domain,
      // Nobody reads latency percentiles or snapshots: left on, every second opossum joined and sorted the
      // latency of every call in the window (10 s of answers) to emit a snapshot no one listens to.
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    })
    b.on('open', () => this.#log?.warn({ domain }, 'BOSS breaker open: answering "service busy" at once'))
    b.on('halfOpen', () => this.#log?.info({ domain }, 'BOSS breaker half-open: one trial call'))
    b.on('close', () => this.#log?.info({ domain }, 'BOSS breaker closed'))
    this.#breakers.set(domain, b)
    return b
  }

  /** Breaker states by domain, for health and tests. */
  breakerStates(): Record<string, 'open' | 'halfOpen' | 'closed'> {
    const out: Record<string, 'open' | 'halfOpen' | 'closed'> = {}
    for (const [d, b] of this.#breakers) out[d] = b.opened ? 'open' : b.halfOpen ? 'halfOpen' : 'closed'
    return out
  }

  override async call(svc: string, body: BossBody, opts: CallOpts = {}): Promise<BossAnswer> {
    const share = CACHED_SERVICES[svc]
    if (share === undefined) return this.#attempts(svc, body, opts)
    const freshMs = share * this.#g.cacheFreshMs
    const key = `${svc}\n${JSON.stringify(Object.entries(body).sort(([a], [b]) => (a < b ? -1 : 1)))}`
    const hit = this.#cache.get(key)
    if (hit && Date.now() - hit.at < freshMs) return hit.value
    try {
      const value = await this.#attempts(svc, body, opts)
      this.#cache.set(key, { at: Date.now(), value })
      return value
    } catch (err) {
      if (hit && isOutage(err) && Date.now() - hit.at < this.#g.staleMs) {
        this.#log?.warn({ svc, ageMs: Date.now() - hit.at }, 'BOSS down: serving a stale answer')
        return hit.value
      }
      throw err
    }
  }

  async #attempts(svc: string, body: BossBody, opts: CallOpts): Promise<BossAnswer> {
    const breaker = this.#breaker(domainOf(svc))
    const retries = isRead(svc) ? this.#g.readRetries : 0
    for (let attempt = 0; ; attempt++) {
      try {
        return await breaker.fire(svc, body, opts)
      } catch (raw) {
        const err = this.#translate(raw, svc)
        // An open breaker or a full bulkhead answers at once: retrying would only wait for the same answer.
        const refusedHere = raw !== err
        if (attempt >= retries || refusedHere || !(err instanceof BossUnavailableError)) throw err
        const ceiling = this.#g.retryBaseMs * 2 ** attempt
        await new Promise((r) => setTimeout(r, ceiling / 2 + ((this.#g.random ?? Math.random)() * ceiling) / 2))
      }
    }
  }

  #translate(err: unknown, svc: string): unknown {
    const code = (err as { code?: string } | null)?.code
    if (code === 'EOPENBREAKER')
      return new BossUnavailableError(`service busy: the BOSS ${domainOf(svc)} domain is failing, ${svc} not sent`)
    if (code === 'ESEMLOCKED')
      return new BossUnavailableError(`service busy: too many ${domainOf(svc)} calls in flight, ${svc} not sent`)
    return err
  }

  override async close(): Promise<void> {
    for (const b of this.#breakers.values()) b.shutdown()
    await super.close()
  }
}
