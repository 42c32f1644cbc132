import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startStack, type Stack } from '../harness.ts'
import { order } from './helpers.ts'
import { post } from '../topups/topupHelpers.ts'

/**
 * "5 wrong in a row": a PIN (or card password) the BOSS accepted ends the row, even when the BOSS then
 * refused the order or the card for another reason (product conflict, spending limit, balance; card used).
 */
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack?.close()
})

const WRONG_PIN = '000000'

describe('the wrong-secret count ends when the BOSS accepts the secret', () => {
  it('purchase PIN: 4 wrong, the right PIN refused with PRODUCT_CONFLICT, one wrong → WRONG_PIN with 4 left, not LOCKED', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    for (let i = 0; i < 4; i++) {
      const res = await order(stack, token, { productId: 'P_SPORTS', periodMonths: 1, pin: WRONG_PIN })
      expect([res.status, res.body.error.code]).toEqual([403, 'WRONG_PIN'])
    }
    // P_HD is held already: the BOSS checks the PIN first, then refuses the product.
    const clash = await order(stack, token, { productId: 'P_HD', periodMonths: 1, pin: sub.pin })
    expect([clash.status, clash.body.error.code]).toEqual([409, 'PRODUCT_CONFLICT'])
    const next = await order(stack, token, { productId: 'P_SPORTS', periodMonths: 1, pin: WRONG_PIN })
    expect([next.status, next.body.error.code, next.body.error.attemptsLeft]).toEqual([403, 'WRONG_PIN', 4])
  })

  it('prepaid card password: 4 wrong, a used card with its right password (CARD_USED), one wrong → CARD_INVALID with 4 left', async () => {
    const token = await login(stack, stack.subscribers.find((s) => s.customerId === 'C00000008') ?? stack.bySubscriber('normal'))
    const wrong = { cardNo: '9100000000000006', password: '0000000' }
    for (let i = 0; i < 4; i++) {
      const res = await post(stack, '/api/v1/topups/card', token, wrong)
      expect([res.status, res.body.error.code]).toEqual([422, 'CARD_INVALID'])
    }
    const used = await post(stack, '/api/v1/topups/card', token, { cardNo: '9100000000000003', password: '12345678' })
    expect([used.status, used.body.error.code]).toEqual([409, 'CARD_USED'])
    const next = await post(stack, '/api/v1/topups/card', token, wrong)
    expect([next.status, next.body.error.code, next.body.error.attemptsLeft]).toEqual([422, 'CARD_INVALID', 4])
  })
})
