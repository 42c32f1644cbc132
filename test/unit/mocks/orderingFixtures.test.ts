import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TSchema } from '@sinclair/typebox'
import {
  OrderQuote,
  ProductDetail,
  ProductIdParams,
  ProductListResponse,
  SpendingLimit,
  Subscription,
  SubscriptionIdParams,
} from '../../../src/contract/index.ts'
import { mockDemoDevices } from '../../../mocks/fixtures/households.ts'
import { mockProducts, productCategories, toSummaryFields } from '../../../mocks/fixtures/products.ts'
import { profiles } from '../../../mocks/fixtures/profiles.ts'
import { badgeFor, toSubscription } from '../../../mocks/fixtures/subscriptions.ts'
import { createOrderLedger } from '../../../mocks/orderLedger.ts'
import { householdData, scenarioNames, scenarios } from '../../../mocks/scenarios.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'

// Year ends (UTC vs Beijing), a leap day, an ordinary evening, and the last days of a 31-day month.
const instants = [
  new Date('2026-12-31T16:30:00Z'),
  new Date('2028-02-29T03:00:00Z'),
  new Date('2026-11-22T12:15:00Z'),
  new Date('2027-01-30T10:00:00Z'),
]

const expectValid = (schema: TSchema, value: unknown, what: string): void => {
  expect(schemaErrors(schema, value), `${what} breaks the contract`).toEqual([])
}

/** Beijing calendar date, computed independently of the fixtures' helpers. */
const beijingDay = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d)

describe('catalogue fixture', () => {
  const stub = JSON.parse(readFileSync(new URL('../../../boss-stub/data/catalogue.json', import.meta.url), 'utf8')) as {
    products: { prodId: string; name: string; prices: Record<string, number>; channels: string[] }[]
  }

  it('has the boss-stub catalogue: same products, names, prices per period and channels, in its order', () => {
    expect(mockProducts.map((p) => p.productId)).toEqual(stub.products.map((p) => p.prodId))
    for (const [i, p] of mockProducts.entries()) {
      const s = stub.products[i]
      expect(p.name).toBe(s.name)
      expect(Object.fromEntries(p.prices.map((x) => [String(x.periodMonths), x.priceFen]))).toEqual(s.prices)
      expect(p.channels.map((c) => c.name)).toEqual(s.channels)
      expect(p.channelCount).toBe(s.channels.length)
      for (const price of p.prices) expect(Number.isInteger(price.priceFen)).toBe(true)
      expect(p.prices.map((x) => x.periodMonths)).toEqual(
        [...p.prices.map((x) => x.periodMonths)].sort((a, b) => a - b),
      )
      expectValid(ProductIdParams, { productId: p.productId }, `${p.productId} id`)
    }
  })

  it('lists exclusions both ways and categories with their counts', () => {
    for (const p of mockProducts)
      for (const other of p.excludes)
        expect(mockProducts.find((x) => x.productId === other)?.excludes).toContain(p.productId)
    expect(mockProducts.find((p) => p.productId === 'P_HD')?.excludes).toEqual(['P_4K'])
    const counts = productCategories()
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(mockProducts.length)
    expect(new Set(counts.map((c) => c.id)).size).toBe(counts.length)
    const maintenance = mockProducts.filter((p) => p.kind === 'maintenance')
    expect(maintenance.map((p) => [p.productId, p.orderable])).toEqual([['P_BASIC', false]])
  })
})

