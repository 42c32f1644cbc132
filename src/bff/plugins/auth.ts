import { randomUUID } from 'node:crypto'
import fp from 'fastify-plugin'
import fastifyJwt from '@fastify/jwt'
import { createVerifier, TokenError } from 'fast-jwt'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { Revocations, type RevocationCheck } from './revocations.ts'
import { VerifiedTokens } from './verifiedTokens.ts'

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
  /** When it was issued, in milliseconds (`iat` counts seconds): a revocation ends every token issued before it. */
  issuedMs?: number
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
    /**
     * A new access token and a one-use refresh token for a new session, opened with the card the BOSS paired
     * with the box (kept in the store, so each refresh can ask the BOSS whether the pairing still holds).
     */
    issueSession: (claims: CustomerClaims, cardNo: string) => Promise<IssuedSession>
    /** Trade a refresh token for a new pair; a refresh token seen twice (a stolen copy) ends its whole session. */
    refreshSession: (refreshToken: string) => Promise<IssuedSession>
    /** Put a session on the revocation list (logout): its tokens stop working. */
    revokeSession: (sid: string) => Promise<void>
    /** End every session of a household, or of a box, opened before now (operator action, card swap). */
    revokeHousehold: (customerId: string) => Promise<void>
    revokeBox: (deviceId: string) => Promise<void>
  }
}

export const TOKEN_ISSUER = 'tvhall-bff'
export const ACCESS_AUDIENCE = 'tvhall-box'
const REFRESH_AUDIENCE = 'tvhall-refresh'
const REQUIRED = ['exp', 'iat', 'iss', 'aud', 'jti', 'sid']
/**
 * Access tokens whose signature and claims were checked (verifiedTokens.ts). Only that check is kept: the
 * revocation list's version is read from the store on every request (revocations.ts), so a logout or a card
 * swap takes effect at once, on every instance.
 */
const VERIFIED_TOKENS = 4096

/**
 * A checked access token, with the customer the requests carrying it act for (shared by them, so frozen) and its
 * revocation entries (named once per token; the version of the list it was last let in under).
 */
type VerifiedAccess = TokenClaims & { exp: number; customer: Readonly<CustomerClaims>; revocation: RevocationCheck }

const CLAIM_KEYS: (keyof CustomerClaims)[] = [
  'customerId',
  'accountId',
  'deviceId',
  'cardNoMasked',
  'customerName',
  'regionCode',
  'regionName',
]

const customerOf = (t: TokenClaims): CustomerClaims =>
  Object.fromEntries(CLAIM_KEYS.map((k) => [k, t[k]])) as unknown as CustomerClaims
const complete = (t: Partial<TokenClaims>): t is TokenClaims =>
  CLAIM_KEYS.every((k) => typeof t[k] === 'string' && t[k] !== '') &&
  typeof t.sid === 'string' &&
  typeof t.jti === 'string'

const invalid = (cause?: unknown) => new ApiError(401, 'UNAUTHORIZED', 'The session token is not valid', { cause })

