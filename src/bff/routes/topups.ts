import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import { ApiError, notFound } from '../errors.ts'
import { createIdempotency, stableRef } from '../plugins/idempotency.ts'
import { CARD_SERIAL_PREFIX, QR_SERIAL_PREFIX, type CardRefusal } from '../domain/types.ts'
import type { BffServices } from '../services.ts'

const DAY_SECONDS = 86_400

const refused: Record<Exclude<CardRefusal, 'wrong'>, () => ApiError> = {
  used: () => new ApiError(409, 'CARD_USED', 'This prepaid card has already been used'),
  expired: () => new ApiError(422, 'CARD_EXPIRED', 'This prepaid card has expired'),
  notAllowed: () =>
    new ApiError(422, 'CARD_NOT_ALLOWED', 'This prepaid card cannot be used for this account (another region)'),
}

/** Top-ups: prepaid card (synchronous) and QR code (pending until paid on a phone, polled by the TV). */
const topupRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const {
    topupCardMaxFailures: maxFailures,
    topupCardLockSeconds: lockSeconds,
    topupCardMaxFailuresPerDay: dayMax,
    topupQrTtlSeconds: qrTtl,
  } = s.config
  // After a crash mid-top-up: the BOSS is asked by the stable serial (CARD_RECHARGE_QRY, QR_PAY_QRY).
  const recoverBy = (prefix: string, statusCode: number) => async (customerId: string, key: string) => {
    const found = await s.topups.find(customerId, stableRef(prefix, customerId, key))
    return found ? { statusCode, body: found } : null
  }
  const leaseSeconds = s.config.idempotencyLeaseSeconds
  const cardIdem = createIdempotency(s.store, {
    scope: 'topup-card',
    leaseSeconds,
    recover: recoverBy(CARD_SERIAL_PREFIX, 200),
  })
  const qrIdem = createIdempotency(s.store, {
    scope: 'topup-qr',
    leaseSeconds,
    recover: recoverBy(QR_SERIAL_PREFIX, 201),
  })
  cardIdem.sweepWith(app)
  qrIdem.sweepWith(app)
  // Per account, not per box: guessing card passwords from several boxes of one household still stops.
  const lockKey = (customerId: string) => `topup-card-fail:${customerId}`
  // A right password ends the row of wrong ones, but it proves only its own card: a household holding one used card
  // could alternate it with guesses at other people's cards for ever. Wrong cards also count in a day's budget that
  // no right password clears (TOPUP_CARD_MAX_FAILURES_PER_DAY; a household that mistypes more in a day waits until the next).
  const dayKey = (customerId: string) => `topup-card-fail-day:${customerId}`

  const locked = (retryAfter: number) =>
    new ApiError(
      429,
      'LOCKED',
      `Too many wrong prepaid cards; card top-up is locked for ${retryAfter > 7200 ? `${Math.ceil(retryAfter / 3600)} hours` : `${Math.ceil(retryAfter / 60)} minutes`}`,
      {
        retryAfter,
        attemptsLeft: 0,
      },
    )

  app.post(routes.topupCard.path, { schema: routes.topupCard.schema }, async (request, reply) => {
    const { customerId } = request.customer
    const { cardNo, password } = request.body
    // The password stays out of the fingerprint (it is stored); a retry with a corrected password is a new attempt anyway.
    return cardIdem.run(request, reply, { material: { cardNo } }, async (key) => {
      // Reserved before the BOSS sees the password: parallel guesses are evaluated at most maxFailures times.
      const reserved = await s.store.reserveAttempt(lockKey(customerId), maxFailures, lockSeconds)
      if (!reserved.granted) throw locked(Math.max(1, reserved.resetInSeconds))
      const day = await s.store.reserveAttempt(dayKey(customerId), dayMax, DAY_SECONDS)
      if (!day.granted) {
        await s.store.releaseAttempt(lockKey(customerId))
        throw locked(Math.max(1, day.resetInSeconds))
      }
      // The password was not wrong (or never judged): this try is no guess, in the row or in the day.
      const notWrong = async (rowEnds: boolean) => {
        await (rowEnds ? s.store.clear(lockKey(customerId)) : s.store.releaseAttempt(lockKey(customerId)))
        await s.store.releaseAttempt(dayKey(customerId))
      }
      let out: Awaited<ReturnType<typeof s.topups.rechargeCard>>
      try {
        out = await s.topups.rechargeCard(customerId, stableRef(CARD_SERIAL_PREFIX, customerId, key), {
          cardNo,
          password,
        })
      } catch (err) {
        await notWrong(false)
        throw err
      }
      if (!out.ok) {
        if (out.refusal !== 'wrong') {
          // Used, expired or another region's card: the BOSS checks number and password first, so they were right.
          await notWrong(true)
          throw refused[out.refusal]()
        }
        const row = await s.store.peek(lockKey(customerId))
        const today = await s.store.peek(dayKey(customerId))
        const used = row?.count ?? maxFailures
        const usedToday = today?.count ?? dayMax
        request.log.info(
          { customerId, failures: used, failuresToday: usedToday },
          'prepaid card refused: number or password wrong',
        )
        if (usedToday >= dayMax) throw locked(Math.max(1, today?.resetInSeconds ?? DAY_SECONDS))
        if (used >= maxFailures) throw locked(Math.max(1, row?.resetInSeconds ?? lockSeconds))
        throw new ApiError(422, 'CARD_INVALID', 'The prepaid card number or password is wrong', {
          attemptsLeft: Math.min(maxFailures - used, dayMax - usedToday),
        })
      }
      await notWrong(true)
      request.log.info(
        { customerId, topupId: out.topup.topupId, amountFen: out.topup.amountFen },
        'card top-up credited',
      )
      return { statusCode: 200, body: out.topup }
    })
  })

  app.post(routes.topupQr.path, { schema: routes.topupQr.schema }, async (request, reply) => {
    const { customerId } = request.customer
    const { amountFen } = request.body
    return qrIdem.run(request, reply, { material: { amountFen } }, async (key) => {
      const topup = await s.topups.createQr(customerId, stableRef(QR_SERIAL_PREFIX, customerId, key), amountFen, qrTtl)
      request.log.info({ customerId, topupId: topup.topupId, amountFen }, 'QR top-up created')
      return { statusCode: 201, body: topup }
    })
  })

  app.get(routes.topup.path, { schema: routes.topup.schema }, async (request) => {
    const topup = await s.topups.find(request.customer.customerId, request.params.topupId)
    if (!topup) throw notFound('No such top-up for this account')
    return topup
  })
}
export default topupRoutes
