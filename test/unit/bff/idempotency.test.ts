import { afterEach, describe, expect, it } from 'vitest'
import Fastify from 'fastify'
import { SqliteStore } from '../../../src/bff/store/sqliteStore.ts'
import {
  Idempotency,
  canonicalJson,
  createIdempotency,
  fingerprint,
  stableRef,
} from '../../../src/bff/plugins/idempotency.ts'
import { ApiError } from '../../../src/bff/errors.ts'

const stores: SqliteStore[] = []
const store = () => {
  const s = new SqliteStore(':memory:')
  stores.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()))
})

const KEY = 'key-0001-abcdef'
const call = (material: unknown, ...rest: [key?: string | undefined, owner?: string]) => ({
  owner: rest[1] ?? 'C00000001',
  key: rest.length > 0 ? rest[0] : KEY,
  material,
})

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected an ApiError')
}

describe('Idempotency core', () => {
  it('runs the work once and replays its answer byte for byte', async () => {
    const idem = new Idempotency(store(), { scope: 'order' })
    let runs = 0
    const work = async () => ({ statusCode: 201, body: { n: ++runs } })
    const first = await idem.execute(call({ p: 1 }), work)
    const again = await idem.execute(call({ p: 1 }), work)
    expect(first).toEqual({ statusCode: 201, body: '{"n":1}', replayed: false })
    expect(again).toEqual({ statusCode: 201, body: '{"n":1}', replayed: true })
    expect(runs).toBe(1)
  })

  it('refuses a missing or malformed key with 400 and runs nothing', async () => {
    const idem = new Idempotency(store(), { scope: 'order' })
    let runs = 0
    const work = async () => ({ statusCode: 201, body: ++runs })
    expect((await caught(idem.execute(call({}, undefined), work))).statusCode).toBe(400)
    expect((await caught(idem.execute(call({}, ''), work))).statusCode).toBe(400)
    expect((await caught(idem.execute(call({}, 'short'), work))).statusCode).toBe(400)
    expect((await caught(idem.execute(call({}, 'has space in it'), work))).statusCode).toBe(400)
    expect((await caught(idem.execute(call({}, 'x'.repeat(65)), work))).statusCode).toBe(400)
    expect(runs).toBe(0)
  })

  it('answers 422 when the key comes back with another request', async () => {
    const idem = new Idempotency(store(), { scope: 'order' })
    await idem.execute(call({ p: 1 }), async () => ({ statusCode: 201, body: 'ok' }))
    const err = await caught(idem.execute(call({ p: 2 }), async () => ({ statusCode: 201, body: 'other' })))
    expect(err.statusCode).toBe(422)
    expect(err.code).toBe('UNPROCESSABLE')
  })

  it('keeps households and scopes apart', async () => {
    const s = store()
    const orders = new Idempotency(s, { scope: 'order' })
    const topups = new Idempotency(s, { scope: 'topup' })
    const a = await orders.execute(call({ p: 1 }, KEY, 'C00000001'), async () => ({ statusCode: 201, body: 'a' }))
    const b = await orders.execute(call({ p: 2 }, KEY, 'C00000002'), async () => ({ statusCode: 201, body: 'b' }))
    const c = await topups.execute(call({ p: 1 }, KEY, 'C00000001'), async () => ({ statusCode: 201, body: 'c' }))
    expect([a.body, b.body, c.body]).toEqual(['"a"', '"b"', '"c"'])
    expect([a.replayed, b.replayed, c.replayed]).toEqual([false, false, false])
  })

  it('lets concurrent duplicates wait for the first answer instead of running again', async () => {
    const idem = new Idempotency(store(), { scope: 'order', waitMs: 2_000, pollMs: 5 })
    let runs = 0
    const work = async () => {
      runs++
      await new Promise((r) => setTimeout(r, 50))
      return { statusCode: 201, body: { order: 'X' } }
    }
    const all = await Promise.all(Array.from({ length: 20 }, () => idem.execute(call({ p: 1 }), work)))
    expect(runs).toBe(1)
    expect(all.filter((r) => !r.replayed)).toHaveLength(1)
    expect(new Set(all.map((r) => `${r.statusCode} ${r.body}`))).toEqual(new Set(['201 {"order":"X"}']))
  })

  it('answers 409 to a duplicate when the first outlasts the wait', async () => {
    const idem = new Idempotency(store(), { scope: 'order', waitMs: 30, pollMs: 5 })
    let release!: () => void
    const first = idem.execute(
      call({ p: 1 }),
      () =>
        new Promise((r) => {
          release = () => r({ statusCode: 201, body: 1 })
        }),
    )
    await new Promise((r) => setTimeout(r, 5))
    const err = await caught(idem.execute(call({ p: 1 }), async () => ({ statusCode: 201, body: 2 })))
    expect(err.statusCode).toBe(409)
    expect(err.retryAfter).toBe(1)
    release()
    expect((await first).body).toBe('1')
  })

  it('releases the key when the work throws, so the same key may try again', async () => {
    const idem = new Idempotency(store(), { scope: 'order' })
    const refused = idem.execute(call({ p: 1 }), async () => {
      throw new ApiError(402, 'INSUFFICIENT_BALANCE', 'top up')
    })
    expect((await caught(refused)).statusCode).toBe(402)
    const retry = await idem.execute(call({ p: 1 }), async () => ({ statusCode: 201, body: 'now' }))
    expect(retry).toEqual({ statusCode: 201, body: '"now"', replayed: false })
  })

  it('stores an error answer the work returns (it happened) and replays it', async () => {
    const idem = new Idempotency(store(), { scope: 'order' })
    await idem.execute(call({ p: 1 }), async () => ({ statusCode: 202, body: { status: 'processing' } }))
    let ran = false
    const again = await idem.execute(call({ p: 1 }), async () => {
      ran = true
      return { statusCode: 201, body: 'x' }
    })
    expect(again.statusCode).toBe(202)
    expect(ran).toBe(false)
  })
})

