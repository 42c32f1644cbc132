import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Order, type OrderConflict, OrderPath, routes } from '../../contract/index.ts'
import { BossTimeoutError, isBossDown, WrongPinError } from '../domain/errors.ts'
import { ApiError, notFound } from '../errors.ts'
import { createIdempotency, stableRef } from '../plugins/idempotency.ts'
import { pinLock } from '../plugins/pinLock.ts'
import type { BffServices } from '../services.ts'

/** How long an order the BOSS has not (yet) recorded still counts as "processing" after the attempt. */
const PROCESSING_WINDOW_SECONDS = 120
const ATTEMPT_TTL_SECONDS = 86_400
const POLL_AFTER_SECONDS = 2

const orderRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { orders, catalogue } = s
  const pins = pinLock(s.store, { maxFailures: s.config.pinMaxFailures, lockSeconds: s.config.pinLockSeconds })
  // A duplicate waits about as long as the first can take before it is told 409.
  const idem = createIdempotency(s.store, {
    scope: 'order',
    waitMs: Math.min(10_000, s.config.bossTimeoutMs * 2 + 500),
    leaseSeconds: s.config.idempotencyLeaseSeconds,
    // After a crash mid-order: ORDER_QRY by the stable order number says whether it happened.
    recover: async (customerId, key) => {
      const found = await orders.find(customerId, stableRef('TVO', customerId, key))
      return found ? { statusCode: 201, body: found } : null
    },
  })
  idem.sweepWith(app)
  // Marks an order whose outcome the BOSS did not tell in time: its number is known to be ours while polling.
  const attemptKey = (customerId: string, orderId: string) => `order-attempt:${customerId}:${orderId}`

  app.post(routes.orderQuote.path, { schema: routes.orderQuote.schema }, async (request) => {
    const customerId = request.customer.customerId
    const names = await catalogue.all().catch(() => [])
    const nameOf = (id: string) => names.find((p) => p.productId === id) ?? null
    const [check, lockedFor] = await Promise.all([
      orders.check(customerId, request.body.productId, request.body.periodMonths, nameOf),
      pins.lockedFor(customerId),
    ])
    const conflicts: OrderConflict[] = [...check.conflicts]
    if (lockedFor !== null) {
      conflicts.push({
        code: 'ORDERING_LOCKED',
        message: 'Too many wrong purchase PINs',
        productId: null,
        productName: null,
        productNameEn: null,
        retryAfter: lockedFor,
      })
    }
    return {
      ...check,
      shortfallFen: Math.max(0, -check.balanceAfterFen),
      autoRenewDefault: false as const,
      conflicts,
      canOrder: conflicts.length === 0,
    }
  })

  app.post(routes.createOrder.path, { schema: routes.createOrder.schema }, async (request, reply) => {
    const customerId = request.customer.customerId
    const { productId, periodMonths, pin } = request.body
    const autoRenew = request.body.autoRenew === true
    // The PIN is not part of "the same request": a retry with the right PIN may reuse the key.
    return idem.run(request, reply, { material: { productId, periodMonths, autoRenew } }, async (key) => {
      await pins.reserve(customerId)
      const orderId = stableRef('TVO', customerId, key)
      try {
        const order = await orders.create(customerId, orderId, { productId, periodMonths, autoRenew, pin })
        await pins.rightPin(customerId)
        request.log.info({ customerId, orderId, productId, periodMonths, amountFen: order.amountFen }, 'order placed')
        return { statusCode: 201, body: order }
      } catch (err) {
        if (err instanceof WrongPinError) throw await pins.wrongPin(customerId)
        // The BOSS took the PIN, then refused the order (conflict, limit, balance): the row of wrong PINs ends.
        if (err instanceof ApiError && err.secretAccepted) await pins.rightPin(customerId)
        // Refused before the PIN, or never judged: this try tells nothing about the PIN.
        else await pins.notTried(customerId)
        if (!(err instanceof BossTimeoutError)) throw err
      }
      // The BOSS may have committed before going quiet: ask it by our order number, never order again.
      request.log.warn({ customerId, orderId }, 'order timed out at the BOSS; asking ORDER_QRY')
      await s.store.hit(attemptKey(customerId, orderId), ATTEMPT_TTL_SECONDS)
      const found = await orders.find(customerId, orderId).catch(() => null)
      if (found) return { statusCode: 201, body: found }
      reply.header('location', OrderPath.order.replace(':orderId', orderId))
      return { statusCode: 202, body: { orderId, status: 'processing', pollAfterSeconds: POLL_AFTER_SECONDS } }
    })
  })

  app.get(routes.order.path, { schema: routes.order.schema }, async (request) => {
    const customerId = request.customer.customerId
    const { orderId } = request.params
    let order: Order | null
    try {
      order = await orders.find(customerId, orderId)
    } catch (err) {
      if (isBossDown(err)) {
        const attempt = await s.store.peek(attemptKey(customerId, orderId))
        if (attempt) return { orderId, status: 'processing' as const, pollAfterSeconds: POLL_AFTER_SECONDS * 2 }
      }
      throw err
    }
    if (order) return order
    // Another household's number, or a made-up one, is simply not found.
    const attempt = await s.store.peek(attemptKey(customerId, orderId))
    if (!attempt) throw notFound('No such order for this account')
    const age = ATTEMPT_TTL_SECONDS - attempt.resetInSeconds
    if (age < PROCESSING_WINDOW_SECONDS)
      return { orderId, status: 'processing' as const, pollAfterSeconds: POLL_AFTER_SECONDS }
    return { orderId, status: 'notPlaced' as const }
  })
}
export default orderRoutes
