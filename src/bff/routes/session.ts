import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createHash, randomBytes } from 'node:crypto'
import { routes } from '../../contract/index.ts'
import { ApiError } from '../errors.ts'
import { maskCardNo } from '../log.ts'
import { toIsoBeijing } from '../time.ts'
import type { BffServices } from '../services.ts'

/**
 * Log-in by challenge-response. The box asks for a one-time challenge, signs it with the device key it got at
 * provisioning, and the BOSS checks the signature and the card's pairing (STB_AUTH). Failed tries are counted
 * where they cannot hurt anyone else: on the client address when the box was not proven (so naming a victim's
 * STB id never locks the victim), on the box itself when it was proven but named a card not paired with it.
 */
const hashed = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22)
const addressKey = (ip: string) => `login-addr:${hashed(ip)}`
const deviceKey = (deviceId: string) => `login-dev:${hashed(deviceId)}`
const challengeKey = (challenge: string) => `login-challenge:${challenge}`

const refused = () => new ApiError(401, 'UNAUTHORIZED', 'This set-top box could not be verified with this smart card')
const locked = (retryAfter: number) =>
  new ApiError(429, 'LOCKED', 'Too many failed log-ins; try again later', {
    retryAfter: Math.max(1, retryAfter),
    attemptsLeft: 0,
  })

const sessionRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const {
    sessionMaxFailures,
    sessionMaxFailuresPerAddress,
    sessionLockSeconds: lockSeconds,
    challengeTtlSeconds,
  } = s.config
  const ttl = s.config.tokenTtlSeconds

  const answer = async (issued: { token: string; refreshToken: string }) => ({
    ...issued,
    expiresIn: ttl,
    expiresAt: toIsoBeijing(new Date(s.now().getTime() + ttl * 1000)),
    refreshExpiresIn: s.config.refreshTtlSeconds,
  })

  app.post(routes.sessionChallenge.path, { schema: routes.sessionChallenge.schema }, async (request) => {
    const challenge = randomBytes(24).toString('base64url')
    // Bound to the box it was given to, used at most once, and only for a minute.
    await s.store.putValue(challengeKey(challenge), request.body.deviceId, challengeTtlSeconds)
    return { challenge, expiresIn: challengeTtlSeconds }
  })

  app.post(routes.openSession.path, { schema: routes.openSession.schema }, async (request) => {
    const { deviceId, cardNo, challenge, signature } = request.body
    // A proven box that named wrong cards too often is locked; nobody but that box can get it there.
    const device = await s.store.peek(deviceKey(deviceId))
    if (device && device.count >= sessionMaxFailures) throw locked(device.resetInSeconds)
    // Reserved before anything is checked, so parallel guesses from one address are judged at most the limit.
    const address = addressKey(request.ip)
    const reserved = await s.store.reserveAttempt(address, sessionMaxFailuresPerAddress, lockSeconds)
    if (!reserved.granted) throw locked(reserved.resetInSeconds)

    const issuedTo = await s.store.takeValue(challengeKey(challenge))
    if (issuedTo !== deviceId) throw refused()

    let result
    try {
      result = await s.customers.authenticate({ deviceId, cardNo, challenge, signature })
    } catch (err) {
      await s.store.releaseAttempt(address)
      throw err
    }
    if (!result.ok) {
      if (result.refusal === 'card') {
        // The box proved itself: its own failures count on it, not on everyone behind its address.
        await s.store.releaseAttempt(address)
        const r = await s.store.reserveAttempt(deviceKey(deviceId), sessionMaxFailures, lockSeconds)
        if (!r.granted || r.count >= sessionMaxFailures) throw locked(r.resetInSeconds)
      }
      request.log.info({ deviceId, refusal: result.refusal }, 'log-in refused')
      throw refused()
    }
    await Promise.all([s.store.releaseAttempt(address), s.store.clear(deviceKey(deviceId))])
    const { who } = result
    const issued = await app.issueSession(
      {
        customerId: who.customerId,
        accountId: who.accountId,
        deviceId,
        cardNoMasked: maskCardNo(who.cardNo),
        customerName: who.customerName,
        regionCode: who.regionCode,
        regionName: who.regionName,
      },
      cardNo,
    )
    request.log.info({ customerId: who.customerId, deviceId }, 'session opened')
    return answer(issued)
  })

  app.post(routes.refreshSession.path, { schema: routes.refreshSession.schema }, async (request) =>
    answer(await app.refreshSession(request.body.refreshToken)),
  )

  app.post(
    routes.logout.path,
    { onRequest: app.authenticate, schema: routes.logout.schema },
    async (request, reply) => {
      await app.revokeSession(request.sessionId)
      return reply.code(204).send(null)
    },
  )
}
export default sessionRoutes