describe('idempotency helpers', () => {
  it('fingerprints by content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}')
    expect(fingerprint('s', { a: 1, b: 2 })).toBe(fingerprint('s', { b: 2, a: 1 }))
    expect(fingerprint('s', { a: 1 })).not.toBe(fingerprint('t', { a: 1 }))
    expect(fingerprint('s', { a: 1 })).not.toBe(fingerprint('s', { a: 2 }))
  })

  it('derives a stable BOSS serial per household and key', () => {
    const a = stableRef('TVO', 'C00000001', KEY)
    expect(a).toMatch(/^TVO[0-9A-F]{40}$/)
    expect(stableRef('TVO', 'C00000001', KEY)).toBe(a)
    expect(stableRef('TVO', 'C00000002', KEY)).not.toBe(a)
    expect(stableRef('TVO', 'C00000001', KEY + 'x')).not.toBe(a)
  })
})

describe('createIdempotency on fastify', () => {
  it('reads the header, scopes by the token household and marks replays', async () => {
    const app = Fastify()
    const idem = createIdempotency(store(), { scope: 'test' })
    let runs = 0
    app.post('/x', async (request, reply) => {
      request.customer = { customerId: String(request.headers['x-cust']) } as never
      return idem.run(request, reply, { material: request.body }, async () => ({
        statusCode: 201,
        body: { runs: ++runs },
      }))
    })
    const post = (key: string | undefined, cust = 'C00000001') =>
      app.inject({
        method: 'POST',
        url: '/x',
        payload: { a: 1 },
        headers: { 'x-cust': cust, ...(key ? { 'idempotency-key': key } : {}) },
      })
    const first = await post(KEY)
    const second = await post(KEY)
    const other = await post(KEY, 'C00000002')
    expect([first.statusCode, first.body, first.headers['idempotent-replayed']]).toEqual([201, '{"runs":1}', undefined])
    expect([second.statusCode, second.body, second.headers['idempotent-replayed']]).toEqual([201, '{"runs":1}', 'true'])
    expect(other.body).toBe('{"runs":2}')
    expect((await post(undefined)).statusCode).toBe(400)
    await app.close()
  })
})
