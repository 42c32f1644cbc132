import { Redis, type RedisOptions } from 'ioredis'
import { ApiError } from '../errors.ts'
import type { AttemptReservation, CounterState, IdempotencyClaim, OutboxMessage, Store } from './store.ts'
import * as lua from './redisScripts.ts'

export interface RedisStoreOptions {
  /** Put before every key, so one Redis can serve several halls (default `tvhall:`). */
  prefix?: string
  /** Pinned clock for tests; by default Redis's own `TIME`, the one clock all instances share. */
  now?: () => number
  redis?: RedisOptions
}

const SCRIPTS = {
  tvClaim: [lua.CLAIM, 2],
  tvComplete: [lua.COMPLETE, 2],
  tvRelease: [lua.RELEASE, 2],
  tvTakeStale: [lua.TAKE_STALE, 1],
  tvHit: [lua.HIT, 1],
  tvReserve: [lua.RESERVE, 1],
  tvReleaseAttempt: [lua.RELEASE_ATTEMPT, 1],
  tvPeek: [lua.PEEK, 1],
  tvPutValue: [lua.PUT_VALUE, 1],
  tvTakeValue: [lua.TAKE_VALUE, 1],
  tvEnqueue: [lua.ENQUEUE, 3],
  tvLease: [lua.LEASE, 1],
  tvAck: [lua.ACK, 1],
  tvRetry: [lua.RETRY, 1],
  tvPending: [lua.PENDING, 1],
} as const
type ScriptName = keyof typeof SCRIPTS
type Reply = string | number | null | Reply[]

/** Redis unreachable past the client's retries: the viewer is told to try again (503), not shown a 500 "bug". */
const unavailable = (err: unknown) =>
  new ApiError(503, 'BOSS_UNAVAILABLE', 'The hall cannot serve this right now; try again shortly', {
    retryAfter: 5,
    cause: err,
  })

/**
 * The Store on Redis, for several BFF instances behind one load balancer: idempotency records, lockout and
 * rate-limit counters, drafts and the outbox live in one place, and each read-modify-write is one Lua
 * script (`redisScripts.ts`), atomic across instances as SQLite's single statements are within one process.
 * Durability is Redis's: run it with `appendonly yes` so accepted reports in the outbox survive a restart.
 */
export class RedisStore implements Store {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #now: (() => number) | undefined

