import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/routes.ts'
import { api, bff, type ApiAnswer, bossCall, login, loose, startStack, type Stack } from '../harness.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const iso = (m: string) => `${m.slice(0, 4)}-${m.slice(4, 6)}`
const isoDay = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`

/** Every bill the stub holds for a customer over a wide window, newest first. */
async function stubBills(customerId: string) {
  const res = await bossCall(stack, 'BILL_LIST_QRY', {
    CUST_ID: customerId,
    BEGIN_MONTH: '200001',
    END_MONTH: '209912',
  })
  expect(res.HEAD.RSP_CODE).toBe('0000')
  return res.BODY.BILL_LIST as Record<string, string>[]
}

type Page = { limit?: number; cursor?: string }
const billsPage = (token: string, query: Page) => loose(bff(stack, routes.bills, { token, query }))
const paymentsPage = (token: string, query: Page) => loose(bff(stack, routes.payments, { token, query }))

/** Walk every page of a list endpoint. */
async function allPages(page: (query: Page) => Promise<ApiAnswer>, limit: number) {
  const items: any[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const res = await page(cursor ? { limit, cursor } : { limit })
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeLessThanOrEqual(limit)
    items.push(...res.body.items)
    cursor = res.body.nextCursor
    if (++pages > 50) throw new Error('paging does not end')
  } while (cursor)
  return { items, pages }
}

describe('GET /api/v1/bills', () => {
  it('lists the newest 12 billing months of the stub, with the same figures, across pages', async () => {
    const sub = stack.bySubscriber('big-household')
    const token = await login(stack, sub)
    const stub = await stubBills(sub.customerId)
    const months = [...new Set(stub.map((b) => b.BILL_MONTH))].slice(0, 12)
    const expected = stub.filter((b) => months.includes(b.BILL_MONTH))
    expect(expected.length).toBeGreaterThanOrEqual(12)

    const { items, pages } = await allPages((query) => billsPage(token, query), 5)
    expect(pages).toBe(Math.ceil(expected.length / 5))
    expect(items.map((b) => b.billId)).toEqual(expected.map((b) => b.BILL_ID))
    for (const [i, b] of items.entries()) {
      const s = expected[i]
      expect(b).toEqual({
        billId: s.BILL_ID,
        month: iso(s.BILL_MONTH),
        totalFen: Number(s.TOTAL_FEE),
        paidFen: Number(s.PAID_FEE),
        status: ({ '0': 'unpaid', '1': 'partial', '2': 'settled' } as Record<string, string>)[s.BILL_STATUS],
        dueDate: isoDay(s.DUE_DATE),
      })
    }
    const first = await loose(bff(stack, routes.bills, { token }))
    expect(first.body.items).toHaveLength(Math.min(20, expected.length))
  })

  it('answers 400 for bad paging input', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    for (const q of ['limit=0', 'limit=51', 'limit=abc', 'cursor=%24%24%24', 'cursor=bm90LWEtY3Vyc29y', 'foo=1']) {
      const res = await api(stack, 'GET', `/api/v1/bills?${q}`, { token })
      expect(res.status, q).toBe(400)
      expect(res.body.error.code).toBe('BAD_REQUEST')
      expect(res.body.error.message).toMatch(/query\./)
    }
  })
})

describe('GET /api/v1/bills/:billId', () => {
  it('gives each bill with items whose totals equal the stub', async () => {
    const sub = stack.bySubscriber('bill-jump')
    const token = await login(stack, sub)
    const list = await billsPage(token, { limit: 3 })
    expect(list.body.items.length).toBe(3)
    for (const summary of list.body.items) {
      const res = await loose(bff(stack, routes.bill, { token, params: { billId: summary.billId } }))
      expect(res.status).toBe(200)
      const stub = (await bossCall(stack, 'BILL_DETAIL_QRY', { CUST_ID: sub.customerId, BILL_ID: summary.billId })).BODY
      const d = res.body
      expect(d.totalFen).toBe(Number(stub.TOTAL_FEE))
      expect(d.totalFen).toBe(summary.totalFen)
      expect(d.lines).toHaveLength(stub.ITEM_LIST.length)
      expect(d.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0)).toBe(d.totalFen)
      expect(d.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual(
        stub.ITEM_LIST.map((i: { FEE: string }) => Number(i.FEE)),
      )
      // Each line in the BOSS's two wordings: the English one for English screens, with no Chinese left in it.
      expect(d.lines.map((l: { name: string }) => l.name)).toEqual(
        stub.ITEM_LIST.map((i: { ITEM_NAME: string }) => i.ITEM_NAME),
      )
      for (const l of d.lines as { nameEn: string }[])
        expect(l.nameEn).toMatch(/^[^\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+$/)
      expect(d.periodStart).toBe(isoDay(stub.CYCLE_BEGIN))
      expect(d.periodEnd).toBe(isoDay(stub.CYCLE_END))
    }
  })

  it("answers 404 for another household's bill, exactly as for one that does not exist", async () => {
    const mine = stack.bySubscriber('normal')
    const theirs = stack.bySubscriber('arrears')
    const theirBill = (await stubBills(theirs.customerId))[0].BILL_ID
    const token = await login(stack, mine)
    const foreign = await loose(bff(stack, routes.bill, { token, params: { billId: theirBill } }))
    const madeUp = await loose(bff(stack, routes.bill, { token, params: { billId: 'B000000000000' } }))
    expect(foreign.status).toBe(404)
    expect(foreign.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such bill for this account' } })
    expect(madeUp.status).toBe(404)
    expect(madeUp.body).toEqual(foreign.body)
    // ...while the owner does see it
    const owner = await bff(stack, routes.bill, { token: await login(stack, theirs), params: { billId: theirBill } })
    expect(owner.status).toBe(200)
  })

  it('answers 400 for a malformed bill id', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    for (const id of ['a%20b', 'x'.repeat(41), 'x'.repeat(150), '%27%20OR%201%3D1', 'b%2Fc']) {
      const res = await api(stack, 'GET', `/api/v1/bills/${id}`, { token })
      expect(res.status, id).toBe(400)
      expect(res.body.error.message).toMatch(/params\.billId/)
    }
  })
})

describe('GET /api/v1/payments', () => {
  it("lists the last year's payments of the stub across pages", async () => {
    const sub = stack.bySubscriber('big-household')
    const token = await login(stack, sub)
    const today = new Date(Date.now() + 8 * 3600_000)
    const yearAgo = new Date(today.getTime() - 365 * 86400_000)
    const day = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '')
    const stub = await bossCall(stack, 'PAY_HIS_QRY', {
      CUST_ID: sub.customerId,
      BEGIN_DATE: day(yearAgo),
      END_DATE: day(today),
      PAGE_NO: '1',
      PAGE_SIZE: '50',
    })
    const expected = stub.BODY.PAY_LIST as Record<string, string>[]
    expect(Number(stub.BODY.TOTAL_COUNT)).toBe(expected.length) // fits one stub page
    expect(expected.length).toBeGreaterThan(3)
    const { items } = await allPages((query) => paymentsPage(token, query), 3)
    expect(items.map((p) => p.paymentId)).toEqual(expected.map((p) => p.PAY_ID))
    expect(items.map((p) => p.amountFen)).toEqual(expected.map((p) => Number(p.PAY_FEE)))
    for (const p of items) expect(p.paidAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
  })

  it('answers 400 for a cursor it did not give out', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    const forged = Buffer.from('1\n999').toString('base64url')
    const res = await paymentsPage(token, { cursor: forged })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/cursor/)
  })
})
