import { describe, expect, it } from 'vitest'
import { Account, BillDetail, BillIdParams, BillSummary, Payment } from '../../../src/contract/index.ts'
import type { TSchema } from '@sinclair/typebox'
import { toSummary } from '../../../mocks/fixtures/bills.ts'
import { mockDemoDevices } from '../../../mocks/fixtures/households.ts'
import { householdData, scenarioNames, scenarios } from '../../../mocks/scenarios.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'

// Instants chosen to trip time-zone and calendar mistakes: UTC still on Dec 31 while Beijing
// is on Jan 1; a leap day; an ordinary mid-month evening.
const instants = [new Date('2026-12-31T16:30:00Z'), new Date('2028-02-29T03:00:00Z'), new Date('2026-11-22T12:15:00Z')]

const expectValid = (schema: TSchema, value: unknown, what: string): void => {
  expect(schemaErrors(schema, value), `${what} breaks the contract`).toEqual([])
}

const isRealDate = (iso: string): boolean => new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso

/** Beijing `YYYY-MM` of an instant, computed independently of the fixtures' helpers. */
const beijingMonth = (d: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(d)

describe.each(scenarioNames)('scenario %s', (scenario) => {
  describe.each(instants.map((now) => [now.toISOString(), now] as const))('at %s', (_label, now) => {
    const households = mockDemoDevices.map((device) => ({ device, data: householdData(scenario, device, now) }))

    it('validates every fixture against the contract schemas', () => {
      for (const { device, data } of households) {
        expectValid(Account, data.account, `${device.deviceId} account`)
        for (const bill of data.bills) {
          expectValid(BillDetail, bill, `bill ${bill.billId}`)
          expectValid(BillSummary, toSummary(bill), `summary of ${bill.billId}`)
          expectValid(BillIdParams, { billId: bill.billId }, `id of ${bill.billId}`)
        }
        for (const payment of data.payments) expectValid(Payment, payment, `payment ${payment.paymentId}`)
      }
    })

    it('keeps bill totals equal to the sum of their lines and paid amounts consistent with status', () => {
      for (const { data } of households) {
        for (const bill of data.bills) {
          expect(bill.lines.length).toBeGreaterThan(0)
          expect(bill.totalFen).toBe(bill.lines.reduce((sum, l) => sum + l.amountFen, 0))
          const fullyPaid = bill.paidFen === bill.totalFen
          expect(fullyPaid, `${bill.billId} ${bill.status}`).toBe(bill.status === 'settled')
          if (bill.status === 'unpaid') expect(bill.paidFen).toBe(0)
          if (bill.status === 'partial') expect(bill.paidFen).toBeGreaterThan(0)
          for (const line of bill.lines)
            expect(line.amountFen < 0).toBe(line.kind === 'discount' || line.kind === 'adjustment')
        }
      }
    })

    it('owes exactly what its open bills leave unpaid', () => {
      for (const { data } of households) {
        const open = data.bills.reduce((sum, b) => sum + b.totalFen - b.paidFen, 0)
        expect(data.account.arrearsFen).toBe(open)
        expect(data.account.arrearsFen > 0).toBe(data.account.status !== 'normal')
      }
    })

    it('dates everything relative to now, in Beijing time, newest first', () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
      for (const { device, data } of households) {
        const { account, bills, payments } = data
        expect(account.asOf).toMatch(/\+08:00$/)
        expect(Date.parse(account.asOf)).toBe(Math.floor(now.getTime() / 1000) * 1000)
        for (const bill of bills) {
          for (const d of [bill.dueDate, bill.periodStart, bill.periodEnd]) expect(isRealDate(d), d).toBe(true)
          expect(bill.periodStart.slice(0, 7)).toBe(bill.month)
          expect(bill.periodEnd.slice(0, 7)).toBe(bill.month)
          expect(bill.dueDate > bill.periodEnd).toBe(true)
          expect(bill.billId).toContain(device.customerId)
        }
        if (bills.length > 0) expect(bills[0].month < beijingMonth(now)).toBe(true)
        expect(bills.map((b) => b.month)).toEqual([...new Set(bills.map((b) => b.month))].sort().reverse())
        const paidAt = payments.map((p) => Date.parse(p.paidAt))
        for (const p of payments) expect(p.paidAt).toMatch(/\+08:00$/)
        for (const t of paidAt) expect(t).toBeLessThanOrEqual(now.getTime())
        expect(paidAt).toEqual([...paidAt].sort((a, b) => b - a))
        expect(new Set(payments.map((p) => p.paymentId)).size).toBe(payments.length)
        if (account.suspendOn) expect(account.suspendOn > today).toBe(true)
        if (account.suspendedSince) expect(Date.parse(account.suspendedSince)).toBeLessThan(now.getTime())
        if (account.nextDeduction) expect(account.nextDeduction.date > today).toBe(true)
      }
    })

    it('is deterministic for the same instant', () => {
      for (const { device, data } of households) expect(householdData(scenario, device, now)).toEqual(data)
    })
  })

  it('shows each box its own household', () => {
    const now = instants[2]
    const [first, second] = mockDemoDevices.map((device) => ({ device, data: householdData(scenario, device, now) }))
    expect(first.data.account.customerId).toBe(first.device.customerId)
    expect(second.data.account.customerId).toBe(second.device.customerId)
    for (const { device, data } of [first, second]) {
      expect(data.account.cardNoMasked).toBe(`${device.cardNo.slice(0, 4)}********${device.cardNo.slice(-4)}`)
    }
    const firstIds = new Set(first.data.bills.map((b) => b.billId))
    expect(second.data.bills.some((b) => firstIds.has(b.billId))).toBe(false)
  })
})

describe('scenario shapes', () => {
  const now = instants[2]
  const of = (name: (typeof scenarioNames)[number]) => householdData(name, mockDemoDevices[0], now)

  it('gives a regular customer a year of itemised bills and payments', () => {
    const { bills, payments, account } = of('normal')
    expect(bills).toHaveLength(12)
    expect(payments.length).toBeGreaterThanOrEqual(11)
    expect(account.status).toBe('normal')
    const kinds = new Set(bills.flatMap((b) => b.lines.map((l) => l.kind)))
    expect([...kinds].sort()).toEqual(['adjustment', 'discount', 'maintenance', 'other', 'package', 'ppv'])
    expect(new Set(payments.map((p) => p.channel)).size).toBeGreaterThanOrEqual(4)
    expect(new Set(bills.map((b) => b.totalFen)).size).toBeGreaterThan(3)
  })

  it('puts arrears, suspension and low balance where the scenario names say', () => {
    expect(of('arrears').account).toMatchObject({ status: 'arrears', suspendedSince: null })
    expect(of('arrears').account.suspendOn).not.toBeNull()
    expect(of('suspended').account).toMatchObject({ status: 'suspended', suspendOn: null, nextDeduction: null })
    expect(of('suspended').account.suspendedSince).not.toBeNull()
    const low = of('low-balance').account
    expect(low.lowBalance).toBe(true)
    expect(low.balanceFen).toBeLessThan(low.nextDeduction?.amountFen ?? 0)
  })

  it('gives a new customer no bills and no payments', () => {
    expect(of('empty').bills).toEqual([])
    expect(of('empty').payments).toEqual([])
  })

  it('serves normal data in boss-down and slow, changing only behaviour', () => {
    expect(of('slow')).toEqual(of('normal'))
    expect(scenarios.slow.delayMs).toBeGreaterThan(300)
    expect(scenarios['boss-down'].bossDown).toBe(true)
  })
})
