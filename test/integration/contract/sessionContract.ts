import { describe, expect, it } from 'vitest'
import { ApiPath, SessionResponse, type ErrorBody } from '../../../src/contract/index.ts'
import {
  expectConforms,
  expectError,
  expectOk,
  postJson,
  send,
  sessionBody,
  type ContractTarget,
} from './contractClient.ts'

/** A box and card nobody has, different every run so a lock from an earlier run cannot interfere. */
function strangers(): { deviceId: string; cardNo: string } {
  const n = String(Math.floor(Math.random() * 1e8)).padStart(8, '0')
  return { deviceId: `STBGUESS${n}`, cardNo: `81990000${n}` }
}

export function describeSessionContract(getTarget: () => ContractTarget): void {
  describe('session', () => {
    it('opens a session for a demo box and its card', async () => {
      const t = getTarget()
      const res = await postJson(t, ApiPath.session, await sessionBody(t, t.devices[0]))
      expectOk(SessionResponse, res, 'session')
      const lifetimeMs = Date.parse(res.body.expiresAt) - Date.now()
      expect(Math.abs(lifetimeMs - res.body.expiresIn * 1000), 'expiresAt = now + expiresIn').toBeLessThan(10_000)
    })

    it.each([
      ['an empty object', {}],
      ['a missing cardNo', { deviceId: 'STB0000000001' }],
      ['a 15-digit cardNo', { deviceId: 'STB0000000001', cardNo: '810000000000001' }],
      ['a numeric cardNo', { deviceId: 'STB0000000001', cardNo: 8100000000000001 }],
      ['a deviceId with spaces', { deviceId: 'STB 0001', cardNo: '8100000000000001' }],
      ['a 33-character deviceId', { deviceId: 'S'.repeat(33), cardNo: '8100000000000001' }],
      ['an unknown property', { deviceId: 'STB0000000001', cardNo: '8100000000000001', customerId: 'C00000001' }],
      ['an array', [{ deviceId: 'STB0000000001', cardNo: '8100000000000001' }]],
    ])('answers 400 BAD_REQUEST for %s', async (_what, body) => {
      expectError(await postJson(getTarget(), ApiPath.session, body), 400, 'BAD_REQUEST', JSON.stringify(body))
    })

    it.each([
      ['broken JSON', 'application/json', '{"deviceId":'],
      ['an empty JSON body', 'application/json', ''],
      ['a text body', 'text/plain', '{"deviceId":"STB0000000001","cardNo":"8100000000000001"}'],
      ['an XML body', 'application/xml', '<session/>'],
    ])('answers BAD_REQUEST for %s', async (what, type, body) => {
      const res = await send(getTarget(), ApiPath.session, { method: 'POST', headers: { 'Content-Type': type }, body })
      expect([400, 415], `${what}: ${res.status}`).toContain(res.status)
      expectError(res, res.status, 'BAD_REQUEST', what)
    })

    it('answers 401 UNAUTHORIZED for a box and card that do not belong together', async () => {
      const t = getTarget()
      expectError(
        await postJson(t, ApiPath.session, await sessionBody(t, t.devices[0], '8100999999999999')),
        401,
        'UNAUTHORIZED',
        'unknown card',
      )
      if (t.devices[1]) {
        const swapped = await sessionBody(t, t.devices[0], t.devices[1].cardNo)
        expectError(await postJson(t, ApiPath.session, swapped), 401, 'UNAUTHORIZED', 'card of another box')
      }
    })

    it('locks a box out after a few wrong cards, saying how long', async () => {
      const t = getTarget()
      const guess = t.spare ?? strangers()
      let previousLeft = Infinity
      for (let attempt = 1; attempt <= 10; attempt++) {
        const res = await postJson(t, ApiPath.session, await sessionBody(t, guess, strangers().cardNo))
        if (res.status === 401) {
          expectError(res, 401, 'UNAUTHORIZED', `attempt ${attempt}`)
          const left = (res.body as ErrorBody).error.attemptsLeft
          if (left !== undefined) expect(left, 'attemptsLeft counts down').toBeLessThan(previousLeft)
          previousLeft = left ?? previousLeft
          continue
        }
        expectError(res, 429, 'LOCKED', `attempt ${attempt}`)
        expect(attempt, 'not locked at the first miss').toBeGreaterThan(1)
        expect((res.body as ErrorBody).error.retryAfter).toBeGreaterThan(0)
        // The lock is on the box and the card, not on everyone: a real box still gets in.
        expectConforms(
          SessionResponse,
          await postJson(t, ApiPath.session, await sessionBody(t, t.devices[0])),
          'other box',
        )
        return
      }
      expect.fail('ten wrong cards in a row were never locked out')
    })
  })
}
