import fp from 'fastify-plugin'
import fastifyJwt from '@fastify/jwt'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.ts'

/** What a box's token says about it. The account is always taken from here, never from the request. */
export interface CustomerClaims {
  customerId: string
  accountId: string
  deviceId: string
  cardNoMasked: string
  customerName: string
  regionCode: string
  regionName: string
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: CustomerClaims
    user: CustomerClaims
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    customer: CustomerClaims
  }
  interface FastifyInstance {
    /** onRequest hook for routes that need a box's session. */
    authenticate: (request: FastifyRequest) => Promise<void>
    issueToken: (claims: CustomerClaims) => string
  }
}

const CLAIM_KEYS: (keyof CustomerClaims)[] = [
  'customerId', 'accountId', 'deviceId', 'cardNoMasked', 'customerName', 'regionCode', 'regionName',
]

async function authPlugin(app: FastifyInstance, opts: { secret: string; ttlSeconds: number }) {
  await app.register(fastifyJwt, {
    secret: opts.secret,
    // A number is seconds here (@fastify/jwt converts it for fast-jwt, which counts milliseconds).
    sign: { algorithm: 'HS256', expiresIn: opts.ttlSeconds },
    verify: { algorithms: ['HS256'] },
  })

  app.decorateRequest('customer', null as unknown as CustomerClaims)

  app.decorate('issueToken', (claims: CustomerClaims) => app.jwt.sign({ ...claims }))

  app.decorate('authenticate', async (request: FastifyRequest) => {
    let claims: CustomerClaims
    try {
      claims = await request.jwtVerify<CustomerClaims>()
    } catch (err) {
      const code = (err as { code?: string }).code
      // A distinct code lets the box renew silently instead of showing a log-in screen.
      if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') {
        throw new ApiError(401, 'TOKEN_EXPIRED', 'The session token has expired; open a new session', { cause: err })
      }
      if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER') {
        throw new ApiError(401, 'UNAUTHORIZED', 'Authorization: Bearer <token> is required', { cause: err })
      }
      throw new ApiError(401, 'UNAUTHORIZED', 'The session token is not valid', { cause: err })
    }
    if (!CLAIM_KEYS.every((k) => typeof claims[k] === 'string' && claims[k] !== '')) {
      throw new ApiError(401, 'UNAUTHORIZED', 'The session token is not valid')
    }
    request.customer = claims
  })
}

export default fp(authPlugin, { name: 'tvhall-auth' })
