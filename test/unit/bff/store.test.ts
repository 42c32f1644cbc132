import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStore } from '../../../src/bff/store/sqliteStore.ts'

let clock = 1_000_000
const stores: SqliteStore[] = []
const open = (path = ':memory:') => {
  const s = new SqliteStore(path, { now: () => clock })
  stores.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()))
  clock = 1_000_000
})

describe('SqliteStore idempotency', () => {
  it('lets the first caller claim a key and replays the completed answer', async () => {
    const s = open()
    expect(await s.claimIdempotency('order:1', 'fp-a', 60)).toEqual({ state: 'claimed' })
    expect(await s.claimIdempotency('order:1', 'fp-a', 60)).toEqual({ state: 'pending', fingerprint: 'fp-a' })
    await s.completeIdempotency('order:1', 201, '{"ok":true}')
    expect(await s.claimIdempotency('order:1', 'fp-b', 60)).toEqual({
      state: 'done', fingerprint: 'fp-a', statusCode: 201, body: '{"ok":true}',
    })
  })

  it('frees a released or expired key, but never releases a completed one', async () => {
    const s = open()
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

describe('SqliteStore counters', () => {
  it('counts within a window that starts at the first hit, then starts over', async () => {
    const s = open()
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

describe('SqliteStore outbox', () => {
  it('leases due messages once, retries later, and forgets acknowledged ones', async () => {
    const s = open()
    const a = await s.enqueue('ticket', { n: 1 })
    const b = await s.enqueue('ticket', { n: 2 })
    const first = await s.lease(10, 30)
    expect(first.map((m) => [m.id, m.payload, m.attempts])).toEqual([[a, { n: 1 }, 1], [b, { n: 2 }, 1]])
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
