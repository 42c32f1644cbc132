import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SqliteStore } from '../../../src/bff/store/sqliteStore.ts'
import { RedisStore } from '../../../src/bff/store/redisStore.ts'
import type { Store } from '../../../src/bff/store/store.ts'
import { startRedis, type RedisServer } from '../../redisServer.ts'

// One contract, two implementations: every behaviour below must hold for SQLite (one instance) and Redis (many).
let clock = 1_000_000
let redis: RedisServer
const stores: Store[] = []
const track = <S extends Store>(s: S) => (stores.push(s), s)
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()))
  clock = 1_000_000
})

const kinds: [string, () => Store][] = [
  ['SqliteStore', () => track(new SqliteStore(':memory:', { now: () => clock }))],
  // A fresh prefix per store: tests never see each other's keys in the shared server.
  ['RedisStore', () => track(new RedisStore(redis.url, { prefix: `t${randomUUID()}:`, now: () => clock }))],
]
const open = (path = ':memory:') => track(new SqliteStore(path, { now: () => clock }))

describe.each(kinds)('%s', (_name, make) => {
  describe('idempotency', () => {
    it('lets the first caller claim a key and replays the completed answer', async () => {
      const s = make()
      expect(await s.claimIdempotency('order:1', 'fp-a', 60)).toEqual({ state: 'claimed' })
      expect(await s.claimIdempotency('order:1', 'fp-a', 60)).toEqual({ state: 'pending', fingerprint: 'fp-a' })
      await s.completeIdempotency('order:1', 201, '{"ok":true}')
      expect(await s.claimIdempotency('order:1', 'fp-b', 60)).toEqual({
        state: 'done',
        fingerprint: 'fp-a',
        statusCode: 201,
        body: '{"ok":true}',
      })
    })

    it('frees a released or expired key, but never releases a completed one', async () => {
      const s = make()
      await s.claimIdempotency('k', 'fp', 60)
      await s.releaseIdempotency('k')
      expect(await s.claimIdempotency('k', 'fp2', 60)).toEqual({ state: 'claimed' })
      await s.completeIdempotency('k', 200, 'x')
      await s.releaseIdempotency('k')
      expect((await s.claimIdempotency('k', 'fp3', 60)).state).toBe('done')
      clock += 61_000
      expect(await s.claimIdempotency('k', 'fp4', 60)).toEqual({ state: 'claimed' })
    })
  })

  describe('counters', () => {
    it('counts within a window that starts at the first hit, then starts over', async () => {
      const s = make()
      expect(await s.hit('c', 10)).toEqual({ count: 1, resetInSeconds: 10 })
      clock += 4_000
      expect(await s.hit('c', 10)).toEqual({ count: 2, resetInSeconds: 6 })
      expect(await s.peek('c')).toEqual({ count: 2, resetInSeconds: 6 })
      expect(await s.peek('other')).toBeNull()
      clock += 6_000
      expect(await s.peek('c')).toBeNull()
      expect(await s.hit('c', 10)).toEqual({ count: 1, resetInSeconds: 10 })
      await s.clear('c')
      expect(await s.peek('c')).toBeNull()
    })
  })

  describe('outbox', () => {
    it('leases due messages once, retries later, and forgets acknowledged ones', async () => {
      const s = make()
      const a = await s.enqueue('ticket', { n: 1 })
      const b = await s.enqueue('ticket', { n: 2 })
      const first = await s.lease(10, 30)
      expect(first.map((m) => [m.id, m.payload, m.attempts])).toEqual([
        [a, { n: 1 }, 1],
        [b, { n: 2 }, 1],
      ])
      expect(await s.lease(10, 30)).toEqual([]) // leased: invisible to a second worker
      await s.ack(a)
      await s.retry(b, 5)
      clock += 4_000
      expect(await s.lease(10, 30)).toEqual([])
      clock += 1_000
      const again = await s.lease(10, 30)
      expect(again.map((m) => [m.id, m.attempts])).toEqual([[b, 2]])
      clock += 31_000 // a crashed worker's lease runs out and the message comes back
      expect((await s.lease(1, 30)).map((m) => m.id)).toEqual([b])
    })

    it('lists pending messages by owner and topic until acknowledged', async () => {
      const s = make()
      const a = await s.enqueue('ticket', { n: 1 }, 'C1')
      await s.enqueue('ticket', { n: 2 }, 'C2')
      await s.enqueue('complaint', { n: 3 }, 'C1')
      const b = await s.enqueue('ticket', { n: 4 }, 'C1')
      expect((await s.pending('ticket', 'C1')).map((m) => [m.id, m.payload, m.attempts])).toEqual([
        [a, { n: 1 }, 0],
        [b, { n: 4 }, 0],
      ])
      await s.ack(a)
      expect((await s.pending('ticket', 'C1')).map((m) => m.id)).toEqual([b])
      await s.retry(a, 1) // an acknowledged message never comes back
      clock += 2_000
      expect((await s.lease(10, 30)).map((m) => m.id).includes(a)).toBe(false)
    })
  })

  describe('values and concurrency', () => {
    it('keeps a value until it expires or is deleted', async () => {
      const s = make()
      await s.putValue('k', 'v1', 10)
      await s.putValue('k', 'v2', 10)
      expect(await s.getValue('k')).toBe('v2')
      clock += 10_001
      expect(await s.getValue('k')).toBeNull()
      await s.putValue('k', 'v3', 10)
      await s.deleteValue('k')
      expect(await s.getValue('k')).toBeNull()
      await s.sweep()
      await s.ping()
    })

    it('lets exactly one of many simultaneous claims win and counts every simultaneous hit', async () => {
      const s = make()
      const claims = await Promise.all(Array.from({ length: 50 }, () => s.claimIdempotency('race', 'fp', 60)))
      expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1)
      const hits = await Promise.all(Array.from({ length: 50 }, () => s.hit('many', 60)))
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    })
  })
})

describe('RedisStore shared by two instances', () => {
  it('lets one instance see the claims, counters and messages of the other', async () => {
    const prefix = `shared${randomUUID()}:`
    const a = track(new RedisStore(redis.url, { prefix }))
    const b = track(new RedisStore(redis.url, { prefix }))
    const both = await Promise.all([a.claimIdempotency('k', 'fp', 60), b.claimIdempotency('k', 'fp', 60)])
    expect(both.map((c) => c.state).sort()).toEqual(['claimed', 'pending'])
    await a.hit('c', 60)
    expect((await b.hit('c', 60)).count).toBe(2)
    const id = await a.enqueue('ticket', { n: 1 }, 'C1')
    expect((await b.lease(10, 30)).map((m) => m.id)).toEqual([id])
    expect(await a.lease(10, 30)).toEqual([])
  })
})

describe('SqliteStore on disk', () => {
  it('keeps records across a reopen and sweeps expired ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bff-store-'))
    try {
      const path = join(dir, 'nested', 'bff.sqlite')
      const s1 = open(path)
      await s1.claimIdempotency('k', 'fp', 60)
      await s1.hit('c', 5)
      await s1.enqueue('t', 'payload')
      await s1.ping()
      await s1.close()
      const s2 = open(path)
      expect((await s2.claimIdempotency('k', 'fp', 60)).state).toBe('pending')
      expect((await s2.peek('c'))?.count).toBe(1)
      clock += 120_000
      await s2.sweep()
      expect(await s2.peek('c')).toBeNull()
      expect((await s2.lease(5, 10)).map((m) => m.payload)).toEqual(['payload'])
      await s2.close()
      await expect(s2.ping()).rejects.toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
