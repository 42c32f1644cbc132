import type { FastifyInstance } from 'fastify'
import { HealthPath, LiveResponse, ReadyResponse } from '../../contract/index.ts'
import type { BffServices } from '../services.ts'

export default async function healthRoutes(app: FastifyInstance, s: BffServices) {
  // Probes are polled constantly; they would drown the request log.
  app.get<{ Reply: LiveResponse }>(
    HealthPath.live,
    { logLevel: 'warn', schema: { tags: ['health'], summary: 'The process is alive', response: { 200: LiveResponse } } },
    async () => ({ status: 'ok' as const }),
  )

  app.get<{ Reply: ReadyResponse }>(
    HealthPath.ready,
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The store works and the BOSS answers (503 otherwise)',
        response: { 200: ReadyResponse, 503: ReadyResponse },
      },
    },
    async (request, reply) => {
      const [store, boss] = await Promise.all([
        s.store.ping().then(() => 'ok' as const, (err: unknown) => {
          request.log.warn({ err }, 'store not ready')
          return 'fail' as const
        }),
        s.boss.ping().then(() => 'ok' as const, (err: unknown) => {
          request.log.warn({ err }, 'BOSS not ready')
          return 'fail' as const
        }),
      ])
      const ready = store === 'ok' && boss === 'ok'
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: { store, boss } })
    },
  )
}
