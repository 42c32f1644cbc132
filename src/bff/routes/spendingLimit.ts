import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import { WrongPinError } from '../domain/errors.ts'
import { pinLock } from '../plugins/pinLock.ts'
import type { BffServices } from '../services.ts'

/** The household's monthly spending limit: the BOSS keeps it and enforces it on every order. */
const spendingLimitRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { subscriptions } = s
  const pins = pinLock(s.store, { maxFailures: s.config.pinMaxFailures, lockSeconds: s.config.pinLockSeconds })

  app.get(routes.spendingLimit.path, { schema: routes.spendingLimit.schema }, async (request) =>
    subscriptions.spendingLimit(request.customer.customerId),
  )

  app.put(routes.setSpendingLimit.path, { schema: routes.setSpendingLimit.schema }, async (request) => {
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
  })
}
export default spendingLimitRoutes
