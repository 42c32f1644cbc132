import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import cors from '@fastify/cors'
import type { DestinationStream, Logger } from 'pino'
import type { BffConfig } from './config.ts'
import { AccessLog, createLogger } from './log.ts'
import { buildValidatorCompiler } from './validation.ts'
import { sharedSerializerFactory } from './serialization.ts'
import { BossClient } from './boss/bossClient.ts'
import { GuardedBossClient } from './boss/bossGuard.ts'
import { SqliteStore } from './store/sqliteStore.ts'
import type { Store } from './store/store.ts'
import { createServices } from './services.ts'
import { signingKey } from './signingKey.ts'
import errorsPlugin from './plugins/errors.ts'
import authPlugin from './plugins/auth.ts'
import rateLimitPlugin from './plugins/rateLimit.ts'
import routeTablePlugin from './plugins/routeTable.ts'
import tvAppPlugin from './plugins/tvApp.ts'
import { securityHeaders } from './csp.ts'
import sessionRoutes from './routes/session.ts'
import operatorSessionRoutes from './routes/operatorSessions.ts'
import accountRoutes from './routes/account.ts'
import billRoutes from './routes/bills.ts'
import productRoutes from './routes/products.ts'
import orderRoutes from './routes/orders.ts'
import subscriptionRoutes from './routes/subscriptions.ts'
import spendingLimitRoutes from './routes/spendingLimit.ts'
import paymentRoutes from './routes/payments.ts'
import topupRoutes from './routes/topups.ts'
import healthRoutes from './routes/health.ts'
import messageRoutes from './routes/messages.ts'
import serviceInfoRoutes from './routes/serviceInfo.ts'
import selfhelpRoutes from './routes/selfhelp.ts'
import ticketRoutes from './routes/tickets.ts'
import complaintRoutes from './routes/complaints.ts'
import phonePageRoutes from './phone/complaintPage.ts'
import usagePlugin from './analytics/plugin.ts'

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/
const HSTS = 'max-age=15552000; includeSubDomains'

export interface BffDeps {
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream
  logger?: Logger
  store?: Store
  now?: () => Date
  /** Where this BFF writes its answers down for the conformance check (tests); else BFF_CONFORMANCE_LOG. */
  conformanceLog?: string
}

