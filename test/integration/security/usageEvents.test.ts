import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import { api, login, startStack, type Stack } from '../harness.ts'
import { batchOf, newId, operatorAuth, sendBatch, usageStore } from '../usage/helpers.ts'

// Attacks on the usage events route and the operator's reports; each must change nothing in the store.
const READS = 30
let stack: Stack
let store: DuckDbUsageStore
let token: string
beforeAll(async () => {
  stack = await startStack({ bff: { rateLimitReadsPerMinute: READS } })
  store = await usageStore(stack)
  token = await login(stack, stack.bySubscriber('normal'))
})
afterAll(async () => {
  await store?.close()
  await stack?.close()
})

const screen = { type: 'screen', screen: 'home' } as const

async function refusedUnstored(body: unknown, status = 400, raw?: string) {
  const before = await store.count()
  const res =
    raw === undefined
      ? await sendBatch(stack, token, body)
      : await api(stack, 'POST', '/api/v1/usage/events', { token, rawBody: raw })
  expect(res.status).toBe(status)
  expect(res.body.error.code).toBe('BAD_REQUEST')
  expect(await store.count()).toBe(before)
}

describe('usage events: bad batches are refused whole and store nothing', () => {
  it('a batch with one good and one malformed event (no screen name)', async () => {
    await refusedUnstored(batchOf([screen, { type: 'screen' }]))
  })
  it('an event with a field the contract does not have (a PIN slipped in)', async () => {
    await refusedUnstored(batchOf([screen, { ...screen, pin: '123456' } as never]))
  })
  it('free text, a card number or a PIN in a name field', async () => {
    await refusedUnstored(batchOf([{ type: 'error', code: '信号不好 请帮忙' }]))
    await refusedUnstored(batchOf([{ type: 'flow', flow: 'topup', outcome: 'step', step: 'card1234567890123456' }]))
    await refusedUnstored(batchOf([{ type: 'screen', screen: '123456' }]))
    await refusedUnstored(batchOf([{ type: 'screen', screen: 'pin 123456' }]))
  })
  it('more than 50 events, an empty batch, not JSON', async () => {
    await refusedUnstored(batchOf(Array.from({ length: 51 }, () => screen)))
    await refusedUnstored(batchOf([]))
    await refusedUnstored(undefined, 400, '{"batchId": "abcdefgh", "events": [')
  })
  it('a body over the limit is refused before it is read (413, the same as for every call)', async () => {
    const huge = batchOf(Array.from({ length: 50 }, () => screen))
    const raw = JSON.stringify({ ...huge, padding: 'x'.repeat(stack.config.bodyLimit) })
    await refusedUnstored(undefined, 413, raw)
  })
  it('without a box token: 401, nothing stored', async () => {
    const before = await store.count()
    const res = await api(stack, 'POST', '/api/v1/usage/events', { body: batchOf([screen]) })
    expect(res.status).toBe(401)
    expect(await store.count()).toBe(before)
  })
})

describe('usage events: a flood from one box', () => {
  it(`is rate limited like any other call: after ${READS} a minute, 429 and nothing more stored`, async () => {
    const flooder = await login(
      stack,
      stack.subscribers.filter((s) => s.status === 'normal')[2] ?? stack.bySubscriber('normal'),
    )
    const before = await store.count()
    const answers = await Promise.all(
      Array.from({ length: READS + 20 }, () => sendBatch(stack, flooder, batchOf([screen]))),
    )
    const accepted = answers.filter((a) => a.status === 202).length
    expect(accepted).toBeLessThanOrEqual(READS)
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(20)
    expect(answers.find((a) => a.status === 429)!.body.error.code).toBe('RATE_LIMITED')
    expect(await store.count()).toBe(before + accepted)
  })
})

describe('operator reports: only the operator', () => {
  it('a box token, no login or a wrong password get 401', async () => {
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      {},
      { authorization: `Basic ${Buffer.from('operator:guess').toString('base64')}` },
    ]
    for (const headers of attempts) {
      const res = await api(stack, 'GET', '/operator/api/usage/report', { headers })
      expect(res.status).toBe(401)
      expect(JSON.stringify(res.body)).not.toContain('tables')
    }
    const page = await fetch(`${stack.bffUrl}/operator/usage`)
    expect(page.status).toBe(401)
    expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm=/)
  })
  it('guessing the operator password is stopped after 10 tries, the right one included', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await api(stack, 'GET', '/operator/api/usage/report', {
        headers: { authorization: `Basic ${Buffer.from(`operator:${newId()}`).toString('base64')}` },
      })
      expect([401, 429]).toContain(res.status)
    }
    const right = await api(stack, 'GET', '/operator/api/usage/report', { headers: operatorAuth(stack) })
    expect(right.status).toBe(429)
  })
})
