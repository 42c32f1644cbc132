import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { BffServices } from '../services.ts'
import usageRoutes from '../routes/usage.ts'
import operatorReportRoutes from '../routes/operatorReports.ts'
import { LazyUsageStore } from './lazyStore.ts'
import type { UsageStore } from './eventStore.ts'
import { demoBatches } from './demoSeed.ts'
import { pseudonymizer } from './household.ts'
import { directSink, streamSink, StreamWriter, type UsageSink } from './sink.ts'
import { sendOffers } from './offers.ts'
import { bossOfferAdapter } from '../boss/bossOfferAdapter.ts'

const RETENTION_EVERY_MS = 3_600_000
// The writer rebuilds the rollups of the days it wrote this often, so a report seldom has to wait for it.
const ROLLUP_EVERY_MS = 30_000

export interface UsageDeps {
  /** A store opened by the caller (tests); else DuckDB at the configured path when this instance writes. */
  usageStore?: UsageStore
}

/**
 * Usage analytics: the box's events route, the operator's reports, and the path between them.
 * Without Redis the one instance writes its DuckDB file directly. With Redis every instance puts
 * batches on a stream and the one writer (USAGE_WRITER=1) moves them into DuckDB and serves the reports.
 */
export default async function usagePlugin(app: FastifyInstance, s: BffServices & UsageDeps) {
  const c = s.config.usage
  const log = app.log.child({ component: 'usage' })
  const enforceOn = (target: UsageStore) =>
    target.enforceRetention(s.now(), c.retentionDays).then(
      (n) => void (n > 0 && log.info({ deleted: n, days: c.retentionDays }, 'usage events past retention deleted')),
      (err: unknown) => log.warn({ err }, 'usage retention failed'),
    )
  // DuckDB is loaded when this instance first writes or reports, and its retention is enforced as it opens.
  const lazy =
    !s.usageStore && c.writer
      ? new LazyUsageStore(async () => {
          const { DuckDbUsageStore } = await import('./duckdbStore.ts')
          const opened = await DuckDbUsageStore.open(c.storePath ?? join(dirname(s.config.storePath), 'usage.duckdb'))
          await enforceOn(opened)
          return opened
        })
      : undefined
  const store: UsageStore | undefined = s.usageStore ?? lazy
  const redis = s.config.redisUrl
    ? new (await import('ioredis')).Redis(s.config.redisUrl, {
        maxRetriesPerRequest: 3,
        connectTimeout: 2_000,
        retryStrategy: (n) => Math.min(50 * 2 ** n, 1_000),
      })
    : undefined
  redis?.on('error', () => {})
  const stream = `${s.config.redisPrefix}usage:events`

  let sink: UsageSink
  let writer: StreamWriter | undefined
  if (redis) {
    sink = streamSink(redis, stream)
    if (store) {
      const reads = redis.duplicate()
      reads.on('error', () => {})
      writer = new StreamWriter({
        redis: reads,
        stream,
        group: 'usage-writer',
        consumer: c.consumer,
        store,
        logger: log,
      })
      app.addHook('onClose', async () => {
        reads.disconnect()
      })
    }
  } else if (store) {
    sink = directSink(store)
  } else {
    throw new Error('USAGE_WRITER=0 needs REDIS_URL: the events would have nowhere to go')
  }

  let retention: NodeJS.Timeout | undefined
  let rollups: NodeJS.Timeout | undefined
  // A lazy store not yet opened is enforced as it opens (before its first write or report).
  const enforce = () => {
    if (store && (!lazy || lazy.opened)) void enforceOn(store)
  }
  const pseudo = pseudonymizer(c.householdKey)
  const seed = async (target: UsageStore) => {
    if ((await target.count()) > 0) return
    const batches = demoBatches({ households: 1_200, days: 30, now: s.now(), pseudo })
    log.info({ events: await target.write(batches) }, 'usage store seeded with a month of demo usage')
  }
  app.addHook('onReady', async () => {
    await writer?.start()
    if (store) {
      if (c.demoSeed) seed(store).catch((err: unknown) => log.warn({ err }, 'usage demo seed failed'))
      enforce()
      retention = setInterval(enforce, RETENTION_EVERY_MS)
      retention.unref()
      rollups = setInterval(() => {
        // A lazy store not yet opened has nothing to roll up.
        if (lazy && !lazy.opened) return
        store
          .refreshRollups()
          .catch((err: unknown) => log.warn({ err }, 'usage rollups failed; the next report rebuilds them'))
      }, ROLLUP_EVERY_MS)
      rollups.unref()
    }
  })
  app.addHook('preClose', async () => {
    clearInterval(retention)
    clearInterval(rollups)
    await writer?.stop()
  })
  app.addHook('onClose', async () => {
    if (redis) await redis.quit().catch(() => redis.disconnect())
    if (store && !s.usageStore) await store.close()
  })

  const offers = bossOfferAdapter(s.boss)
  await app.register(usageRoutes, { sink, pseudo, offers, now: s.now })
  await app.register(operatorReportRoutes, {
    usage: store,
    store: s.store,
    user: c.operatorUser,
    password: c.operatorPassword,
    now: s.now,
    sendOffers: store
      ? (q) =>
          sendOffers({ store, pseudo, offers, cap: c.offerCap, minDetailViews: c.offerMinDetailViews, logger: log }, q)
      : undefined,
  })
}
