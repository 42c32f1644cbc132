import { afterAll, beforeAll } from 'vitest'
import { login, startStack, type Stack } from '../harness.ts'
import type { ContractTarget } from './contractClient.ts'
import { describeContract } from './contractSuite.ts'

// The real BFF in front of the real boss-stub, on loopback: what the mocks must keep agreeing with.
let stack: Stack | undefined
let target: ContractTarget | undefined

beforeAll(async () => {
  const s = await startStack()
  stack = s
  // A household in good standing with a year of history, and another household for the isolation checks.
  const first = s.subscribers.find((sub) => sub.scenario === 'normal') ?? s.subscribers[0]
  const other =
    s.subscribers.find((sub) => sub !== first && sub.status === 'normal') ?? s.subscribers.find((sub) => sub !== first)
  target = {
    baseUrl: s.bffUrl,
    devices: other ? [first, other] : [first],
    spare: s.subscribers.find((sub) => sub !== first && sub !== other && sub.status === 'normal'),
    // Re-signed with the BFF's own key and an issue time one lifetime ago: expired without waiting.
    expiredToken: async () => {
      const { iat: _iat, exp: _exp, ...claims } = s.bff.jwt.decode<Record<string, unknown>>(await login(s, first)) ?? {}
      const issuedAt = Math.floor(Date.now() / 1000) - s.config.tokenTtlSeconds - 60
      return s.bff.jwt.sign({ ...claims, iat: issuedAt } as unknown as Parameters<typeof s.bff.jwt.sign>[0])
    },
    setBossDown: async (down) => (down ? s.setFaults({ down: true }) : s.resetFaults()),
  }
})

afterAll(async () => {
  await stack?.close()
})

describeContract('real BFF + boss-stub', () => {
  if (!target) throw new Error('the stack did not start')
  return target
})