describe.each(scenarioNames)('scenario %s', (scenario) => {
  describe.each(instants.map((now) => [now.toISOString(), now] as const))('at %s', (_label, now) => {
    const ledger = createOrderLedger()
    const today = beijingDay(now)
    const households = mockDemoDevices.map((device) => ({
      device,
      h: { profile: profiles[scenarios[scenario].profile], account: householdData(scenario, device, now).account, now },
    }))

    it('validates catalogue, subscriptions, spending limit and every quote against the contract', () => {
      for (const { device, h } of households) {
        const holdings = ledger.holdings(h)
        const list: ProductListResponse = {
          categories: productCategories(),
          items: mockProducts.map((p) => ({ ...toSummaryFields(p), ...badgeFor(p.productId, holdings, today) })),
        }
        expectValid(ProductListResponse, list, `${device.deviceId} catalogue`)
        for (const p of mockProducts) {
          expectValid(ProductDetail, { ...p, ...badgeFor(p.productId, holdings, today) }, `${p.productId} detail`)
          for (const { periodMonths } of p.prices) {
            const quote = ledger.check(h, p.productId, periodMonths)
            if (quote instanceof Response) throw new Error(`${p.productId} ${periodMonths}: ${quote.status}`)
            expectValid(
              OrderQuote,
              {
                ...quote,
                shortfallFen: Math.max(0, -quote.balanceAfterFen),
                autoRenewDefault: false,
                canOrder: quote.conflicts.length === 0,
              },
              `quote ${p.productId}`,
            )
          }
        }
        for (const x of holdings) {
          expectValid(Subscription, toSubscription(x, today), `subscription ${x.subscriptionId}`)
          expectValid(SubscriptionIdParams, { subscriptionId: x.subscriptionId }, `id ${x.subscriptionId}`)
        }
        expectValid(SpendingLimit, ledger.spendingLimit(h), `${device.deviceId} limit`)
      }
    })

    it('dates subscriptions around today: live ones end today or later, expired ones before; live first by expiry', () => {
      for (const { h } of households) {
        const subs = ledger.holdings(h).map((x) => toSubscription(x, today))
        expect(subs.filter((s) => s.productId === 'P_BASIC')).toHaveLength(1)
        for (const s of subs) {
          expect(s.startDate <= s.expiryDate, s.subscriptionId).toBe(true)
          if (s.status === 'expired') expect(s.expiryDate < today).toBe(true)
          if (s.status === 'active' || s.status === 'expiring') expect(s.expiryDate >= today).toBe(true)
          if (s.status === 'expiring') expect(s.daysLeft).toBeLessThanOrEqual(7)
          expect(s.status === 'suspended').toBe(h.account.status === 'suspended')
        }
        const live = subs.filter((s) => s.status !== 'expired')
        expect(live.map((s) => s.expiryDate)).toEqual([...live.map((s) => s.expiryDate)].sort())
        expect(subs.slice(0, live.length)).toEqual(live)
      }
    })
  })
})

describe('what the scenarios hold', () => {
  const now = new Date('2026-11-22T12:15:00Z')
  const subsOf = (scenario: (typeof scenarioNames)[number]) => {
    const h = {
      profile: profiles[scenarios[scenario].profile],
      account: householdData(scenario, mockDemoDevices[0], now).account,
      now,
    }
    return createOrderLedger()
      .holdings(h)
      .map((x) => toSubscription(x, '2026-11-22'))
  }

  it('gives the everyday household packages that renew, one expiring within 7 days and one that ended', () => {
    const subs = subsOf('normal')
    expect(subs.filter((s) => s.status === 'expiring').map((s) => s.productId)).toEqual(['P_DOC'])
    expect(subs.find((s) => s.productId === 'P_HD')).toMatchObject({
      status: 'active',
      autoRenew: true,
      expiryDate: '2026-11-30',
      canStopAutoRenew: true,
    })
    expect(subs.find((s) => s.productId === 'P_SPORTS')?.status).toBe('expired')
  })

  it("stops a suspended household's subscriptions the day before the stop, and a new one holds only the base fee", () => {
    const suspended = subsOf('suspended').filter((s) => s.status !== 'expired')
    expect(new Set(suspended.map((s) => s.status))).toEqual(new Set(['suspended']))
    expect(new Set(suspended.map((s) => s.expiryDate))).toEqual(new Set(['2026-11-18']))
    expect(subsOf('empty').map((s) => s.productId)).toEqual(['P_BASIC'])
  })
})
