import type { FastifyInstance } from 'fastify'
import type { ErrorBody } from '../../contract/common.ts'
import { routes } from '../../contract/routes.ts'
import type { OfferConsent, UsageAccepted, UsageBatch } from '../../contract/usage.ts'
import { acceptBatch } from '../analytics/accept.ts'
import type { Pseudonymizer } from '../analytics/household.ts'
import type { UsageSink } from '../analytics/sink.ts'
import type { BossOfferAdapter } from '../boss/bossOfferAdapter.ts'
import { ApiError, badRequest } from '../errors.ts'

export interface UsageRouteOptions {
  sink: UsageSink
  pseudo: Pseudonymizer
  offers: BossOfferAdapter
  now: () => Date
}

/** The box's usage events: a batch at a time, in the background; rate limited per box like every call. */
export default async function usageRoutes(app: FastifyInstance, o: UsageRouteOptions) {
  app.post<{ Body: UsageBatch; Reply: UsageAccepted | ErrorBody }>(
    routes.usageEvents.path,
    { onRequest: app.authenticate, schema: routes.usageEvents.schema },
    async (request, reply) => {
      const result = acceptBatch(request.body, request.customer, o.now(), o.pseudo)
      if (!result.ok) throw badRequest(result.message)
      if (result.batch.events.length > 0) {
        try {
          await o.sink.accept(result.batch)
        } catch (err) {
          // Redis or the DuckDB file is away: the box keeps the batch and sends it again (same batchId, stored once).
          throw new ApiError(503, 'BOSS_UNAVAILABLE', 'Usage events cannot be kept right now; send them again later', {
            retryAfter: 60,
            cause: err,
          })
        }
      }
      return reply.code(202).send({ accepted: result.batch.events.length })
    },
  )

  // Offers that fit: the viewer's yes or no, kept by the BOSS, which refuses every push to a household that said no.
  app.get<{ Reply: OfferConsent | ErrorBody }>(
    routes.offerConsent.path,
    { onRequest: app.authenticate, schema: routes.offerConsent.schema },
    async (request) => ({ offers: await o.offers.takesOffers(request.customer.customerId) }),
  )
  app.put<{ Body: OfferConsent; Reply: OfferConsent | ErrorBody }>(
    routes.setOfferConsent.path,
    { onRequest: app.authenticate, schema: routes.setOfferConsent.schema },
    async (request) => ({ offers: await o.offers.setTakesOffers(request.customer.customerId, request.body.offers) }),
  )
}
