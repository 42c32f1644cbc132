import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createHash } from 'node:crypto'
import { ApiPath, ErrorBody, SessionRequest, SessionResponse } from '../../contract/index.ts'
import { ApiError } from '../errors.ts'
import { maskCardNo } from '../log.ts'
import { toIsoBeijing } from '../boss/bossFormat.ts'
import type { BffServices } from '../services.ts'

// Card numbers are secrets: lockout counters are keyed by a hash, never the number itself.
const failKey = (kind: string, value: string) =>
  `session-fail:${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 22)}`

const sessionRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { maxFailures, lockSeconds } = { maxFailures: s.config.sessionMaxFailures, lockSeconds: s.config.sessionLockSeconds }

  app.post(
    ApiPath.session,
    {
      schema: {
        tags: ['session'],
        summary: 'Open a session for a box (STB id + smart card number)',
        body: SessionRequest,
        response: { 200: SessionResponse, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (request) => {
      const { deviceId, cardNo } = request.body
      const keys = [failKey('dev', deviceId), failKey('card', cardNo)]

      // Guessing card numbers for a box (or boxes for a card) is stopped after a few misses.
      for (const key of keys) {
        const state = await s.store.peek(key)
        if (state && state.count >= maxFailures) {
          throw new ApiError(429, 'LOCKED', 'Too many wrong STB/card pairs; try again later', {
            retryAfter: state.resetInSeconds,
            attemptsLeft: 0,
          })
        }
      }

      const who = await s.customers.identify(deviceId, cardNo)
      if (!who) {
        const counts = await Promise.all(keys.map((key) => s.store.hit(key, lockSeconds)))
        const used = Math.max(...counts.map((c) => c.count))
        throw new ApiError(401, 'UNAUTHORIZED', 'This set-top box and smart card are not registered together', {
          attemptsLeft: Math.max(0, maxFailures - used),
        })
      }
      await Promise.all(keys.map((key) => s.store.clear(key)))

      const token = app.issueToken({
        customerId: who.customerId,
        accountId: who.accountId,
        deviceId,
        cardNoMasked: maskCardNo(who.cardNo),
        customerName: who.customerName,
        regionCode: who.regionCode,
        regionName: who.regionName,
      })
      const ttl = s.config.tokenTtlSeconds
      request.log.info({ customerId: who.customerId, deviceId }, 'session opened')
      return { token, expiresIn: ttl, expiresAt: toIsoBeijing(new Date(s.now().getTime() + ttl * 1000)) }
    },
  )
}
export default sessionRoutes
