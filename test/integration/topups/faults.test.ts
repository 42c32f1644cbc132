import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { login, startStack, type Stack } from '../harness.ts'
import { freshCards, newKey, topupCard, topupQr, stubAccount, stubStats } from './topupHelpers.ts'

// A BOSS that commits and then never answers: the BFF must learn the outcome by its serial, never charge twice.
let stack: Stack
let token: string
beforeAll(async () => {
  stack = await startStack({ bff: { bossTimeoutMs: 800 } })
  token = await login(
    stack,
    stack.subscribers.find((s) => s.customerId === 'C00000006')!,
  )
})
afterAll(async () => {
  await stack?.close()
})
afterEach(async () => {
  await stack.resetFaults()
})

describe('top-ups against a failing BOSS', () => {
  it('CARD_RECHARGE commits then times out: the BFF asks CARD_RECHARGE_QRY and answers success, credited exactly once', async () => {
    const [card] = await freshCards(stack, 1)
    const before = await stubAccount(stack, 'C00000006')
    const statsBefore = await stubStats(stack)
    await stack.setFaults({ commitThenTimeout: true, services: ['CARD_RECHARGE'], holdMs: 5000 })
    const key = newKey()
    const res = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password }, key)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'succeeded', amountFen: card.faceValueFen })
    const stats = await stubStats(stack)
    expect(stats.requests.CARD_RECHARGE - (statsBefore.requests.CARD_RECHARGE ?? 0)).toBe(1)
    expect(stats.requests.CARD_RECHARGE_QRY - (statsBefore.requests.CARD_RECHARGE_QRY ?? 0)).toBe(1)
    expect(stats.topups.bySerial[res.body.topupId]).toEqual({ count: 1, totalFen: card.faceValueFen })
    expect((await stubAccount(stack, 'C00000006')).balanceFen).toBe(before.balanceFen + card.faceValueFen)

    // The box retries after the BOSS recovers: the first answer again, no second credit.
    await stack.resetFaults()
    const retry = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password }, key)
    expect(retry.body).toEqual(res.body)
    expect((await stubAccount(stack, 'C00000006')).balanceFen).toBe(before.balanceFen + card.faceValueFen)
    expect((await stubStats(stack)).topups.bySerial[res.body.topupId].count).toBe(1)
  })

  it('QR_PAY_CREATE commits then times out: the BFF finds the payment by its serial and shows the QR code', async () => {
    await stack.setFaults({ commitThenTimeout: true, services: ['QR_PAY_CREATE'], holdMs: 5000 })
    const res = await topupQr(stack, token, { amountFen: 2000 })
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('pending')
    expect(res.body.qr.payUrl).toMatch(/\/pay\/QP\w+$/)
    expect((await stubStats(stack)).requests.QR_PAY_CREATE).toBe(1)
  })

  it('a BOSS that is down answers 503 with retryAfter, changes nothing, and the same key works once it is back', async () => {
    const [, card] = await freshCards(stack, 2)
    const before = await stubAccount(stack, 'C00000006')
    await stack.setFaults({ down: true })
    const key = newKey()
    const down = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password }, key)
    expect(down.status).toBe(503)
    expect(down.body.error.code).toBe('BOSS_UNAVAILABLE')
    expect(down.body.error.retryAfter).toBeGreaterThan(0)
    expect((await topupQr(stack, token, { amountFen: 2000 })).status).toBe(503)
    expect(await stubAccount(stack, 'C00000006')).toEqual(before)
    await stack.resetFaults()
    const back = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password }, key)
    expect(back.status).toBe(200)
    expect((await stubAccount(stack, 'C00000006')).balanceFen).toBe(before.balanceFen + card.faceValueFen)
  })

  it('a BOSS that answers too late: 504 first, and the same key afterwards shows the one credit the late call made', async () => {
    const [, , card] = await freshCards(stack, 3)
    const before = await stubAccount(stack, 'C00000006')
    await stack.setFaults({ latencyMs: 1500, services: ['CARD_RECHARGE'] })
    const key = newKey()
    const res = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password }, key)
    // The query by serial ran while the stub still slept, so the outcome was unknown: say so, never guess.
    expect(res.status).toBe(504)
    expect(res.body.error.code).toBe('BOSS_TIMEOUT')
    await new Promise((r) => setTimeout(r, 1200)) // the stub now finishes the late call
    await stack.resetFaults()
    const retry = await topupCard(stack, token, { cardNo: card.cardNo, password: card.password }, key)
    expect(retry.status).toBe(200)
    expect(retry.body.amountFen).toBe(card.faceValueFen)
    expect((await stubStats(stack)).topups.bySerial[retry.body.topupId]).toEqual({
      count: 1,
      totalFen: card.faceValueFen,
    })
    expect((await stubAccount(stack, 'C00000006')).balanceFen).toBe(before.balanceFen + card.faceValueFen)
  })
})
