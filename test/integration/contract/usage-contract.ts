import { describe, expect, it } from 'vitest'
import { UsageAccepted, UsagePath } from '../../../src/contract/usage.ts'
import { expectConforms, expectError, openSession, send, type ContractTarget } from './contract-client.ts'

const now = () => new Date().toISOString()
const batch = (events: unknown[]) => ({ batchId: `b${Date.now().toString(36)}x${Math.random().toString(36).slice(2, 10)}`, session: 'contract-session', sentAt: now(), events })
const post = (t: ContractTarget, body: unknown, token?: string) =>
  send(t, UsagePath.events, { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

/** The usage events route, the same against the mocks and the real BFF. */
export function describeUsageContract(getTarget: () => ContractTarget): void {
  describe('usage events', () => {
    it('accepts a batch with 202 and the count', async () => {
      const t = getTarget()
      const res = await post(t, batch([{ id: 'contract-e1', at: now(), type: 'screen', screen: 'home' }]), await openSession(t))
      expect(res.status, JSON.stringify(res.body)).toBe(202)
      expectConforms(UsageAccepted, res, 'usage events')
      expect((res.body as UsageAccepted).accepted).toBe(1)
    })
    it('answers 400 to free text in a name and 401 without a token', async () => {
      const t = getTarget()
      const res = await post(t, batch([{ id: 'contract-e2', at: now(), type: 'error', code: 'pin 123456' }]), await openSession(t))
      expectError(res, 400, 'BAD_REQUEST', 'usage free text')
      expectError(await post(t, batch([{ id: 'contract-e3', at: now(), type: 'screen', screen: 'home' }])), 401, 'UNAUTHORIZED', 'usage without token')
    })
  })
}
