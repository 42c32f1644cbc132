import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody, OrderPath, SpendingLimit, SpendingLimitRequest } from '../../contract/index.ts'
import { WrongPinError } from '../domain/errors.ts'
import { pinLock } from '../plugins/pinLock.ts'
import type { BffServices } from '../services.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** The household's monthly spending limit: the BOSS keeps it and enforces it on every order. */
const spendingLimitRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { subscriptions } = s
  const pins = pinLock(s.store, { maxFailures: s.config.pinMaxFailures, lockSeconds: s.config.pinLockSeconds })

  app.get(
    OrderPath.spendingLimit,
    {
      schema: {
        tags: ['orders'],
        summary: "The household's monthly spending limit and this month's order spending (reading needs no PIN)",
        security: [{ bearer: [] }],
        response: { 200: SpendingLimit, ...errors },
      },
    },
    async (request) => subscriptions.spendingLimit(request.customer.customerId),
  )

  app.put(
    OrderPath.spendingLimit,
    {
      schema: {
        tags: ['orders'],
        summary: 'Set (or with null remove) the monthly spending limit, behind the purchase PIN; shares the PIN lock with orders',
        security: [{ bearer: [] }],
        body: SpendingLimitRequest,
        response: { 200: SpendingLimit, 403: ErrorBody, 429: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const customerId = request.customer.customerId
      await pins.reserve(customerId)
      try {
        const limit = await subscriptions.setSpendingLimit(customerId, request.body.limitFen, request.body.pin)
        await pins.rightPin(customerId)
        request.log.info({ customerId, limitFen: request.body.limitFen }, 'spending limit set')
        return limit
      } catch (err) {
        if (err instanceof WrongPinError) throw await pins.wrongPin(customerId)
        // Refused for another reason, or never judged: this try tells nothing about the PIN.
        await pins.notTried(customerId)
        throw err
      }
    },
  )
}
export default spendingLimitRoutes
