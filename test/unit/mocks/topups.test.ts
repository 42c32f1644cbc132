import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import { Account, ErrorBody, Topup } from '../../../src/contract/index.ts'
import { scenarioNames, type ScenarioName } from '../../../mocks/scenarios.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'
import { MOCK_QR_PAID_AFTER_S } from '../../../mocks/topups.ts'
import { call, login, useScenario } from './mockClient.ts'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

/** A clock the test moves: the QR payment completes by itself after a few seconds of polling. */
function clock() {
  let t = new Date('2026-11-22T12:15:00Z').getTime()
  return {
    now: () => new Date(t),
    advance: (s: number) => {
      t += s * 1000
    },
  }
}

let n = 0
const post = (path: string, token: string, body: unknown, key: string | null = `unit-key-${++n}`) =>
  call(path, {
    method: 'POST',
    token,
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify(body),
  })

const ok = (schema: typeof Topup | typeof Account, body: unknown) => expect(schemaErrors(schema, body)).toEqual([])
const refused = (res: { status: number; body: unknown }, status: number, code: string) => {
  expect(res.status).toBe(status)
  expect(schemaErrors(ErrorBody, res.body)).toEqual([])
  expect((res.body as ErrorBody).error.code).toBe(code)
}

const live = scenarioNames.filter((s) => s !== 'boss-down' && s !== 'slow')

describe('mocked top-ups', () => {
  it.each(live)(
    '%s: a QR top-up is pending, then pays itself; the account shows the money',
    async (scenario: ScenarioName) => {
      const c = clock()
      useScenario(server, scenario, { now: c.now })
      const token = await login()
      const before = (await call('/api/v1/account', { token })).body as Account
      const created = await post('/api/v1/topups/qr', token, { amountFen: before.arrearsFen || 5000 })
      expect(created.status).toBe(201)
      ok(Topup, created.body)
      expect(created.body).toMatchObject({ status: 'pending', qr: { expiresInSeconds: 300 } })
      c.advance(MOCK_QR_PAID_AFTER_S - 1)
      expect((await call(`/api/v1/topups/${created.body.topupId}`, { token })).body.status).toBe('pending')
      c.advance(1)
      const done = await call(`/api/v1/topups/${created.body.topupId}`, { token })
      ok(Topup, done.body)
      expect(done.body).toMatchObject({ status: 'succeeded', qr: null })
      const after = (await call('/api/v1/account', { token })).body as Account
      ok(Account, after)
      expect(done.body.account).toEqual({
        balanceFen: after.balanceFen,
        arrearsFen: after.arrearsFen,
        status: after.status,
      })
      expect(after.arrearsFen).toBe(0)
      expect(after.status).toBe('normal')
      expect(after.balanceFen).toBe(before.arrearsFen ? before.balanceFen : before.balanceFen + 5000)
      // Polling again credits nothing more.
      await call(`/api/v1/topups/${created.body.topupId}`, { token })
      expect((await call('/api/v1/account', { token })).body.balanceFen).toBe(after.balanceFen)
    },
  )

  it('redeems a demo card once, replays its key, and says "used" the second time', async () => {
    useScenario(server, 'arrears', { now: clock().now })
    const token = await login()
    const before = (await call('/api/v1/account', { token })).body as Account
    const first = await post(
      '/api/v1/topups/card',
      token,
      { cardNo: '9100000000000006', password: '1357924' },
      'card-key-0001',
    )
    expect(first.status).toBe(200)
    ok(Topup, first.body)
    expect(first.body).toMatchObject({ status: 'succeeded', amountFen: 30000, cardNoMasked: '9100********0006' })
    expect(first.body.account.arrearsFen).toBe(Math.max(0, before.arrearsFen - 30000))
    const replay = await post(
      '/api/v1/topups/card',
      token,
      { cardNo: '9100000000000006', password: '1357924' },
      'card-key-0001',
    )
    expect(replay.body).toEqual(first.body)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000006', password: '1357924' }),
      409,
      'CARD_USED',
    )
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000001', password: '12345678' }, 'card-key-0001'),
      422,
      'UNPROCESSABLE',
    )
    expect((await call(`/api/v1/topups/${first.body.topupId}`, { token })).body.cardNoMasked).toBe('9100********0006')
  })

  it("gives the demo cards the stub's outcomes, district included", async () => {
    useScenario(server, 'arrears', { now: clock().now }) // 秦淮区: the 玄武区 card is not allowed
    const token = await login()
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000002', password: '246810' }),
      422,
      'CARD_NOT_ALLOWED',
    )
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000003', password: '12345678' }),
      409,
      'CARD_USED',
    )
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000004', password: '12345678' }),
      422,
      'CARD_EXPIRED',
    )
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000005', password: '12345678' }),
      422,
      'CARD_NOT_ALLOWED',
    )
    useScenario(server, 'normal', { now: clock().now }) // 玄武区
    const mine = await post('/api/v1/topups/card', await login(), { cardNo: '9100000000000002', password: '246810' })
    expect(mine.status).toBe(200)
  })

  it('locks card top-up after 5 wrong cards, with retryAfter, until the lock runs out', async () => {
    const c = clock()
    useScenario(server, 'normal', { now: c.now })
    const token = await login()
    const left: number[] = []
    for (let i = 0; i < 4; i++)
      left.push(
        (await post('/api/v1/topups/card', token, { cardNo: '9100000000000001', password: '00000000' })).body.error
          .attemptsLeft,
      )
    expect(left).toEqual([4, 3, 2, 1])
    const locked = await post('/api/v1/topups/card', token, { cardNo: '9100000000000001', password: '00000000' })
    refused(locked, 429, 'LOCKED')
    expect(locked.body.error.retryAfter).toBe(900)
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000001', password: '12345678' }),
      429,
      'LOCKED',
    )
    c.advance(901)
    expect(
      (await post('/api/v1/topups/card', await login(), { cardNo: '9100000000000001', password: '12345678' })).status,
    ).toBe(200)
  })

  it.each([
    ['no key', '/api/v1/topups/qr', { amountFen: 5000 }, null],
    ['a zero amount', '/api/v1/topups/qr', { amountFen: 0 }, 'k-12345678'],
    ['a fractional amount', '/api/v1/topups/qr', { amountFen: 1.5 }, 'k-12345678'],
    ['a huge amount', '/api/v1/topups/qr', { amountFen: 1e9 }, 'k-12345678'],
    ['letters in a card', '/api/v1/topups/card', { cardNo: '9100abcd00000001', password: '12345678' }, 'k-12345678'],
  ])('answers 400 for %s', async (_what, path, body, key) => {
    useScenario(server, 'normal', { now: clock().now })
    refused(await post(path, await login(), body, key), 400, 'BAD_REQUEST')
  })

  it("answers 503 in the boss-down scenario and 404 for another household's top-up", async () => {
    useScenario(server, 'boss-down', { now: clock().now })
    const token = await login()
    refused(await post('/api/v1/topups/qr', token, { amountFen: 5000 }), 503, 'BOSS_UNAVAILABLE')
    refused(
      await post('/api/v1/topups/card', token, { cardNo: '9100000000000001', password: '12345678' }),
      503,
      'BOSS_UNAVAILABLE',
    )
    useScenario(server, 'normal', { now: clock().now })
    const mine = await post('/api/v1/topups/qr', await login(), { amountFen: 5000 })
    const other = await login({ deviceId: 'STB0000000002', cardNo: '8100000000000002' })
    refused(await call(`/api/v1/topups/${mine.body.topupId}`, { token: other }), 404, 'NOT_FOUND')
  })
})
