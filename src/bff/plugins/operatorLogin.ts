import { createHash, timingSafeEqual } from 'node:crypto'
import basicAuth from '@fastify/basic-auth'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.ts'
import type { Store } from '../store/store.ts'

/**
 * The operator's own login (HTTP basic, OPERATOR_USER / OPERATOR_PASSWORD) over every route of the calling
 * plugin's scope. A box's bearer token is no operator login: boxes get 401. Wrong passwords are counted per
 * address and refused for a while after MAX_FAILURES.
 */
export interface OperatorLoginOptions {
  store: Store
  user: string
  password: string
  realm: string
}

const MAX_FAILURES = 10
const LOCK_SECONDS = 900

// Hashing first makes the comparison constant-time whatever the lengths.
const same = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())

export async function requireOperatorLogin(app: FastifyInstance, o: OperatorLoginOptions): Promise<void> {
  await app.register(basicAuth, {
    authenticate: { realm: o.realm },
    validate: async (user: string, password: string, request: FastifyRequest) => {
      const key = `operator-login:${request.ip}`
      const seen = await o.store.peek(key)
      if (seen && seen.count >= MAX_FAILURES) {
        throw new ApiError(429, 'RATE_LIMITED', 'Too many wrong operator logins; try again later', {
          retryAfter: seen.resetInSeconds,
        })
      }
      if (same(user, o.user) && same(password, o.password)) return
      await o.store.hit(key, LOCK_SECONDS)
      throw new ApiError(401, 'UNAUTHORIZED', 'Operator login required')
    },
  })
  app.addHook('onRequest', app.basicAuth)
}

/** A page elsewhere could make the operator's browser post with its remembered login: only this origin may. */
export function sameOriginOnly(request: FastifyRequest, what: string): void {
  const origin = request.headers.origin
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`)
    throw new ApiError(403, 'FORBIDDEN', `${what} only from the operator's own pages`)
}