export async function buildBff(config: BffConfig, deps: BffDeps = {}): Promise<FastifyInstance> {
  // A request's own id names it in its log lines: this instance's random start, then a count, unique across
  // instances without a random UUID per request (0.6 KB per answer in the allocation profile, issue 22).
  const idStart = `${randomBytes(6).toString('hex')}-`
  let requests = 0
  const logger = deps.logger ?? createLogger({ level: config.logLevel, destination: deps.logDestination })
  // Seen as fastify's logger type: pino's own would make this a FastifyInstance<…, Logger> that no caller takes.
  const fastifyLogger: FastifyBaseLogger = logger
  const app = Fastify({
    loggerInstance: fastifyLogger,
    logController: new AccessLog(),
    bodyLimit: config.bodyLimit,
    // A client's x-request-id is kept only in a bounded, plain format (it ends up in every log line of the request).
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : idStart + (++requests).toString(36)
    },
    // Only these proxies may name the client in X-Forwarded-For (log-in limits key on the client address).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // A BOSS call is bounded by BOSS_TIMEOUT_MS; nothing should hold a socket much longer.
    requestTimeout: Math.max(10_000, config.bossTimeoutMs * 3),
    routerOptions: { maxParamLength: 200 },
    schemaController: { compilersFactory: { buildSerializer: sharedSerializerFactory() } },
  })
  app.setValidatorCompiler(buildValidatorCompiler())

  const now = deps.now ?? (() => new Date())
  // ioredis (≈ 8 MB resident) and swagger are loaded only where configured: most instances run neither.
  const store =
    deps.store ??
    (config.redisUrl
      ? new (await import('./store/redisStore.ts')).RedisStore(config.redisUrl, { prefix: config.redisPrefix })
      : new SqliteStore(config.storePath))
  const boss: BossClient = new GuardedBossClient(
    {
      url: config.bossUrl,
      channel: config.bossChannel,
      secret: config.bossSecret,
      timeoutMs: config.bossTimeoutMs,
      logger: logger.child({ component: 'boss' }),
      now,
    },
    {
      breakerResetMs: config.bossBreakerResetMs,
      maxInFlight: config.bossMaxInFlight,
      readRetries: config.bossReadRetries,
      cacheFreshMs: config.bossCacheSeconds * 1000,
    },
  )
  // The composition root: every adapter, cache and the outbox deliverer exist once, here.
  const services = createServices(config, { boss, store, now, logger: app.log })
  const { deliverer } = services

  // Expired lockout counters and idempotency records would otherwise pile up.
  const sweeper = setInterval(() => {
    store.sweep().catch((err: unknown) => app.log.warn({ err }, 'store sweep failed'))
  }, 60_000)
  sweeper.unref()

  // Keep-alive sockets of requests still in flight at shutdown would hold close() open forever:
  // answer them with `Connection: close` so each socket ends with its last response.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  // The answer's last headers, in one synchronous hook: an async hook per header was two promises per answer.
  // Served over TLS (here or by a proxy in TRUST_PROXY that says X-Forwarded-Proto: https), browsers are told
  // to stay on it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
    done(null, payload)
  })

  // The deliverer stops before the server closes, while the BOSS client and the store are still open;
  // what it did not deliver stays in the outbox for the next start.
  app.addHook('onReady', async () => deliverer.start())
  app.addHook('preClose', async () => deliverer.stop())
  app.addHook('onClose', async () => {
    clearInterval(sweeper)
    await boss.close()
    if (!deps.store) await store.close()
  })

  await app.register(errorsPlugin, { bodyLimit: config.bodyLimit })
  // Test runs ask for every answer to be written down and checked against the document; production never does.
  const conformanceLog =
    config.nodeEnv === 'production'
      ? undefined
      : (deps.conformanceLog ?? (process.env.BFF_CONFORMANCE_LOG || undefined))
  await app.register(routeTablePlugin, { conformanceLog })
  // helmet's headers, worked out once by helmet itself (csp.ts) and given to every answer as one object: running
  // its middleware per request was 13 res.setHeader calls, the largest allocation site in the BFF's profile.
  const secureHeaders = securityHeaders(config.staticDir)
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(secureHeaders)
    done()
  })
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
    maxAge: 600,
  })
  // The API description is for operators' integrators: served only where configured (API_DOCS; on in development).
  if (config.apiDocs) await app.register((await import('./plugins/docs.ts')).default)
  await app.register(authPlugin, {
    secret: signingKey(config),
    ttlSeconds: config.tokenTtlSeconds,
    refreshTtlSeconds: config.refreshTtlSeconds,
    store,
    stillPaired: async (deviceId, cardNo, customerId) =>
      (await services.customers.identify(deviceId, cardNo))?.customerId === customerId,
  })
  await app.register(rateLimitPlugin, {
    readsPerMinute: config.rateLimitReadsPerMinute,
    strictPerMinute: config.rateLimitStrictPerMinute,
    store: config.redisUrl ? store : undefined,
  })

  // Open to anyone: probes, opening a session, the operator's FAQ, the phone page behind a complaint QR code.
  for (const routes of [healthRoutes, sessionRoutes, serviceInfoRoutes, phonePageRoutes, operatorSessionRoutes]) {
    await app.register(routes, services)
  }
  // Everything else acts for one household: one authentication hook for this whole scope (an encapsulated
  // context), so a route added here cannot forget it and no route outside it gets it by accident.
  await app.register(async function householdScope(household) {
    household.addHook('onRequest', household.authenticate)
    const routePlugins = [
      accountRoutes,
      billRoutes,
      productRoutes,
      orderRoutes,
      subscriptionRoutes,
      spendingLimitRoutes,
      paymentRoutes,
      messageRoutes,
      selfhelpRoutes,
      ticketRoutes,
      complaintRoutes,
      topupRoutes,
    ]
    for (const routes of routePlugins) await household.register(routes, services)
  })
  // Usage analytics: box events (its own token check) and the operator's reports (operator login).
  await app.register(usagePlugin, services)

  if (config.staticDir)
    await app.register(tvAppPlugin, { root: config.staticDir, production: config.nodeEnv === 'production' })
  return app
}
