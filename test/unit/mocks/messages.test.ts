import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import { MessageListResponse, ServiceInfo } from '../../../src/contract/index.ts'
import { scenarioNames } from '../../../mocks/scenarios.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'
import { call, login, useScenario } from './mockClient.ts'

const server = setupServer()
const now = new Date('2026-11-22T12:15:00Z')
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('message mocks', () => {
  for (const scenario of scenarioNames.filter((s) => s !== 'boss-down' && s !== 'slow')) {
    it(`${scenario}: messages match the contract, with a boot notice exactly when the account is behind`, async () => {
      useScenario(server, scenario, { now: () => now })
      const token = await login()
      const res = await call('/api/v1/messages', { token })
      expect(res.status).toBe(200)
      expect(schemaErrors(MessageListResponse, res.body)).toEqual([])
      const list = res.body as MessageListResponse
      const account = (await call('/api/v1/account', { token })).body
      const boot = list.items.filter((m) => m.bootNotice)
      expect(boot.length).toBe(account.status === 'normal' ? 0 : 1)
      for (const m of list.items.filter((x) => x.kind === 'arrears' || x.kind === 'suspension'))
        expect(m.arrears!.amountFen).toBe(account.arrearsFen)
    })
  }

  it('boss-down: messages answer 503, the service information still answers', async () => {
    useScenario(server, 'boss-down', { now: () => now })
    const token = await login()
    expect((await call('/api/v1/messages', { token })).status).toBe(503)
    const info = await call('/api/v1/service-info')
    expect(info.status).toBe(200)
    expect(schemaErrors(ServiceInfo, info.body)).toEqual([])
  })

  it('remembers a read for the handler set, per box', async () => {
    useScenario(server, 'arrears', { now: () => now })
    const token = await login()
    const before = (await call('/api/v1/messages', { token })).body as MessageListResponse
    const boot = before.items.find((m) => m.bootNotice)!
    expect(
      (
        await call(`/api/v1/messages/${boot.id}/read`, {
          method: 'POST',
          token,
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(200)
    const after = (await call('/api/v1/messages', { token })).body as MessageListResponse
    expect(after.unreadCount).toBe(before.unreadCount - 1)
    expect(after.items.some((m) => m.bootNotice)).toBe(false)
  })
})
