import { describe, expect, it } from 'vitest'
import { admin, balanceOf, call, orderBody } from './bossClient.ts'
import { useTempStub } from './tempStub.ts'

const stub = useTempStub()

type Stats = {
  orders: { count: number; byOrderNo: Record<string, number> }
  charges: { count: number; totalFen: number; byRef: Record<string, { count: number; totalFen: number }> }
}
const stats = () => admin<Stats>(stub.url, '/admin/stats')
const balance = (custId: string) => balanceOf(stub.url, custId)
const order = orderBody

describe('ORDER_CREATE / ORDER_QRY', () => {
  it('charges once for two requests with one ORDER_NO; the second answers 3002 with the same order', async () => {
    const before = await balance('C00000001')
    const price = Number((await call(stub.url, 'PROD_DETAIL_QRY', { PROD_ID: 'P_SPORTS' })).BODY.PRICE_LIST[0].PRICE)
    const first = await call(stub.url, 'ORDER_CREATE', order({ ORDER_NO: 'TV-once-1' }))
    const second = await call(stub.url, 'ORDER_CREATE', order({ ORDER_NO: 'TV-once-1' }))
    expect(first.HEAD.RSP_CODE).toBe('0000')
    expect(first.BODY.FEE).toBe(String(price))
    expect(first.BODY.ORDER_STATUS).toBe('2')
    expect(second.HEAD.RSP_CODE).toBe('3002')
    expect(second.BODY.ORDER_ID).toBe(first.BODY.ORDER_ID)
    const s = await stats()
    expect(s.orders.byOrderNo['TV-once-1']).toBe(1)
    expect(s.charges.byRef['TV-once-1']).toEqual({ count: 1, totalFen: price })
    expect(await balance('C00000001')).toBe(before - price)
  })

  it('charges once when the same ORDER_NO arrives five times at once', async () => {
    const before = await balance('C00000006')
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(
          stub.url,
          'ORDER_CREATE',
          order({ CUST_ID: 'C00000006', ORDER_NO: 'TV-race-1', PROD_ID: 'P_OPERA', PERIOD_MONTHS: '3' }),
        ),
      ),
    )
    const codes = answers.map((a) => a.HEAD.RSP_CODE).sort()
    expect(codes).toEqual(['0000', '3002', '3002', '3002', '3002'])
    const fee = Number(answers.find((a) => a.HEAD.RSP_CODE === '0000')!.BODY.FEE)
    expect((await stats()).charges.byRef['TV-race-1'].count).toBe(1)
    expect(await balance('C00000006')).toBe(before - fee)
  })

  it('creates the subscription, then extends it from its end on renewal', async () => {
    const first = await call(
      stub.url,
      'ORDER_CREATE',
      order({ CUST_ID: 'C00000009', ORDER_NO: 'TV-renew-1', PROD_ID: 'P_SPORTS', PERIOD_MONTHS: '1' }),
    )
    expect(first.HEAD.RSP_CODE).toBe('0000')
    const again = await call(
      stub.url,
      'ORDER_CREATE',
      order({ CUST_ID: 'C00000009', ORDER_NO: 'TV-renew-2', PROD_ID: 'P_SPORTS', PERIOD_MONTHS: '1' }),
    )
    expect(again.BODY.SUBS_ID).toBe(first.BODY.SUBS_ID)
    expect(again.BODY.EFF_DATE > first.BODY.EXP_DATE).toBe(true)
    const subs = await call(stub.url, 'SUBS_LIST_QRY', { CUST_ID: 'C00000009', SUBS_STATUS: '1' })
    const sports = subs.BODY.SUBS_LIST.find((s: { SUBS_ID: string }) => s.SUBS_ID === first.BODY.SUBS_ID)
    expect(sports.EXP_DATE).toBe(again.BODY.EXP_DATE)
  })

  it('refuses wrong PIN (3004), short balance (3001), suspension (2003) and conflicts (3003) without charging', async () => {
    const before = await stats()
    const pin = await call(stub.url, 'ORDER_CREATE', order({ ORDER_NO: 'TV-bad-1', PIN: '000000' }))
    expect(pin.HEAD.RSP_CODE).toBe('3004')
    const poor = await call(
      stub.url,
      'ORDER_CREATE',
      order({ CUST_ID: 'C00000004', ORDER_NO: 'TV-bad-2', PERIOD_MONTHS: '12' }),
    )
    expect(poor.HEAD.RSP_CODE).toBe('3001')
    expect(Number(poor.BODY.FEE)).toBeGreaterThan(Number(poor.BODY.BALANCE))
    const stopped = await call(stub.url, 'ORDER_CREATE', order({ CUST_ID: 'C00000003', ORDER_NO: 'TV-bad-3' }))
    expect(stopped.HEAD.RSP_CODE).toBe('2003')
    const clash = await call(stub.url, 'ORDER_CREATE', order({ ORDER_NO: 'TV-bad-4', PROD_ID: 'P_4K' }))
    expect(clash.HEAD.RSP_CODE).toBe('3003')
    expect(clash.BODY.CONFLICT_PROD_ID).toBe('P_HD')
    const badPeriod = await call(stub.url, 'ORDER_CREATE', order({ ORDER_NO: 'TV-bad-5', PERIOD_MONTHS: '2' }))
    expect(badPeriod.HEAD.RSP_CODE).toBe('1002')
    const after = await stats()
    expect(after.charges.count).toBe(before.charges.count)
    expect(after.orders.count).toBe(before.orders.count)
    expect((await call(stub.url, 'ORDER_QRY', { CUST_ID: 'C00000001', ORDER_NO: 'TV-bad-1' })).HEAD.RSP_CODE).toBe(
      '2002',
    )
  })

  it('ORDER_QRY shows an order to its customer only', async () => {
    await call(stub.url, 'ORDER_CREATE', order({ CUST_ID: 'C00000008', ORDER_NO: 'TV-own-1', PROD_ID: 'P_EDU' }))
    const mine = await call(stub.url, 'ORDER_QRY', { CUST_ID: 'C00000008', ORDER_NO: 'TV-own-1' })
    expect(mine.HEAD.RSP_CODE).toBe('0000')
    expect(mine.BODY.PROD_ID).toBe('P_EDU')
    const theirs = await call(stub.url, 'ORDER_QRY', { CUST_ID: 'C00000001', ORDER_NO: 'TV-own-1' })
    expect(theirs.HEAD.RSP_CODE).toBe('2002')
    const reuse = await call(stub.url, 'ORDER_CREATE', order({ ORDER_NO: 'TV-own-1' }))
    expect(reuse.HEAD.RSP_CODE).toBe('3002')
    expect(reuse.BODY).toEqual({})
  })
})