  constructor(url: string, opts: RedisStoreOptions = {}) {
    this.#prefix = opts.prefix ?? 'tvhall:'
    this.#now = opts.now
    this.#redis = new Redis(url, {
      // A request waiting on Redis must fail within a few seconds (503 from the error handler), not hang;
      // while Redis restarts, commands queue and go out on reconnect.
      maxRetriesPerRequest: 3,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(50 * 2 ** times, 1_000),
      ...opts.redis,
    })
    // Reconnects are logged by the callers' failures; an unhandled 'error' event would kill the process.
    this.#redis.on('error', () => {})
    for (const [name, [script, numberOfKeys]] of Object.entries(SCRIPTS)) {
      this.#redis.defineCommand(name, { lua: script, numberOfKeys })
    }
  }

  #k(key: string): string {
    return this.#prefix + key
  }

  #clock(): string {
    return this.#now ? String(this.#now()) : ''
  }

  async #run(name: ScriptName, keys: string[], args: (string | number)[]): Promise<Reply> {
    const command = (this.#redis as unknown as Record<ScriptName, (...a: (string | number)[]) => Promise<Reply>>)[name]
    return command.call(this.#redis, ...keys, this.#clock(), ...args).catch((err: unknown) => {
      throw unavailable(err)
    })
  }

  async #del(key: string): Promise<void> {
    await this.#redis.del(key).catch((err: unknown) => {
      throw unavailable(err)
    })
  }

  get #leases(): string {
    return this.#k('idem-leases')
  }

  async claimIdempotency(
    key: string,
    fingerprint: string,
    ttlSeconds: number,
    leaseSeconds = 30,
  ): Promise<IdempotencyClaim> {
    const keys = [this.#k(`idem:${key}`), this.#leases]
    const r = (await this.#run('tvClaim', keys, [fingerprint, ttlSeconds * 1000, leaseSeconds * 1000])) as string[]
    if (r[0] === 'claimed') return r[1] === 'recovered' ? { state: 'claimed', recovered: true } : { state: 'claimed' }
    if (r[0] === 'pending') return { state: 'pending', fingerprint: String(r[1]) }
    return { state: 'done', fingerprint: String(r[1]), statusCode: Number(r[2]), body: String(r[3]) }
  }

  async completeIdempotency(key: string, statusCode: number, body: string): Promise<void> {
    await this.#run('tvComplete', [this.#k(`idem:${key}`), this.#leases], [statusCode, body])
  }

  async releaseIdempotency(key: string): Promise<void> {
    await this.#run('tvRelease', [this.#k(`idem:${key}`), this.#leases], [])
  }

  async takeStaleClaims(prefix: string, limit: number, leaseSeconds: number): Promise<string[]> {
    const base = this.#k('idem:')
    const r = (await this.#run('tvTakeStale', [this.#leases], [base + prefix, limit, leaseSeconds * 1000])) as string[]
    return r.map((key) => key.slice(base.length))
  }

  #counter(count: Reply, msLeft: Reply): CounterState {
    return { count: Number(count), resetInSeconds: Math.max(0, Math.ceil(Number(msLeft) / 1000)) }
  }

  async hit(key: string, windowSeconds: number): Promise<CounterState> {
    const r = (await this.#run('tvHit', [this.#k(`ctr:${key}`)], [windowSeconds * 1000])) as Reply[]
    return this.#counter(r[0], r[1])
  }

  async peek(key: string): Promise<CounterState | null> {
    const r = (await this.#run('tvPeek', [this.#k(`ctr:${key}`)], ['count'])) as Reply[] | null
    return r ? this.#counter(r[0], r[1]) : null
  }

  async clear(key: string): Promise<void> {
    await this.#del(this.#k(`ctr:${key}`))
  }

  async reserveAttempt(key: string, max: number, windowSeconds: number): Promise<AttemptReservation> {
    const r = (await this.#run('tvReserve', [this.#k(`ctr:${key}`)], [max, windowSeconds * 1000])) as Reply[]
    return { granted: Number(r[0]) === 1, ...this.#counter(r[1], r[2]) }
  }

  async releaseAttempt(key: string): Promise<void> {
    await this.#run('tvReleaseAttempt', [this.#k(`ctr:${key}`)], [])
  }

  async putValue(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.#run('tvPutValue', [this.#k(`kv:${key}`)], [value, ttlSeconds * 1000])
  }

  async getValue(key: string): Promise<string | null> {
    const r = (await this.#run('tvPeek', [this.#k(`kv:${key}`)], ['value'])) as Reply[] | null
    return r ? String(r[0]) : null
  }

  async takeValue(key: string): Promise<string | null> {
    const r = await this.#run('tvTakeValue', [this.#k(`kv:${key}`)], [])
    return r === null ? null : String(r)
  }

  async deleteValue(key: string): Promise<void> {
    await this.#del(this.#k(`kv:${key}`))
  }

  get #msg(): string {
    return this.#k('outbox:msg:')
  }

  get #ownerIndex(): string {
    return this.#k('outbox:owner:')
  }

  async enqueue(topic: string, payload: unknown, owner = ''): Promise<number> {
    const keys = [this.#k('outbox:seq'), this.#k('outbox:due'), `${this.#ownerIndex}${owner}:${topic}`]
    return Number(await this.#run('tvEnqueue', keys, [this.#msg, topic, JSON.stringify(payload), owner]))
  }

  #messages(flat: Reply[]): OutboxMessage[] {
    const out: OutboxMessage[] = []
    for (let i = 0; i + 4 < flat.length; i += 5) {
      out.push({
        id: Number(flat[i]),
        topic: String(flat[i + 1]),
        payload: JSON.parse(String(flat[i + 2])) as unknown,
        attempts: Number(flat[i + 3]),
        createdAt: Number(flat[i + 4]),
      })
    }
    return out.sort((a, b) => a.id - b.id)
  }

  async pending(topic: string, owner: string): Promise<OutboxMessage[]> {
    return this.#messages(
      (await this.#run('tvPending', [`${this.#ownerIndex}${owner}:${topic}`], [this.#msg])) as Reply[],
    )
  }

  async lease(limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
    const flat = (await this.#run(
      'tvLease',
      [this.#k('outbox:due')],
      [this.#msg, limit, leaseSeconds * 1000],
    )) as Reply[]
    return this.#messages(flat)
  }

  async ack(id: number): Promise<void> {
    await this.#run('tvAck', [this.#k('outbox:due')], [this.#msg, id, this.#ownerIndex])
  }

  async retry(id: number, delaySeconds: number): Promise<void> {
    await this.#run('tvRetry', [this.#k('outbox:due')], [Math.round(delaySeconds * 1000), id])
  }

  /** Redis expires records by itself (each carries a TTL); nothing to sweep. */
  async sweep(): Promise<void> {}

  async ping(): Promise<void> {
    if ((await this.#redis.ping()) !== 'PONG') throw new Error('store did not answer')
  }

  async close(): Promise<void> {
    if (this.#redis.status === 'end') return
    await this.#redis.quit().catch(() => this.#redis.disconnect())
  }
}
