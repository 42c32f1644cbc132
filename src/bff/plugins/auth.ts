import { randomUUID } from 'node:crypto'
import fp from 'fastify-plugin'
import fastifyJwt from '@fastify/jwt'
import { createVerifier, TokenError } from 'fast-jwt'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.ts'
import type { Store } from '../store/store.ts'

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

/** A token's own claims: one session (`sid`) spans the rotated refresh tokens and the access tokens they bought. */
interface TokenClaims extends CustomerClaims {
  sid: string
  jti: string
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims
    user: TokenClaims
  }
}

export interface IssuedSession {
  token: string
  refreshToken: string
}

declare module 'fastify' {
  interface FastifyRequest {
    customer: CustomerClaims
    /** The session of the token this request carries (logout ends it). */
    sessionId: string
  }
  interface FastifyInstance {
    /** onRequest hook for routes that need a box's session. */
    authenticate: (request: FastifyRequest) => Promise<void>
    /** A new access token and a one-use refresh token, for a new session or (with `sid`) the next turn of one. */
    issueSession: (claims: CustomerClaims, sid?: string) => Promise<IssuedSession>
    /** Trade a refresh token for a new pair; a refresh token seen twice (a stolen copy) ends its whole session. */
    refreshSession: (refreshToken: string) => Promise<IssuedSession>
    /** Put a session on the revocation list (logout, card swap, operator action): its tokens stop working. */
    revokeSession: (sid: string) => Promise<void>
  }
}

export const TOKEN_ISSUER = 'tvhall-bff'
export const ACCESS_AUDIENCE = 'tvhall-box'
const REFRESH_AUDIENCE = 'tvhall-refresh'
const REQUIRED = ['exp', 'iat', 'iss', 'aud', 'jti', 'sid']
/**
 * Access tokens whose signature and claims were checked, kept by token (fast-jwt's LRU: an entry lives at most
 * until the token's exp, and `cacheTTL`). Every box sends the same token for minutes, and decoding plus the HMAC
 * were the largest share of the BFF's own CPU per request. Only the signature check is cached: revocation is
 * looked up in the store on every request, so a logout or a card swap takes effect at once, on every instance.
 */
const VERIFIED_TOKENS = 4096

const CLAIM_KEYS: (keyof CustomerClaims)[] = [
  'customerId', 'accountId', 'deviceId', 'cardNoMasked', 'customerName', 'regionCode', 'regionName',
]

const customerOf = (t: TokenClaims): CustomerClaims => Object.fromEntries(CLAIM_KEYS.map((k) => [k, t[k]])) as unknown as CustomerClaims
const complete = (t: Partial<TokenClaims>): t is TokenClaims =>
  CLAIM_KEYS.every((k) => typeof t[k] === 'string' && t[k] !== '') && typeof t.sid === 'string' && typeof t.jti === 'string'

const invalid = (cause?: unknown) => new ApiError(401, 'UNAUTHORIZED', 'The session token is not valid', { cause })

export interface AuthOptions {
  secret: string
  ttlSeconds: number
  refreshTtlSeconds: number
  store: Store
}

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  const { store } = opts
  await app.register(fastifyJwt, {
    secret: opts.secret,
    // A number is seconds here (@fastify/jwt converts it for fast-jwt, which counts milliseconds).
    sign: { algorithm: 'HS256', expiresIn: opts.ttlSeconds, iss: TOKEN_ISSUER, aud: ACCESS_AUDIENCE },
    // Refused without exp/iat/iss/aud/jti: a token that never ends, or was meant for something else, opens nothing.
    verify: { algorithms: ['HS256'], allowedIss: TOKEN_ISSUER, allowedAud: ACCESS_AUDIENCE, requiredClaims: REQUIRED },
  })

  const verifyAccess = createVerifier({
    key: opts.secret, algorithms: ['HS256'], allowedIss: TOKEN_ISSUER, allowedAud: ACCESS_AUDIENCE, requiredClaims: REQUIRED,
    // fast-jwt's own key (a SHA-256 of the token): a custom key builder is flagged by fast-jwt as a security risk.
    cache: VERIFIED_TOKENS, cacheTTL: opts.ttlSeconds * 1000,
  })

  const revokedKey = (sid: string) => `revoked-sid:${sid}`
  const refreshKey = (jti: string) => `refresh:${jti}`
  const revoke = (sid: string) => store.putValue(revokedKey(sid), '1', opts.refreshTtlSeconds)
  const isRevoked = async (sid: string) => (await store.getValue(revokedKey(sid))) !== null

  app.decorateRequest('customer', null as unknown as CustomerClaims)
  app.decorateRequest('sessionId', '')

  app.decorate('issueSession', async (claims: CustomerClaims, sid: string = randomUUID()) => {
    const token = app.jwt.sign({ ...claims, sid, jti: randomUUID() })
    const refreshJti = randomUUID()
    const refreshToken = app.jwt.sign({ ...claims, sid, jti: refreshJti }, { aud: REFRESH_AUDIENCE, expiresIn: opts.refreshTtlSeconds })
    // The refresh token is good while this record exists; using it takes the record (one use).
    await store.putValue(refreshKey(refreshJti), sid, opts.refreshTtlSeconds)
    return { token, refreshToken }
  })

  app.decorate('revokeSession', revoke)

  app.decorate('refreshSession', async (refreshToken: string) => {
    let claims: Partial<TokenClaims>
    try {
      claims = app.jwt.verify<TokenClaims>(refreshToken, {
        allowedIss: TOKEN_ISSUER, allowedAud: REFRESH_AUDIENCE, requiredClaims: REQUIRED,
      })
    } catch (err) {
      throw invalid(err)
    }
    if (!complete(claims)) throw invalid()
    const owner = await store.takeValue(refreshKey(claims.jti))
    if (owner !== claims.sid) {
      // Valid signature but already used (or its session ended): someone holds a copy. End the session for both.
      await revoke(claims.sid)
      app.log.warn({ customerId: claims.customerId }, 'refresh token used twice: session revoked')
      throw invalid()
    }
    if (await isRevoked(claims.sid)) throw invalid()
    return app.issueSession(customerOf(claims), claims.sid)
  })

  app.decorate('authenticate', async (request: FastifyRequest) => {
    let claims: Partial<TokenClaims>
    try {
      claims = verifyAccess(app.jwt.lookupToken(request)) as Partial<TokenClaims>
    } catch (err) {
      const code = (err as { code?: string }).code
      // A distinct code lets the box renew silently instead of showing a log-in screen.
      if (code === TokenError.codes.expired) {
        throw new ApiError(401, 'TOKEN_EXPIRED', 'The session token has expired; open a new session', { cause: err })
      }
      if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER') {
        throw new ApiError(401, 'UNAUTHORIZED', 'Authorization: Bearer <token> is required', { cause: err })
      }
      throw invalid(err)
    }
    if (!complete(claims)) throw invalid()
    if (await isRevoked(claims.sid)) throw invalid()
    request.customer = customerOf(claims)
    request.sessionId = claims.sid
  })
}

export default fp(authPlugin, { name: 'tvhall-auth' })
