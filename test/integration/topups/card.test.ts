import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'
import { freshCards, newKey, post, topupCard, restartBff, stubAccount, stubStats } from './topupHelpers.ts'

const CARD = '/api/v1/topups/card'
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack?.close()
})

const sub = (customerId: string) => {
  const found = stack.subscribers.find((s) => s.customerId === customerId)
  if (!found) throw new Error(`no subscriber ${customerId}`)
  return found
}

describe('POST /api/v1/topups/card', () => {
  it('redeems one card once when two boxes submit it at the same moment', async () => {
    const [tokenA, tokenB] = await Promise.all([login(stack, sub('C00000001')), login(stack, sub('C00000004'))])
    const before = await Promise.all([stubAccount(stack, 'C00000001'), stubAccount(stack, 'C00000004')])
    const statsBefore = await stubStats(stack)
    const card = { cardNo: '9100000000000006', password: '1357924' }
    const answers = await Promise.all([topupCard(stack, tokenA, card), topupCard(stack, tokenB, card)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const won = answers.find((a) => a.status === 200)!
    const lost = answers.find((a) => a.status === 409)!
    expect(lost.body.error.code).toBe('CARD_USED')
    expect(won.body).toMatchObject({
      method: 'card',
      status: 'succeeded',
      amountFen: 30000,
      cardNoMasked: '9100********0006',
    })
    const after = await Promise.all([stubAccount(stack, 'C00000001'), stubAccount(stack, 'C00000004')])
    const gained = after.map((a, i) => a.balanceFen - before[i].balanceFen)
    expect([...gained].sort((a, b) => a - b)).toEqual([0, 30000])
    const winner = gained[0] === 30000 ? 0 : 1
    expect(won.body.account.balanceFen).toBe(after[winner].balanceFen)
    const stats = await stubStats(stack)
    expect(stats.topups.count - statsBefore.topups.count).toBe(1)
    expect(stats.topups.totalFen - statsBefore.topups.totalFen).toBe(30000)
    expect(stats.topups.bySerial[won.body.topupId]).toEqual({ count: 1, totalFen: 30000 })
    // The account route shows the new balance; the top-up can be read back.
    const account = await api(stack, 'GET', '/api/v1/account', { token: [tokenA, tokenB][winner] })
    expect(account.body.balanceFen).toBe(after[winner].balanceFen)
    const again = await api(stack, 'GET', `/api/v1/topups/${won.body.topupId}`, { token: [tokenA, tokenB][winner] })
    expect(again.body).toMatchObject({ topupId: won.body.topupId, status: 'succeeded', amountFen: 30000 })
    expect(
      (await api(stack, 'GET', `/api/v1/topups/${won.body.topupId}`, { token: [tokenA, tokenB][1 - winner] })).status,
    ).toBe(404)
  })

  it('replays the first answer for the same Idempotency-Key without asking the BOSS again', async () => {
    const token = await login(stack, sub('C00000001'))
    const key = newKey()
    const [fresh] = await freshCards(stack, 1)
    const card = { cardNo: fresh.cardNo, password: fresh.password }
    const first = await topupCard(stack, token, card, key)
    expect(first.status).toBe(200)
    const calls = (await stubStats(stack)).requests.CARD_RECHARGE
    const second = await topupCard(stack, token, card, key)
    expect(second.status).toBe(200)
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect((await stubStats(stack)).requests.CARD_RECHARGE).toBe(calls)
    expect((await stubStats(stack)).topups.bySerial[first.body.topupId].count).toBe(1)
    const other = await topupCard(stack, token, { cardNo: '9100000000000002', password: '246810' }, key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('UNPROCESSABLE')
    const noKey = await post(stack, CARD, token, card, null)
    expect(noKey.status).toBe(400)
    expect(noKey.body.error.message).toMatch(/Idempotency-Key/)
  })

  it.each([
    ['used', '9100000000000003', '12345678', 409, 'CARD_USED'],
    ['expired', '9100000000000004', '12345678', 422, 'CARD_EXPIRED'],
    ['another city', '9100000000000005', '12345678', 422, 'CARD_NOT_ALLOWED'],
    ['another district', '9100000000000002', '246810', 422, 'CARD_NOT_ALLOWED'],
  ])('refuses a card that is %s and changes nothing', async (_what, cardNo, password, status, code) => {
    const token = await login(stack, sub('C00000008'))
    const before = await stubAccount(stack, 'C00000008')
    const count = (await stubStats(stack)).topups.count
    const res = await topupCard(stack, token, { cardNo, password })
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
    expect(await stubAccount(stack, 'C00000008')).toEqual(before)
    expect((await stubStats(stack)).topups.count).toBe(count)
  })

  it.each([
    ['letters in the number', { cardNo: '9100A00000000001', password: '12345678' }, /cardNo/],
    ['15 digits', { cardNo: '910000000000001', password: '12345678' }, /cardNo/],
    ['17 digits', { cardNo: '91000000000000011', password: '12345678' }, /cardNo/],
    ['an overlong number', { cardNo: '9'.repeat(5000), password: '12345678' }, /cardNo/],
    ['a number as a JSON number', { cardNo: 9100000000000000, password: '12345678' }, /cardNo/],
    ['letters in the password', { cardNo: '9100000000000001', password: '1234abcd' }, /password/],
    ['a 5-digit password', { cardNo: '9100000000000001', password: '12345' }, /password/],
    ['a 9-digit password', { cardNo: '9100000000000001', password: '123456789' }, /password/],
    ['no password', { cardNo: '9100000000000001' }, /password/],
    ['an extra field', { cardNo: '9100000000000001', password: '12345678', amountFen: 100 }, /amountFen/],
  ])('answers 400 with a message for %s, asking the BOSS nothing', async (_what, body, message) => {
    const token = await login(stack, sub('C00000008'))
    const calls = (await stubStats(stack)).requests.CARD_RECHARGE ?? 0
    const res = await post(stack, CARD, token, body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect(res.body.error.message).toMatch(message)
    expect((await stubStats(stack)).requests.CARD_RECHARGE ?? 0).toBe(calls)
  })

  it('answers 401 without a session', async () => {
    const res = await topupCard(stack, '', { cardNo: '9100000000000001', password: '12345678' })
    expect(res.status).toBe(401)
  })

  it('locks card top-up after 5 wrong passwords, for 15 minutes, across a BFF restart; secrets never logged', async () => {
    const token = await login(stack, sub('C00000007'))
    const wrong = { cardNo: '9100000000000001', password: '7654321' }
    const left: number[] = []
    for (let i = 0; i < 4; i++) {
      const res = await topupCard(stack, token, wrong)
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('CARD_INVALID')
      left.push(res.body.error.attemptsLeft)
    }
    expect(left).toEqual([4, 3, 2, 1])
    const fifth = await topupCard(stack, token, wrong)
    expect(fifth.status).toBe(429)
    expect(fifth.body.error).toMatchObject({ code: 'LOCKED', attemptsLeft: 0 })
    expect(fifth.body.error.retryAfter).toBeGreaterThan(890)
    expect(fifth.body.error.retryAfter).toBeLessThanOrEqual(900)
    const calls = (await stubStats(stack)).requests.CARD_RECHARGE
    // Even the right password is refused while locked, without asking the BOSS.
    const right = await topupCard(stack, token, { cardNo: '9100000000000001', password: '12345678' })
    expect(right.status).toBe(429)
    expect((await stubStats(stack)).requests.CARD_RECHARGE).toBe(calls)

    const logs = stack.logs()
    expect(logs).toContain('prepaid card refused')
    for (const secret of ['7654321', '12345678', '9100000000000001']) expect(logs).not.toContain(secret)

    const restarted = await restartBff(stack)
    try {
      const fresh = await login({ bffUrl: restarted.url }, sub('C00000007'))
      const after = await post({ bffUrl: restarted.url }, CARD, fresh, {
        cardNo: '9100000000000001',
        password: '12345678',
      })
      expect(after.status).toBe(429)
      expect(after.body.error.code).toBe('LOCKED')
      expect(after.body.error.retryAfter).toBeGreaterThan(0)
      expect((await stubStats(stack)).requests.CARD_RECHARGE).toBe(calls)
    } finally {
      await restarted.app.close()
    }
  })
})
