import type { FastifyInstance } from 'fastify'
import { ErrorBody } from '../../contract/common.ts'
import { OfferConsent, UsageAccepted, UsageBatch, UsagePath } from '../../contract/usage.ts'
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

const errors = { 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 429: ErrorBody, 503: ErrorBody }

/** The box's usage events: a batch at a time, in the background; rate limited per box like every call. */
export default async function usageRoutes(app: FastifyInstance, o: UsageRouteOptions) {
  app.post<{ Body: UsageBatch; Reply: UsageAccepted | ErrorBody }>(
    UsagePath.events,
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['usage'],
        summary: 'A batch of usage events (screens, flows, self-help outcomes, errors shown); stored once per batchId',
        security: [{ bearer: [] }],
        body: UsageBatch,
        response: { 202: UsageAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const result = acceptBatch(request.body, request.customer, o.now(), o.pseudo)
      if (!result.ok) throw badRequest(result.message)
      if (result.batch.events.length > 0) {
        try {
          await o.sink.accept(result.batch)
        } catch (err) {
          // Redis or the DuckDB file is away: the box keeps the batch and sends it again (same batchId, stored once).
          throw new ApiError(503, 'BOSS_UNAVAILABLE', 'Usage events cannot be kept right now; send them again later', { retryAfter: 60, cause: err })
        }
      }
      return reply.code(202).send({ accepted: result.batch.events.length })
    },
  )

  // Offers that fit: the viewer's yes or no, kept by the BOSS, which refuses every push to a household that said no.
  const consentErrors = { 401: ErrorBody, 429: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }
  app.get<{ Reply: OfferConsent | ErrorBody }>(
    UsagePath.offerConsent,
    {
      onRequest: app.authenticate,
      schema: { tags: ['usage'], summary: 'Whether the household takes offers chosen from its use of the hall', security: [{ bearer: [] }], response: { 200: OfferConsent, ...consentErrors } },
    },
    async (request) => ({ offers: await o.offers.takesOffers(request.customer.customerId) }),
  )
  app.put<{ Body: OfferConsent; Reply: OfferConsent | ErrorBody }>(
    UsagePath.offerConsent,
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['usage'], summary: 'Take or refuse offers chosen from the household’s use of the hall (repeating it changes nothing)',
        security: [{ bearer: [] }], body: OfferConsent, response: { 200: OfferConsent, 400: ErrorBody, ...consentErrors },
      },
    },
    async (request) => ({ offers: await o.offers.setTakesOffers(request.customer.customerId, request.body.offers) }),
  )
}
