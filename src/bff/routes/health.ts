import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import type { BffServices } from '../services.ts'

const healthRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  // Probes are polled constantly; they would drown the request log.
  app.get(routes.live.path, { logLevel: 'warn', schema: routes.live.schema }, async () => ({ status: 'ok' as const }))

  app.get(routes.ready.path, { logLevel: 'warn', schema: routes.ready.schema }, async (request, reply) => {
    const [store, boss] = await Promise.all([
      s.store.ping().then(
        () => 'ok' as const,
        (err: unknown) => {
          request.log.warn({ err }, 'store not ready')
          return 'fail' as const
        },
      ),
      s.boss.ping().then(
        () => 'ok' as const,
        (err: unknown) => {
          request.log.warn({ err }, 'BOSS not ready')
          return 'fail' as const
        },
      ),
    ])
    const ready = store === 'ok' && boss === 'ok'
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: { store, boss } })
  })
}
export default healthRoutes
