import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/routes.ts'
import { api, bff, login, loose, startStack, type Stack } from '../harness.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const bossAccount = async (customerId: string) =>
  (await (await fetch(`${stack.bossUrl}/admin/accounts/${customerId}`)).json()) as Record<string, any>

describe('GET /api/v1/account', () => {
  for (const scenario of ['normal', 'arrears', 'suspended']) {
    it(`matches the BOSS record for the ${scenario} household`, async () => {
      const sub = stack.bySubscriber(scenario)
      const token = await login(stack, sub)
      const res = await loose(bff(stack, routes.account, { token }))
      expect(res.status).toBe(200)
      const boss = await bossAccount(sub.customerId)
      const a = res.body
      expect(a.customerId).toBe(sub.customerId)
      expect(a.customerName).toBe(sub.name)
      expect(a.cardNoMasked).toBe(`${sub.cardNo.slice(0, 4)}********${sub.cardNo.slice(-4)}`)
      expect(a.status).toBe(boss.status)
      expect(a.status).toBe(scenario)
      expect(a.balanceFen).toBe(boss.balanceFen)
      expect(a.arrearsFen).toBe(boss.arrearsFen)
      expect(a.depositFen).toBe(boss.depositFen)
      expect(Number.isInteger(a.balanceFen)).toBe(true)
      expect(a.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
      expect(JSON.stringify(a)).not.toContain(sub.cardNo)
      if (scenario === 'arrears') {
        expect(a.arrearsFen).toBeGreaterThan(0)
        const p = String(boss.planStopDate ?? '')
        expect(a.suspendOn).toBe(p ? `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}` : null)
      }
      if (scenario === 'suspended') {
        expect(a.arrearsFen).toBeGreaterThan(0)
        const t = String(boss.stopTime ?? '')
        expect(a.suspendedSince).toBe(
          t
            ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}+08:00`
            : null,
        )
      }
      if (scenario === 'normal') {
        expect(a.suspendOn).toBeNull()
        expect(a.suspendedSince).toBeNull()
      }
    })
  }

  it('shows the account of the token, whatever the request asks for', async () => {
    const mine = stack.bySubscriber('normal')
    const other = stack.bySubscriber('arrears')
    const token = await login(stack, mine)
    const res = await api(stack, 'GET', `/api/v1/account?customerId=${other.customerId}`, {
      token,
      headers: { 'x-customer-id': other.customerId },
    })
    expect(res.status).toBe(200)
    expect(res.body.customerId).toBe(mine.customerId)
    expect(res.body.customerName).toBe(mine.name)
  })
})
