import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import type { AcceptedBatch } from '../../../src/bff/analytics/eventStore.ts'
import { StreamWriter } from '../../../src/bff/analytics/sink.ts'
import { loadConfig, type BffConfig } from '../../../src/bff/config.ts'
import { login, startStack, type Stack } from '../harness.ts'
import { startRedis, type RedisServer } from '../../redisServer.ts'
import { batchOf, orderSession, report, sendBatch, usageStore } from '../usage/helpers.ts'
import { startInstance, type BffInstance } from './instances.ts'

// Two BFF instances take events from boxes and put them on a Redis stream; a third instance is the one
// writer into DuckDB. Every accepted event is counted exactly once, across restarts of the writer and of Redis.
const PREFIX = 'usagescale:'
let redis: RedisServer
let stack: Stack
let second: BffInstance
let writer: BffInstance | undefined
let store: DuckDbUsageStore
let token: string
const writerConfig = (): BffConfig => ({
  ...stack.config,
  usage: { ...stack.config.usage, writer: true, consumer: 'writer-a' },
})

async function until(what: string, check: () => Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  redis = await startRedis({ appendonly: true })
  stack = await startStack({
    bff: { redisUrl: redis.url, redisPrefix: PREFIX, usage: { ...loadConfig({}).usage, writer: false } },
  })
  second = await startInstance(stack.config)
  writer = await startInstance(writerConfig())
  store = await usageStore(stack)
  token = await login(stack, stack.bySubscriber('normal'))
})
afterAll(async () => {
  await writer?.close()
  await second?.close()
  await store?.close()
  await stack?.close()
  await redis?.stop()
})

describe('usage events through Redis streams to one writer', () => {
  it('batches sent to either instance are written once, a batch repeated on the other instance too', async () => {
    const before = await store.count()
    const batches = Array.from({ length: 6 }, (_, i) => batchOf(orderSession(i % 2 ? 'P_OPERA' : 'P_EDU', 'confirm')))
    const answers = await Promise.all(batches.map((b, i) => sendBatch(i % 2 ? second : stack, token, b)))
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202))
    // The box retries the first batch on the other instance (its answer was lost).
    expect((await sendBatch(second, token, batches[0])).status).toBe(202)
    const expected = before + batches.reduce((n, b) => n + b.events.length, 0)
    await until('the writer to catch up', async () => (await store.count()) >= expected)
    await new Promise((r) => setTimeout(r, 700)) // one more blocking read: nothing further arrives
    expect(await store.count()).toBe(expected)
    // The producers serve no reports: those live with the writer's DuckDB file.
    const r = await report({ bffUrl: writer!.bffUrl, config: stack.config })
    expect(r.tables.funnel.find((f: any) => f.step === 'confirm').sessions).toBeGreaterThanOrEqual(6)
  })

  it('nothing is lost while the writer is down and Redis restarts; the restarted writer writes each batch once', async () => {
    const before = await store.count()
    await writer!.close()
    writer = undefined
    const batches = Array.from({ length: 4 }, () => batchOf(orderSession('P_OPERA', 'done')))
    for (const [i, b] of batches.entries()) expect((await sendBatch(i % 2 ? second : stack, token, b)).status).toBe(202)
    expect(await store.count()).toBe(before)
    await redis.restart() // SIGKILL: only what appendonly fsynced survives
    writer = await startInstance(writerConfig())
    const expected = before + batches.reduce((n, b) => n + b.events.length, 0)
    await until('the restarted writer to drain the stream', async () => (await store.count()) >= expected)
    await new Promise((r) => setTimeout(r, 700))
    expect(await store.count()).toBe(expected)
  })

  it('a writer that dies after writing and before acknowledging: the entries come again and are not counted twice', async () => {
    const client = new Redis(redis.url)
    const stream = `${PREFIX}usage:events`
    try {
      // Stop the instance's writer so this test's writers are the only readers of the group.
      await writer!.close()
      writer = undefined
      const before = await store.count()
      const b = batchOf(orderSession('P_EDU', 'pin'))
      expect((await sendBatch(stack, token, b)).status).toBe(202)
      const crashing = new StreamWriter({
        redis: client,
        stream,
        group: 'usage-writer',
        consumer: 'writer-a',
        logger: stack.bff.log,
        store: {
          count: () => store.count(),
          dump: () => store.dump(),
          report: (q) => store.report(q),
          enforceRetention: (n, d) => store.enforceRetention(n, d),
          close: async () => {},
          offerTargets: (q) => store.offerTargets(q),
          refreshRollups: () => store.refreshRollups(),
          write: async (batches: AcceptedBatch[]) => {
            const n = await store.write(batches)
            throw new Error(`crashed after writing ${n} events`)
          },
        },
      })
      await expect(crashing.drainOnce('new')).rejects.toThrow(/crashed after writing/)
      expect(await store.count()).toBe(before + b.events.length)
      const pending = (await client.xpending(stream, 'usage-writer')) as [number, ...unknown[]]
      expect(pending[0]).toBe(1)
      // The restarted writer (same consumer name) finds its unacknowledged entry first.
      const restarted = new StreamWriter({
        redis: client,
        stream,
        group: 'usage-writer',
        consumer: 'writer-a',
        logger: stack.bff.log,
        store,
      })
      expect(await restarted.drainOnce('pending')).toBe(1)
      expect(await store.count()).toBe(before + b.events.length)
      expect(((await client.xpending(stream, 'usage-writer')) as [number])[0]).toBe(0)
      expect(await client.xlen(stream)).toBe(0)
    } finally {
      client.disconnect()
    }
  })
})
