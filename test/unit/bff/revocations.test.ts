import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Revocations, type RevocationCheck } from '../../../src/bff/plugins/revocations.ts'
import { SqliteStore } from '../../../src/bff/store/sqliteStore.ts'
import { RedisStore } from '../../../src/bff/store/redisStore.ts'
import type { Store } from '../../../src/bff/store/store.ts'
import { startRedis, type RedisServer } from '../../redisServer.ts'

/**
 * The revocation view remembers what it read, so it must prove it never serves a revocation late: two instances
 * (two stores on one SQLite file, two connections to one Redis), each having read the list, and one of them revokes.
 */
let redis: RedisServer
let dir: string
const opened: Store[] = []
beforeAll(async () => {
  redis = await startRedis()
  dir = mkdtempSync(join(tmpdir(), 'bff-revocations-'))
})
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()))
  await redis?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Two stores that share their data, as two BFF instances do. */
const pairs: [string, () => [Store, Store]][] = [
  [
    'one SQLite file',
    () => {
      const path = join(dir, `${randomUUID()}.sqlite`)
      return [new SqliteStore(path), new SqliteStore(path)]
    },
  ],
  [
    'one Redis',
    () => {
      const prefix = `rv${randomUUID()}:`
      return [new RedisStore(redis.url, { prefix }), new RedisStore(redis.url, { prefix })]
    },
  ],
]

/** Counts the store reads a view makes. */
function counted(store: Store): { store: Store; reads: () => number } {
  let reads = 0
  const getValue = store.getValue.bind(store)
  store.getValue = (key) => (reads++, getValue(key))
  return { store, reads: () => reads }
}

describe.each(pairs)('two instances on %s', (_name, make) => {
  it('a revocation made on one instance is seen by the other at its next read, although both had read before', async () => {
    const [a, b] = make()
    opened.push(a, b)
    const [onA, onB] = [new Revocations(a, 3600), new Revocations(b, 3600)]
    const keys = ['revoked-sid:S1', 'revoked-household:C1']
    expect(await onA.read(keys)).toEqual([null, null])
    expect(await onB.read(keys)).toEqual([null, null])

    await onA.put('revoked-sid:S1', '1', 60)
    expect(await onB.read(keys)).toEqual(['1', null])
    expect(await onA.read(keys)).toEqual(['1', null])

    await onB.put('revoked-household:C1', '1234', 60)
    expect(await onA.read(keys)).toEqual(['1', '1234'])
  })

  it('reads only the version while nothing was revoked, and the entries again after a revocation', async () => {
    const [a, b] = make()
    opened.push(a, b)
    const watched = counted(b)
    const [onA, onB] = [new Revocations(a, 3600), new Revocations(watched.store, 3600)]
    const keys = ['revoked-sid:S2', 'revoked-box:B2', 'revoked-household:C2']
    await onB.read(keys)
    const first = watched.reads()
    expect(first).toBe(1 + keys.length)
    await onB.read(keys)
    await onB.read(keys)
    expect(watched.reads() - first).toBe(2)

    await onA.put('revoked-box:B2', '99', 60)
    const before = watched.reads()
    expect(await onB.read(keys)).toEqual([null, '99', null])
    expect(watched.reads() - before).toBe(1 + keys.length)
  })

  it("a token let in reads only the version until a revocation anywhere, and is refused at once when it is the token's", async () => {
    const [a, b] = make()
    opened.push(a, b)
    const watched = counted(b)
    const [onA, onB] = [new Revocations(a, 3600), new Revocations(watched.store, 3600)]
    const judged: (string | null)[][] = []
    const token: RevocationCheck = {
      keys: ['revoked-sid:S3', 'revoked-box:B3'],
      letIn: (values) => (judged.push(values), values.every((v) => v === null)),
    }
    expect(await onB.letsIn(token)).toBe(true)
    const first = watched.reads()
    expect(await onB.letsIn(token)).toBe(true)
    expect(await onB.letsIn(token)).toBe(true)
    expect(watched.reads() - first).toBe(2)
    expect(judged).toHaveLength(1)

    // Someone else's revocation: this token's entries are read and judged again, and it is still let in.
    await onA.put('revoked-sid:OTHER', '1', 60)
    expect(await onB.letsIn(token)).toBe(true)
    expect(judged).toHaveLength(2)

    await onA.put('revoked-box:B3', '1', 60)
    expect(await onB.letsIn(token)).toBe(false)
    expect(await onB.letsIn(token)).toBe(false)
    expect(judged.at(-1)).toEqual([null, '1'])
  })
})
