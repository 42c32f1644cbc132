import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/index.ts'
import { bff, login, refusal, startStack, type Stack } from '../harness.ts'

/**
 * "5 wrong in a row": a PIN (or card password) the BOSS accepted ends the row, even when the BOSS then
 * refused the order or the card for another reason (product conflict, spending limit, balance; card used).
 * Calls go through the client typed by the route table: an order without its Idempotency-Key does not compile.
 */
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack?.close()
})

const WRONG_PIN = '000000'
const key = () => randomUUID()

describe('the wrong-secret count ends when the BOSS accepts the secret', () => {
  it('purchase PIN: 4 wrong, the right PIN refused with PRODUCT_CONFLICT, one wrong → WRONG_PIN with 4 left, not LOCKED', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    const order = (productId: string, pin: string) =>
      bff(stack, routes.createOrder, { token, idempotencyKey: key(), body: { productId, periodMonths: 1, pin } })
    for (let i = 0; i < 4; i++)
      expect(refusal(await order('P_SPORTS', WRONG_PIN)).slice(0, 2)).toEqual([403, 'WRONG_PIN'])
    // P_HD is held already: the BOSS checks the PIN first, then refuses the product.
    expect(refusal(await order('P_HD', sub.pin))).toEqual([409, 'PRODUCT_CONFLICT'])
    expect(refusal(await order('P_SPORTS', WRONG_PIN))).toEqual([403, 'WRONG_PIN', 4])
  })

  it('prepaid card password: 4 wrong, a used card with its right password (CARD_USED), one wrong → CARD_INVALID with 4 left', async () => {
    const token = await login(
      stack,
      stack.subscribers.find((s) => s.customerId === 'C00000008') ?? stack.bySubscriber('normal'),
    )
    const topup = (cardNo: string, password: string) =>
      bff(stack, routes.topupCard, { token, idempotencyKey: key(), body: { cardNo, password } })
    for (let i = 0; i < 4; i++)
      expect(refusal(await topup('9100000000000006', '0000000')).slice(0, 2)).toEqual([422, 'CARD_INVALID'])
    expect(refusal(await topup('9100000000000003', '12345678'))).toEqual([409, 'CARD_USED'])
    expect(refusal(await topup('9100000000000006', '0000000'))).toEqual([422, 'CARD_INVALID', 4])
  })

  it('a used card between guesses does not buy more: after 4 rows of wrong cards (20) in a day the account is LOCKED for the day', async () => {
    const token = await login(stack, stack.bySubscriber('arrears'))
    const topup = (cardNo: string, password: string) =>
      bff(stack, routes.topupCard, { token, idempotencyKey: key(), body: { cardNo, password } })
    const seen: (number | string | undefined)[][] = []
    for (let row = 0; row < 5; row++) {
      for (let i = 0; i < 4; i++)
        seen.push(refusal(await topup(`91000000000${String(row * 4 + i).padStart(5, '0')}`, '0000000')))
      seen.push(refusal(await topup('9100000000000003', '12345678')))
    }
    // Each row of 4 wrong is ended by the used card's right password, until the day's budget of 20 wrong runs out.
    const row = [...[4, 3, 2, 1].map((left) => [422, 'CARD_INVALID', left]), [409, 'CARD_USED']]
    const lastRow = [
      ...[3, 2, 1].map((left) => [422, 'CARD_INVALID', left]),
      [429, 'LOCKED', 0],
      [429, 'LOCKED', 0], // the used card's right password too: card top-up waits for the next day
    ]
    expect(seen).toEqual([...row, ...row, ...row, ...row, ...lastRow])
    const locked = await topup('9100000000000003', '12345678')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(23 * 3600)
  })

  it('the typed client refuses to compile an order without its Idempotency-Key; sent anyway, the BFF says 400', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    // @ts-expect-error idempotencyKey is required by routes.createOrder (the document's Idempotency-Key header)
    const res = await bff(stack, routes.createOrder, {
      token,
      body: { productId: 'P_SPORTS', periodMonths: 1, pin: WRONG_PIN },
    })
    expect(refusal(res)).toEqual([400, 'BAD_REQUEST'])
  })
})
