import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/routes.ts'
import type { PageQuery } from '../../../src/contract/common.ts'
import { api, bff, login, loose, startStack, type Stack } from '../harness.ts'
import { newKey, payOnPhone, pollTopup, post, topupQr, sleep, stubAccount, stubStats } from './topupHelpers.ts'

const QR = '/api/v1/topups/qr'
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
const paymentsOf = (token: string, query: PageQuery) => bff(stack, routes.payments, { token, query })
afterAll(async () => {
  await stack?.close()
})

const token = (customerId: string) => {
  const sub = stack.subscribers.find((s) => s.customerId === customerId)
  if (!sub) throw new Error(`no subscriber ${customerId}`)
  return login(stack, sub)
}

describe('QR top-up', () => {
  it('shows a pay page at the QR address; Pay on the phone credits exactly the amount once, seen by polling', async () => {
    const t = await token('C00000005')
    const before = await stubAccount(stack, 'C00000005')
    const key = newKey()
    const created = await topupQr(stack, t, { amountFen: 5000 }, key)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      method: 'qr',
      status: 'pending',
      amountFen: 5000,
      completedAt: null,
      account: null,
    })
    expect(created.body.qr.payUrl).toMatch(new RegExp(`^${stack.bossUrl}/pay/QP\\w+$`))
    expect(created.body.qr.expiresInSeconds).toBeGreaterThan(290)
    expect(created.body.qr.expiresInSeconds).toBeLessThanOrEqual(300)
    // Still pending while nobody paid.
    expect(
      (await loose(bff(stack, routes.topup, { token: t, params: { topupId: created.body.topupId } }))).body.status,
    ).toBe('pending')

    const result = await payOnPhone(created.body.qr.payUrl)
    expect(result).toContain('支付成功')
    const done = await pollTopup(stack, t, created.body.topupId)
    expect(done).toMatchObject({ status: 'succeeded', amountFen: 5000, qr: null })
    expect(done.account.balanceFen).toBe(before.balanceFen + 5000)
    expect((await stubAccount(stack, 'C00000005')).balanceFen).toBe(before.balanceFen + 5000)
    expect((await stubStats(stack)).topups.bySerial[created.body.topupId]).toEqual({ count: 1, totalFen: 5000 })

    // The same key again replays the creation, creates nothing new; paying twice credits nothing more.
    const replay = await topupQr(stack, t, { amountFen: 5000 }, key)
    expect(replay.body.topupId).toBe(created.body.topupId)
    expect((await stubStats(stack)).requests.QR_PAY_CREATE).toBe(1)
    await fetch(`${created.body.qr.payUrl}/confirm`, { method: 'POST' })
    expect((await stubAccount(stack, 'C00000005')).balanceFen).toBe(before.balanceFen + 5000)
    expect((await loose(paymentsOf(t, { limit: 1 }))).body.items[0]).toMatchObject({
      channel: 'qr',
      amountFen: 5000,
    })
  })

  it('two submissions with one Idempotency-Key at once create one payment and answer the same top-up', async () => {
    const t = await token('C00000009')
    const calls = (await stubStats(stack)).requests.QR_PAY_CREATE ?? 0
    const key = newKey()
    const [a, b] = await Promise.all([
      topupQr(stack, t, { amountFen: 4000 }, key),
      topupQr(stack, t, { amountFen: 4000 }, key),
    ])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(b.body.topupId).toBe(a.body.topupId)
    expect(b.body.qr.payUrl).toBe(a.body.qr.payUrl)
    expect((await stubStats(stack)).requests.QR_PAY_CREATE - calls).toBe(1)
  })

  it('shows a cancellation on the phone as cancelled, crediting nothing', async () => {
    const t = await token('C00000001')
    const before = await stubAccount(stack, 'C00000001')
    const created = await topupQr(stack, t, { amountFen: 3000 })
    expect(await payOnPhone(created.body.qr.payUrl, 'cancel')).toContain('支付已取消')
    const done = await pollTopup(stack, t, created.body.topupId)
    expect(done).toMatchObject({ status: 'cancelled', account: null, qr: null })
    expect(done.completedAt).not.toBeNull()
    expect(await stubAccount(stack, 'C00000001')).toEqual(before)
  })

  it('lifts a suspension when the payment clears the arrears; the account route shows it normal', async () => {
    const t = await token('C00000003')
    const account = await loose(bff(stack, routes.account, { token: t }))
    expect(account.body.status).toBe('suspended')
    const created = await topupQr(stack, t, { amountFen: account.body.arrearsFen })
    await payOnPhone(created.body.qr.payUrl)
    const done = await pollTopup(stack, t, created.body.topupId)
    expect(done.account).toEqual({ balanceFen: 0, arrearsFen: 0, status: 'normal' })
    const after = await loose(bff(stack, routes.account, { token: t }))
    expect(after.body).toMatchObject({ status: 'normal', arrearsFen: 0, suspendedSince: null, suspendOn: null })
    expect(await stubAccount(stack, 'C00000003')).toMatchObject({ acctStatus: '1', arrearsFen: 0 })
  })

  it('keeps an account in arrears when the payment covers only part, with the arrears reduced by exactly the amount', async () => {
    const t = await token('C00000002')
    const before = await stubAccount(stack, 'C00000002')
    expect(before.arrearsFen).toBeGreaterThan(100)
    const created = await topupQr(stack, t, { amountFen: 100 })
    await payOnPhone(created.body.qr.payUrl)
    const done = await pollTopup(stack, t, created.body.topupId)
    expect(done.account).toEqual({ balanceFen: 0, arrearsFen: before.arrearsFen - 100, status: 'arrears' })
  })

  it.each([
    ['zero', { amountFen: 0 }],
    ['negative', { amountFen: -100 }],
    ['fractional', { amountFen: 10.5 }],
    ['huge', { amountFen: 500_001 }],
    ['astronomical', { amountFen: 1e20 }],
    ['a string', { amountFen: '5000' }],
    ['missing', {}],
    ['with an extra field', { amountFen: 5000, customerId: 'C00000002' }],
  ])('answers 400 with a message for a %s amount, creating nothing', async (_what, body) => {
    const t = await token('C00000001')
    const calls = (await stubStats(stack)).requests.QR_PAY_CREATE ?? 0
    const res = await post(stack, QR, t, body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect(res.body.error.message).toMatch(/body/)
    expect((await stubStats(stack)).requests.QR_PAY_CREATE ?? 0).toBe(calls)
  })

  it("answers 404 for another household's top-up and 400 for a malformed id", async () => {
    const mine = await topupQr(stack, await token('C00000001'), { amountFen: 3000 })
    const theirs = await token('C00000006')
    expect((await bff(stack, routes.topup, { token: theirs, params: { topupId: mine.body.topupId } })).status).toBe(404)
    expect((await bff(stack, routes.topup, { token: theirs, params: { topupId: 'TQ0000' } })).status).toBe(404)
    expect((await api(stack, 'GET', '/api/v1/topups/bad!id', { token: theirs })).status).toBe(400)
    expect((await api(stack, 'GET', `/api/v1/topups/${'A'.repeat(65)}`, { token: theirs })).status).toBe(400)
  })
})

describe('QR top-up expiry', () => {
  let short: Stack
  beforeAll(async () => {
    short = await startStack({ bff: { topupQrTtlSeconds: 1 } })
  })
  afterAll(async () => {
    await short?.close()
  })

  it('expires unpaid; paying afterwards credits nothing', async () => {
    const sub = short.subscribers.find((s) => s.customerId === 'C00000001')!
    const t = await login(short, sub)
    const before = await stubAccount(short, 'C00000001')
    const created = await post(short, QR, t, { amountFen: 3000 })
    expect(created.body.qr.expiresInSeconds).toBeLessThanOrEqual(1)
    await sleep(1500)
    const done = await pollTopup(short, t, created.body.topupId)
    expect(done).toMatchObject({ status: 'expired', qr: null, account: null })
    expect(await payOnPhone(created.body.qr.payUrl, 'confirm').catch((e: Error) => e.message)).toBe(
      'no confirm form on the pay page',
    )
    await fetch(`${created.body.qr.payUrl}/confirm`, { method: 'POST' })
    expect(await stubAccount(short, 'C00000001')).toEqual(before)
  })
})
