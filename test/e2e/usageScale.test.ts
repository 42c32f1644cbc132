import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDbUsageStore } from '../../src/bff/analytics/duckdbStore.ts'
import { loadConfig } from '../../src/bff/config.ts'
import type { Stack } from '../integration/harness.ts'
import { usageStore } from '../integration/usage/helpers.ts'
import { startRedis, type RedisServer } from '../redisServer.ts'
import { freePort } from '../freePort.ts'
import { spawnBff, type SpawnedBff } from '../spawnedBff.ts'
import { pressUntil } from './remote.ts'
import { DIST, startTvStack, tvUrl } from './stack.ts'
import { launchBrowser, Tv } from './tv.ts'
import { startBalancer, type Balancer } from './usageBalancer.ts'

// A real app session in Chromium behind a load balancer: its usage events go through one, then two BFF
// processes (one killed and started again in between) onto a Redis stream, and the one writer (the
// stack's BFF) puts each in DuckDB exactly once. The balancer keeps what the box sent to hold the store to.
const JWT_SECRET = 'e2e-usage-scale-0123456789abcdef0123'
const PREFIX = 'usagee2e:'
let redis: RedisServer
let stack: Stack
let store: DuckDbUsageStore
let browser: Browser
let lb: Balancer
let dir: string
/** The two producers' addresses, and every producer process started (the first one twice). */
let urls: string[]
const bffs: SpawnedBff[] = []

/** A producer BFF process (not the writer) on a fixed port, so a restart comes back at the same address. */
async function producer(port: number): Promise<string> {
  const bff = spawnBff({
    PORT: String(port),
    HOST: '127.0.0.1',
    BOSS_URL: stack.bossUrl,
    STORE_PATH: join(dir, `${port}.sqlite`),
    USAGE_STORE_PATH: join(dir, `${port}.duckdb`),
    STATIC_DIR: DIST,
    JWT_SECRET,
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
    USAGE_WRITER: '0',
    USAGE_HOUSEHOLD_KEY: stack.config.usage.householdKey,
  })
  bffs.push(bff)
  return bff.url
}

/** Until the store has every event the box sent and one more send interval brings nothing. */
async function settled(): Promise<Record<string, unknown>[]> {
  const sent = () => new Set(lb.usageBatches.flatMap((b) => b.eventIds))
  for (let i = 0; i < 60 && (await store.count()) < sent().size; i++) await new Promise((r) => setTimeout(r, 500))
  await new Promise((r) => setTimeout(r, 1_500))
  return store.dump()
}

async function browse(tv: Tv, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await tv.press('back')
    await tv.waitForRoute('home')
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tvhall-usage-scale-'))
  redis = await startRedis({ appendonly: true })
  stack = await startTvStack({
    bff: {
      jwtSecret: JWT_SECRET,
      redisUrl: redis.url,
      redisPrefix: PREFIX,
      usage: { ...loadConfig({}).usage, writer: true, consumer: 'writer' },
    },
  })
  store = await usageStore(stack)
  const [a, b] = [await freePort(), await freePort()]
  urls = await Promise.all([producer(a), producer(b)])
  lb = await startBalancer([urls[0]]) // one instance first
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await lb?.close()
  for (const b of bffs) b.child.kill('SIGKILL')
  await Promise.all(bffs.map((b) => b.exited))
  await store?.close()
  await stack?.close()
  await redis?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('usage events from Chromium through BFF instances on Redis', () => {
  it('reach the store exactly once through one instance, then two with one restarted; the opt-out stops them; no secret', async () => {
    const who = stack.bySubscriber('normal')
    const [first, second] = urls
    const tv = await Tv.open(browser, tvUrl({ bffUrl: lb.url }, who, { usageEveryMs: '400' }))
    await tv.waitForRoute('home')
    await browse(tv, 2)
    const once = await settled()
    expect(once.length).toBeGreaterThan(4)
    expect(new Set(lb.usageBatches.map((b) => b.upstream.split(' ')[0]))).toEqual(new Set([first]))

    // Two instances in turn; the first killed mid-session (SIGKILL) and started again on its address.
    lb.upstreams.push(second)
    await browse(tv, 2)
    const victim = bffs[0]
    victim.child.kill('SIGKILL')
    await victim.exited
    await browse(tv, 2)
    const port = Number(new URL(first).port)
    expect(await producer(port)).toBe(first)
    await browse(tv, 2)

    const rows = await settled()
    const sent = new Set(lb.usageBatches.flatMap((b) => b.eventIds))
    const stored = rows.map((r) => String(r.event_id))
    // Exactly once: every event the box sent is stored, none twice, nothing else.
    expect(new Set(stored).size).toBe(stored.length)
    expect(new Set(stored)).toEqual(sent)
    // Both instances took batches (one cut off by the kill, if any, has no upstream and was sent again).
    const answeredBy = new Set(lb.usageBatches.filter((b) => b.upstream).map((b) => b.upstream.split(' ')[0]))
    expect(answeredBy).toEqual(new Set([first, second]))
    expect(rows.filter((r) => r.screen === 'packages').length).toBe(8)

    // Switched off on the box: nothing more leaves it.
    await tv.page.evaluate(() => localStorage.setItem('tvhall.viewerPrefs', JSON.stringify({ usage: false })))
    await tv.page.reload({ waitUntil: 'load' })
    await tv.waitForRoute('home')
    const batchesBefore = lb.usageBatches.length
    await browse(tv, 1)
    await new Promise((r) => setTimeout(r, 2_000))
    expect(lb.usageBatches.length).toBe(batchesBefore)
    expect(await store.count()).toBe(rows.length)

    // The scan: no secret of the household in any stored event.
    const text = JSON.stringify(await store.dump())
    for (const secret of [who.pin, who.cardNo, who.deviceId, who.deviceKey, who.customerId, who.name])
      expect(text).not.toContain(secret)
    // The only errors the page saw: requests the kill cut off (the balancer answered 502); usage batches among
    // them were sent again.
    const cutOff = lb.usageBatches.filter((b) => !b.upstream)
    expect(tv.errors).toEqual(tv.errors.map(() => expect.stringMatching(/status of 502/)))
    expect(tv.errors.length).toBeGreaterThanOrEqual(cutOff.length)
    for (const b of cutOff)
      expect(lb.usageBatches.some((again) => again.batchId === b.batchId && again.upstream.endsWith(' 202'))).toBe(true)
  })
})
