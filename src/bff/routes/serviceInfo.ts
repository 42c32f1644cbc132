import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import { loadServiceInfo } from '../data/serviceInfo.ts'
import type { BffServices } from '../services.ts'

/**
 * 业务咨询: the operator's FAQ, service points and hotline. Content, not household data: no token
 * needed, and boxes may cache it for an hour (millions of boxes start at the evening peak).
 */
const serviceInfoRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app) => {
  const info = loadServiceInfo()
  app.get(routes.serviceInfo.path, { schema: routes.serviceInfo.schema }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600')
    return info
  })
}
export default serviceInfoRoutes
