import { describe, expect, it } from 'vitest'
import type { OrderConflict, OrderResult, Subscription } from '../../../src/contract/index.ts'
import { KEYS } from '../../../src/app/lib/i18nKeys.ts'
import {
  CONFLICT_KEY,
  conflictAction,
  conflictParams,
  minutesFrom,
  orderFailure,
  placeOrder,
  waitForOrder,
} from '../../../src/app/lib/orderFlow.ts'
import { rowPanel, sortSubscriptions, STATUS_KEY, subscriptionActions } from '../../../src/app/lib/subscriptionView.ts'
import { Colors } from '../../../src/app/lib/theme.ts'

const conflict = (code: OrderConflict['code']): OrderConflict => ({
  code,
  message: '',
  productId: null,
  productName: null,
  productNameEn: null,
})

describe('conflicts before the PIN', () => {
  it("names the other product in the viewer's language, in Chinese only when the BOSS gave no English", () => {
    const clash: OrderConflict = {
      ...conflict('MUTUALLY_EXCLUSIVE'),
      productId: 'P_HD',
      productName: '高清包',
      productNameEn: 'HD Pack',
    }
    expect(conflictParams(clash, '', '', 'en').product).toBe('HD Pack')
    expect(conflictParams(clash, '', '', 'zh-CN').product).toBe('高清包')
    expect(conflictParams({ ...clash, productNameEn: null }, '', '', 'en').product).toBe('高清包')
  })

  it('offers a top-up only when money is the sole obstacle', () => {
    expect(conflictAction({ conflicts: [conflict('INSUFFICIENT_BALANCE')] })).toBe('topup')
    expect(conflictAction({ conflicts: [conflict('INSUFFICIENT_BALANCE'), conflict('MUTUALLY_EXCLUSIVE')] })).toBe(
      'back',
    )
    expect(conflictAction({ conflicts: [conflict('OVER_SPENDING_LIMIT')] })).toBe('back')
    expect(conflictAction({ conflicts: [] })).toBe('back')
  })

  it('words every conflict code and rounds lock time up to minutes', () => {
    for (const k of Object.values(CONFLICT_KEY)) expect(KEYS).toContain(k)
    expect(minutesFrom(842)).toBe(15)
    expect(minutesFrom(0)).toBe(1)
  })
})

describe('a refused order', () => {
  it('keeps the PIN open after a wrong PIN or a lost answer, not after a lock or a shortfall', () => {
    expect(orderFailure('WRONG_PIN')).toMatchObject({ retryPin: true })
    // A lost answer may hide a placed order: the screen must not say "nothing was charged" (issue 15, crash mid-order).
    for (const c of ['NETWORK', 'BOSS_TIMEOUT', 'CONFLICT'] as const)
      expect(orderFailure(c)).toMatchObject({ retryPin: true, key: 'order.failed.unknown' })
    expect(orderFailure('BOSS_UNAVAILABLE')).toMatchObject({ retryPin: true, key: 'order.failed.retry' })
    expect(orderFailure('LOCKED')).toMatchObject({ retryPin: false })
    expect(orderFailure('INSUFFICIENT_BALANCE')).toMatchObject({ retryPin: false, topup: true })
    for (const c of ['WRONG_PIN', 'LOCKED', 'PRODUCT_CONFLICT', 'OVER_SPENDING_LIMIT', 'INTERNAL', 'NETWORK'] as const)
      expect(KEYS).toContain(orderFailure(c).key)
  })
})

describe('waitForOrder', () => {
  const processing: OrderResult = { orderId: 'TVO' + 'A'.repeat(40), status: 'processing', pollAfterSeconds: 2 }

  it('polls a 202 until the BOSS tells, riding out a failed poll', async () => {
    const answers: (OrderResult | Error)[] = [
      new Error('net'),
      processing,
      { orderId: processing.orderId, status: 'notPlaced' },
    ]
    const slept: number[] = []
    const out = await waitForOrder(processing, {
      getOrder: async () => {
        const a = answers.shift()!
        if (a instanceof Error) throw a
        return a
      },
      sleep: async (ms) => void slept.push(ms),
      maxWaitMs: 60_000,
      stillWanted: () => true,
    })
    expect(out.status).toBe('notPlaced')
    expect(slept).toEqual([2000, 2000, 2000])
  })

  it('stops asking when the viewer left or time ran out', async () => {
    let calls = 0
    const getOrder = async () => (calls++, processing)
    const sleep = async () => undefined
    expect((await waitForOrder(processing, { getOrder, sleep, maxWaitMs: 5000, stillWanted: () => true })).status).toBe(
      'processing',
    )
    expect(calls).toBe(3)
    calls = 0
    await waitForOrder(processing, { getOrder, sleep, maxWaitMs: 60_000, stillWanted: () => false })
    expect(calls).toBe(0)
  })
})

describe('placeOrder', () => {
  const processing: OrderResult = { orderId: 'TVO' + 'B'.repeat(40), status: 'processing', pollAfterSeconds: 1 }
  const sleep = async () => undefined

  it('sends once and waits out a 202 until the BOSS tells', async () => {
    let sends = 0
    const polls: string[] = []
    const out = await placeOrder(async () => (sends++, processing), {
      getOrder: async (id) => (polls.push(id), { orderId: id, status: 'notPlaced' }),
      sleep,
      maxWaitMs: 60_000,
      stillWanted: () => true,
    })
    expect(out.status).toBe('notPlaced')
    expect(sends).toBe(1)
    expect(polls).toEqual([processing.orderId])
  })

  it('hands back a refusal as it came and never asks again', async () => {
    let polls = 0
    const refused = placeOrder(() => Promise.reject(new Error('WRONG_PIN')), {
      getOrder: async () => (polls++, processing),
      sleep,
      maxWaitMs: 60_000,
      stillWanted: () => true,
    })
    await expect(refused).rejects.toThrow('WRONG_PIN')
    expect(polls).toBe(0)
  })
})

describe('my subscriptions', () => {
  const sub = (id: string, status: Subscription['status'], expiryDate: string): Subscription => ({
    subscriptionId: id,
    productId: 'P',
    productName: id,
    productNameEn: id,
    kind: 'package',
    status,
    startDate: '2026-01-01',
    expiryDate,
    daysLeft: 0,
    autoRenew: false,
    periodMonths: 1,
    priceFen: 100,
    renewable: true,
    canStopAutoRenew: false,
  })

  it('highlights expiring and suspended rows and words every status', () => {
    expect(rowPanel('expiring')).toBe(Colors.warningPanel)
    expect(rowPanel('suspended')).toBe(Colors.dangerPanel)
    expect(rowPanel('active')).toBe(Colors.panel)
    for (const k of Object.values(STATUS_KEY)) expect(KEYS).toContain(k)
  })

  it('lists live ones by soonest end, then ended ones newest first', () => {
    const out = sortSubscriptions([
      sub('e1', 'expired', '2026-01-05'),
      sub('a', 'active', '2026-12-31'),
      sub('e2', 'expired', '2026-03-01'),
      sub('x', 'expiring', '2026-11-25'),
    ])
    expect(out.map((s) => s.subscriptionId)).toEqual(['x', 'a', 'e2', 'e1'])
  })

  it('offers renew and stopping auto-renew only when the BFF allows them', () => {
    expect(subscriptionActions({ renewable: true, canStopAutoRenew: false })).toEqual(['renew'])
    expect(subscriptionActions({ renewable: false, canStopAutoRenew: true })).toEqual(['stopAutoRenew'])
    expect(subscriptionActions({ renewable: false, canStopAutoRenew: false })).toEqual([])
  })
})