export interface AuthOptions {
  secret: string
  ttlSeconds: number
  refreshTtlSeconds: number
  store: Store
  /** Asks the BOSS whether this card is still paired with this box for this household (false after a card swap). */
  stillPaired: (deviceId: string, cardNo: string, customerId: string) => Promise<boolean>
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
    key: opts.secret,
    algorithms: ['HS256'],
    allowedIss: TOKEN_ISSUER,
    allowedAud: ACCESS_AUDIENCE,
    requiredClaims: REQUIRED,
  })
  const revokedKey = (sid: string) => `revoked-sid:${sid}`
  const householdKey = (customerId: string) => `revoked-household:${customerId}`
  const boxKey = (deviceId: string) => `revoked-box:${deviceId}`
  const refreshKey = (jti: string) => `refresh:${jti}`
  const cardKey = (sid: string) => `session-card:${sid}`
  // Kept as long as a token issued before it could still be presented (a refresh token, plus one access token).
  const keepSeconds = opts.refreshTtlSeconds + opts.ttlSeconds
  const revocations = new Revocations(store, keepSeconds)
  const revoke = (sid: string) => revocations.put(revokedKey(sid), '1', opts.refreshTtlSeconds)
  const revokeBefore = (key: string) => revocations.put(key, String(Date.now()), keepSeconds)
  /** A token's entries on the revocation list: its session's, and its household's and box's ends, if any. */
  const revocationCheck = (t: TokenClaims): RevocationCheck => {
    // A token without issuedMs predates revocation by household or box: any such revocation ends it.
    const issued = typeof t.issuedMs === 'number' ? t.issuedMs : 0
    return {
      keys: [revokedKey(t.sid), householdKey(t.customerId), boxKey(t.deviceId)],
      letIn: ([sid, household, box]) =>
        !(
          sid !== null ||
          (household !== null && issued <= Number(household)) ||
          (box !== null && issued <= Number(box))
        ),
    }
  }
  const isRevoked = async (t: TokenClaims) => !(await revocations.letsIn(revocationCheck(t)))

  const verifiedTokens = new VerifiedTokens<VerifiedAccess>(
    (token) => {
      const claims = verifyAccess(token) as Partial<TokenClaims> & { exp: number }
      if (!complete(claims)) throw invalid()
      return { ...claims, customer: Object.freeze(customerOf(claims)), revocation: revocationCheck(claims) }
    },
    { max: VERIFIED_TOKENS, maxAgeMs: opts.ttlSeconds * 1000 },
  )

  app.decorateRequest('customer', null as unknown as CustomerClaims)
  app.decorateRequest('sessionId', '')

  const issue = async (claims: CustomerClaims, sid: string, cardNo: string): Promise<IssuedSession> => {
    // Strictly after any revocation made before this moment, even within the same millisecond.
    const issuedMs = Date.now() + 1
    const token = app.jwt.sign({ ...claims, sid, jti: randomUUID(), issuedMs })
    const refreshJti = randomUUID()
    const refreshToken = app.jwt.sign(
      { ...claims, sid, jti: refreshJti, issuedMs },
      { aud: REFRESH_AUDIENCE, expiresIn: opts.refreshTtlSeconds },
    )
    // The refresh token is good while this record exists; using it takes the record (one use).
    await Promise.all([
      store.putValue(refreshKey(refreshJti), sid, opts.refreshTtlSeconds),
      store.putValue(cardKey(sid), cardNo, opts.refreshTtlSeconds),
    ])
    return { token, refreshToken }
  }
  app.decorate('issueSession', (claims: CustomerClaims, cardNo: string) => issue(claims, randomUUID(), cardNo))

  app.decorate('revokeSession', revoke)
  app.decorate('revokeHousehold', (customerId: string) => revokeBefore(householdKey(customerId)))
  app.decorate('revokeBox', (deviceId: string) => revokeBefore(boxKey(deviceId)))

  app.decorate('refreshSession', async (refreshToken: string) => {
    let claims: Partial<TokenClaims>
    try {
      claims = app.jwt.verify<TokenClaims>(refreshToken, {
        allowedIss: TOKEN_ISSUER,
        allowedAud: REFRESH_AUDIENCE,
        requiredClaims: REQUIRED,
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
    if (await isRevoked(claims)) throw invalid()
    // A card swapped into another box (or unpaired) ends the old box's sessions at its next refresh at the latest.
    const cardNo = await store.getValue(cardKey(claims.sid))
    if (cardNo === null || !(await opts.stillPaired(claims.deviceId, cardNo, claims.customerId))) {
      await app.revokeBox(claims.deviceId)
      app.log.warn(
        { customerId: claims.customerId, deviceId: claims.deviceId },
        'card no longer paired with the box: its sessions end',
      )
      throw invalid()
    }
    return issue(customerOf(claims), claims.sid, cardNo)
  })

  app.decorate('authenticate', async (request: FastifyRequest) => {
    let claims: VerifiedAccess
    try {
      claims = verifiedTokens.check(app.jwt.lookupToken(request))
    } catch (err) {
      if (err instanceof ApiError) throw err
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
    if (!(await revocations.letsIn(claims.revocation))) throw invalid()
    request.customer = claims.customer
    request.sessionId = claims.sid
  })
}

export default fp(authPlugin, { name: 'tvhall-auth' })
