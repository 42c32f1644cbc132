import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { routes } from '../../contract/index.ts'
import { AnswerLog } from './answerLog.ts'

const TABLE = new Map<string, unknown>(Object.values(routes).map((r) => [`${r.method} ${r.path}`, r.schema]))
/** Paths only the route table may add to: a route here must be an entry of it. */
const API = /^\/(api\/v1|operator\/api)\//

export interface RouteTableOptions {
  /**
   * Tests only (BFF_CONFORMANCE_LOG, never in production): append each distinct answer of a tabled route
   * (method, route pattern, status, content type, body) to this JSONL file, which `npm test` then checks
   * against /api/docs/json. Written out of the request path (answerLog.ts).
   */
  conformanceLog?: string
}

/**
 * Holds the BFF to the contract's route table (src/contract/routes.ts): an API route must be registered
 * with its entry's own schema, so the document served at /api/docs/json is the table and nothing else.
 */
async function routeTablePlugin(app: FastifyInstance, opts: RouteTableOptions) {
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      const key = `${method} ${route.url}`
      const schema = TABLE.get(key)
      if (schema === undefined && API.test(route.url))
        throw new Error(`${key} is not in the route table (src/contract/routes.ts)`)
      if (schema !== undefined && route.schema !== schema)
        throw new Error(`${key} must be registered with routes.<name>.schema`)
    }
  })

  if (!opts.conformanceLog) return
  const log = new AnswerLog(opts.conformanceLog)
  app.addHook('onClose', async () => log.flush())
  app.addHook('onSend', async (request, reply, payload) => {
    const pattern = request.routeOptions.url
    if (request.method === 'HEAD' || pattern === undefined || !TABLE.has(`${request.method} ${pattern}`)) return payload
    log.add({
      method: request.method,
      route: pattern,
      status: reply.statusCode,
      contentType: reply.getHeader('content-type') ?? null,
      retryAfter: reply.getHeader('retry-after') ?? null,
      // fastify sends no body with a 204, whatever the handler gave.
      body:
        reply.statusCode === 204 || payload === null || payload === undefined
          ? ''
          : typeof payload === 'string'
            ? payload
            : null,
    })
    return payload
  })
}

export default fp(routeTablePlugin, { name: 'tvhall-route-table' })
