import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'

/**
 * OpenAPI generated from the contract's TypeBox schemas on the routes, so the document cannot
 * drift from what the BFF validates. Must be registered before the routes.
 */
async function docsPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TV business hall BFF',
        description:
          'Backend for the 电视营业厅 set-top-box app. Money is integer fen; times are ISO 8601 with +08:00.',
        version: '1.0.0',
      },
      tags: [
        { name: 'session', description: 'Box log-in by STB id + smart card' },
        { name: 'account', description: 'Balance, arrears, status' },
        { name: 'bills', description: 'Monthly bills and itemised charges' },
        { name: 'payments', description: 'Payment history' },
        { name: 'health', description: 'Probes' },
        { name: 'orders', description: 'Catalogue, quotes, orders, subscriptions, spending limit' },
        { name: 'topups', description: 'Prepaid card and QR-code top-ups' },
        { name: 'messages', description: 'Reminders and notices' },
        { name: 'selfhelp', description: 'Knowledge base and diagnosis before a repair visit' },
        { name: 'tickets', description: 'Fault reports (work orders) and their progress' },
        { name: 'complaints', description: 'Complaints and suggestions' },
        { name: 'service-info', description: 'FAQ, service points, hotline' },
        { name: 'usage', description: 'Usage events from boxes' },
        { name: 'operator', description: "The operator's usage reports" },
      ],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'The session token of POST /api/v1/session',
          },
          operator: { type: 'http', scheme: 'basic', description: "The operator's report login" },
        },
      },
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Its own CSP, as helmet's (for the TV app) would not name swagger's assets; no
    // upgrade-insecure-requests, since operators open it over plain HTTP on their LAN. No 'unsafe-inline':
    // swagger-ui's page links its stylesheets and React styles elements through CSSOM, which CSP allows.
    staticCSP:
      "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'self'; img-src 'self' data:; " +
      "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self'; style-src-attr 'none'",
    // BaseLayout: the document alone, without the standalone top bar, whose Explore box loads any URL's
    // document and whose logo is an SVG with its own <style> (the one inline style the page would need).
    uiConfig: { docExpansion: 'list', deepLinking: false, layout: 'BaseLayout' },
  })
}

export default fp(docsPlugin, { name: 'tvhall-docs' })
