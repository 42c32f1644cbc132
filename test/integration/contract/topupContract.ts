import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Topup, TopupPath } from '../../../src/contract/index.ts'
import { expectError, expectOk, openSession, send, type Answer, type ContractTarget } from './contractClient.ts'

/**
 * Top-ups as behaviour, against the mocks and the real BFF alike. Nothing here moves money: the
 * refused cards are the demo cards every target knows (used, expired, another city, a wrong password),
 * and the QR codes created are never paid.
 */
const key = () => `contract-${randomUUID()}`

function post(
  t: ContractTarget,
  path: string,
  token: string,
  body: unknown,
  idemKey: string | null = key(),
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (idemKey !== null) headers['Idempotency-Key'] = idemKey
  return send(t, path, { method: 'POST', token, headers, body: JSON.stringify(body) })
}

export function describeTopupContract(getTarget: () => ContractTarget): void {
  describe('top-ups', () => {
    it('answers 400 without an Idempotency-Key, or with a malformed one', async () => {
      const t = getTarget()
      const token = await openSession(t)
      expectError(await post(t, TopupPath.qr, token, { amountFen: 5000 }, null), 400, 'BAD_REQUEST', 'no key')
      expectError(await post(t, TopupPath.qr, token, { amountFen: 5000 }, 'short'), 400, 'BAD_REQUEST', 'short key')
      expectError(
        await post(t, TopupPath.card, token, { cardNo: '9100000000000003', password: '12345678' }, null),
        400,
        'BAD_REQUEST',
        'card, no key',
      )
    })

    it.each([
      ['used', '9100000000000003', '12345678', 409, 'CARD_USED'],
      ['expired', '9100000000000004', '12345678', 422, 'CARD_EXPIRED'],
      ['of another city', '9100000000000005', '12345678', 422, 'CARD_NOT_ALLOWED'],
    ] as const)('refuses a card that is %s', async (_what, cardNo, password, status, code) => {
      const t = getTarget()
      expectError(await post(t, TopupPath.card, await openSession(t), { cardNo, password }), status, code, cardNo)
    })

    it('refuses a wrong password with 422 CARD_INVALID and the attempts left before the lock', async () => {
      const t = getTarget()
      const res = await post(t, TopupPath.card, await openSession(t), {
        cardNo: '9100000000000001',
        password: '99999999',
      })
      expectError(res, 422, 'CARD_INVALID', 'wrong password')
      expect(res.body.error.attemptsLeft).toBeGreaterThanOrEqual(0)
      expect(res.body.error.attemptsLeft).toBeLessThan(5)
    })

    it.each([
      ['letters', { cardNo: '9100A00000000001', password: '12345678' }],
      ['15 digits', { cardNo: '910000000000001', password: '12345678' }],
      ['an overlong number', { cardNo: '9'.repeat(300), password: '12345678' }],
      ['a short password', { cardNo: '9100000000000001', password: '123' }],
      ['an extra field', { cardNo: '9100000000000001', password: '12345678', customerId: 'C00000002' }],
    ])('answers 400 for a card with %s', async (_what, body) => {
      const t = getTarget()
      const res = await post(t, TopupPath.card, await openSession(t), body)
      expectError(res, 400, 'BAD_REQUEST', JSON.stringify(body).slice(0, 60))
      expect(res.body.error.message).toMatch(/body/)
    })

    it.each([[0], [-100], [10.5], [500_001], ['5000']])('answers 400 for the amount %s', async (amountFen) => {
      const t = getTarget()
      expectError(
        await post(t, TopupPath.qr, await openSession(t), { amountFen }),
        400,
        'BAD_REQUEST',
        String(amountFen),
      )
    })

    it('creates a pending QR top-up, reads it back, replays the same key, refuses the key with another amount', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const k = key()
      const created = await post(t, TopupPath.qr, token, { amountFen: 5000 }, k)
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      expectOk(Topup, { ...created, status: 200 }, 'qr created')
      expect(created.body).toMatchObject({ method: 'qr', status: 'pending', amountFen: 5000 })
      expect(created.body.qr.payUrl).toMatch(/^https?:\/\//)
      const read = await send(t, `/api/v1/topups/${created.body.topupId}`, { token })
      expectOk(Topup, read, 'qr read')
      expect(read.body.topupId).toBe(created.body.topupId)
      const replay = await post(t, TopupPath.qr, token, { amountFen: 5000 }, k)
      expect(replay.status).toBe(201)
      expect(replay.body).toEqual(created.body)
      expectError(
        await post(t, TopupPath.qr, token, { amountFen: 6000 }, k),
        422,
        'UNPROCESSABLE',
        'same key, other amount',
      )
    })

    it('answers 404 for an unknown top-up and 400 for a malformed id', async () => {
      const t = getTarget()
      const token = await openSession(t)
      expectError(await send(t, `/api/v1/topups/TQ${'0'.repeat(40)}`, { token }), 404, 'NOT_FOUND', 'unknown')
      expectError(await send(t, '/api/v1/topups/bad!id', { token }), 400, 'BAD_REQUEST', 'malformed')
    })

    it('answers 401 without a token', async () => {
      const t = getTarget()
      expectError(
        await send(t, TopupPath.qr, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key() },
          body: '{"amountFen":5000}',
        }),
        401,
        'UNAUTHORIZED',
        'no token',
      )
    })

    it('answers 503 BOSS_UNAVAILABLE while the BOSS is down', async (ctx) => {
      const t = getTarget()
      if (!t.setBossDown) return ctx.skip()
      const token = await openSession(t)
      await t.setBossDown(true)
      try {
        const res = await post(t, TopupPath.qr, token, { amountFen: 5000 })
        expectError(res, 503, 'BOSS_UNAVAILABLE', 'qr while down')
        expect(res.body.error.retryAfter).toBeGreaterThan(0)
        expectError(
          await post(t, TopupPath.card, token, { cardNo: '9100000000000003', password: '12345678' }),
          503,
          'BOSS_UNAVAILABLE',
          'card while down',
        )
      } finally {
        await t.setBossDown(false)
      }
    })
  })
}
