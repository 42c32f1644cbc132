import fp from 'fastify-plugin'
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.ts'
import type { Store } from '../store/store.ts'

/**
 * Per-device rate limits: reads are generous, calls that try a PIN, a card password or move money are strict.
 * The key is the token's device (after authentication, so a forged token never reaches a counter), or the
 * client address for calls without a token (log-in). With a shared store (Redis) every instance counts
 * into the same window; with the embedded store the plugin's own in-memory counters serve the one instance.
 */
export interface RateLimitOptions {
  readsPerMinute: number
  strictPerMinute: number
  /** Shared counters (Redis); unset: in-memory, one instance. */
  store?: Store
}

// Money, PIN and password calls; a quote charges nothing and stays with the reads.
const STRICT_PATH = /^\/api\/v1\/(orders|topups|payments|spending-limit|session)(\/|$)/
const SECRET_FIELDS = ['pin', 'password', 'cardPassword']

export function rateClass(request: Pick<FastifyRequest, 'method' | 'url' | 'body'>): 'strict' | 'read' {
  if (request.method === 'GET' || request.method === 'HEAD') return 'read'
  const body = request.body
  if (body && typeof body === 'object' && SECRET_FIELDS.some((f) => f in body)) return 'strict'
  const path = request.url.split('?')[0]
  // A quote and a log-in challenge try no secret and move nothing: they stay with the reads.
  return STRICT_PATH.test(path) && !path.endsWith('/quote') && !path.endsWith('/session/challenge') ? 'strict' : 'read'
}

function sharedStore(store: Store): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      cb: (err: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      store.hit(`rl:${key}`, Math.max(1, Math.ceil(timeWindow / 1000))).then(
        (c) => cb(null, { current: c.count, ttl: c.resetInSeconds * 1000 }),
        (err: Error) => cb(err),
      )
    }
    child(): FastifyRateLimitStore {
      return this
    }
  }
}

async function rateLimitPlugin(app: FastifyInstance, opts: RateLimitOptions) {
  await app.register(rateLimit, {
    global: true,
    // After the route's onRequest authentication has put the device on the request.
    hook: 'preHandler',
    timeWindow: 60_000,
    max: (request) => (rateClass(request) === 'strict' ? opts.strictPerMinute : opts.readsPerMinute),
    keyGenerator: (request) => {
      const who = request.customer?.deviceId ? `dev:${request.customer.deviceId}` : `ip:${request.ip}`
      return `${rateClass(request)}:${who}`
    },
    // A store hiccup must not turn every request into an error; the lockouts still guard PINs.
    skipOnError: true,
    store: opts.store ? sharedStore(opts.store) : undefined,
    errorResponseBuilder: (_request, ctx) =>
      new ApiError(429, 'RATE_LIMITED', 'Too many requests from this box; try again shortly', {
        retryAfter: Math.max(1, Math.ceil(ctx.ttl / 1000)),
      }),
  })
}

export default fp(rateLimitPlugin, { name: 'tvhall-rate-limit' })
