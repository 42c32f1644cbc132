import { describe, expect, it } from 'vitest'
import { UsagePath } from '../../../src/contract/apiPath.ts'
import { OfferConsent, UsageAccepted } from '../../../src/contract/usage.ts'
import { expectConforms, expectError, openSession, send, type ContractTarget } from './contractClient.ts'

const now = () => new Date().toISOString()
const batch = (events: unknown[]) => ({
  batchId: `b${Date.now().toString(36)}x${Math.random().toString(36).slice(2, 10)}`,
  session: 'contract-session',
  sentAt: now(),
  events,
})
const post = (t: ContractTarget, body: unknown, token?: string) =>
  send(t, UsagePath.events, {
    method: 'POST',
    token,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

const consent = (t: ContractTarget, token: string | undefined, body?: unknown) =>
  send(
    t,
    UsagePath.offerConsent,
    body === undefined
      ? { token }
      : { method: 'PUT', token, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  )

/** The usage events and offer consent routes, the same against the mocks and the real BFF. */
export function describeUsageContract(getTarget: () => ContractTarget): void {
  describe('usage events', () => {
    it('accepts a batch with 202 and the count', async () => {
      const t = getTarget()
      const res = await post(
        t,
        batch([{ id: 'contract-e1', at: now(), type: 'screen', screen: 'home' }]),
        await openSession(t),
      )
      expect(res.status, JSON.stringify(res.body)).toBe(202)
      expectConforms(UsageAccepted, res, 'usage events')
      expect((res.body as UsageAccepted).accepted).toBe(1)
    })
    it('answers 400 to free text in a name and 401 without a token', async () => {
      const t = getTarget()
      const res = await post(
        t,
        batch([{ id: 'contract-e2', at: now(), type: 'error', code: 'pin 123456' }]),
        await openSession(t),
      )
      expectError(res, 400, 'BAD_REQUEST', 'usage free text')
      expectError(
        await post(t, batch([{ id: 'contract-e3', at: now(), type: 'screen', screen: 'home' }])),
        401,
        'UNAUTHORIZED',
        'usage without token',
      )
    })
  })
  describe('offer consent', () => {
    it('says no and yes again, read back as set; 400 to a non-boolean, 401 without a token', async () => {
      const t = getTarget()
      const token = await openSession(t)
      for (const offers of [false, true]) {
        const set = await consent(t, token, { offers })
        expect(set.status, JSON.stringify(set.body)).toBe(200)
        expectConforms(OfferConsent, set, 'offer consent set')
        const read = await consent(t, token)
        expect(read.body).toEqual({ offers })
      }
      expectError(await consent(t, token, { offers: 'no' }), 400, 'BAD_REQUEST', 'offer consent not boolean')
      expectError(await consent(t, undefined), 401, 'UNAUTHORIZED', 'offer consent without token')
    })
  })
}
