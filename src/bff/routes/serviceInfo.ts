import type { FastifyInstance } from 'fastify'
import { ServiceInfo, ServiceInfoPath } from '../../contract/index.ts'
import { loadServiceInfo } from '../data/serviceInfo.ts'

/**
 * 业务咨询: the operator's FAQ, service points and hotline. Content, not household data: no token
 * needed, and boxes may cache it for an hour (millions of boxes start at the evening peak).
 */
export default async function serviceInfoRoutes(app: FastifyInstance) {
  const info = loadServiceInfo()
  app.get<{ Reply: ServiceInfo }>(
    ServiceInfoPath.serviceInfo,
    {
      schema: {
        tags: ['service-info'],
        summary: 'FAQ by topic, service points and the hotline, in every language',
        response: { 200: ServiceInfo },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600')
      return info
    },
  )
}
