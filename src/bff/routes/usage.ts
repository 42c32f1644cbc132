import type { FastifyInstance } from 'fastify'
import { ErrorBody } from '../../contract/common.ts'
import { UsageAccepted, UsageBatch, UsagePath } from '../../contract/usage.ts'
import { acceptBatch } from '../analytics/accept.ts'
import type { Pseudonymizer } from '../analytics/household.ts'
import type { UsageSink } from '../analytics/sink.ts'
import { ApiError, badRequest } from '../errors.ts'

export interface UsageRouteOptions {
  sink: UsageSink
  pseudo: Pseudonymizer
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
}
