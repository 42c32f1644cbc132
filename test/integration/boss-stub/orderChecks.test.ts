import { describe, expect, it } from 'vitest'
import { admin, balanceOf, call, orderBody } from './bossClient.ts'
import { useTempStub } from './tempStub.ts'
import { DEFAULT_MONTH_LIMIT_FEN } from '../../../boss-stub/db/seed.ts'

const stub = useTempStub()

type Stats = { orders: { count: number }; charges: { count: number; totalFen: number } }
const stats = async () => {
  const { orders, charges } = await admin<Stats>(stub.url, '/admin/stats')
  return { orders: orders.count, charges: charges.count, totalFen: charges.totalFen }
}
const balance = (custId: string) => balanceOf(stub.url, custId)
const order = orderBody
const codes = (list: Array<{ CHECK_CODE: string }>) => list.map((c) => c.CHECK_CODE)

describe('ORDER_CHECK', () => {
  it('prices and dates an order from the catalogue and moves nothing', async () => {
    const before = await stats()
    const bal = await balance('C00000001')
    const price = (await call(stub.url, 'PROD_DETAIL_QRY', { PROD_ID: 'P_OPERA' })).BODY.PRICE_LIST.find(
      (p: { PERIOD_MONTHS: string }) => p.PERIOD_MONTHS === '3',
    ).PRICE
    const check = await call(stub.url, 'ORDER_CHECK', { CUST_ID: 'C00000001', PROD_ID: 'P_OPERA', PERIOD_MONTHS: '3' })
    expect(check.HEAD.RSP_CODE).toBe('0000')
    expect(check.BODY).toMatchObject({
      FEE: price,
      BALANCE: String(bal),
      BALANCE_AFTER: String(bal - Number(price)),
      CHECK_LIST: [],
      RENEW_SUBS_ID: '',
    })
    expect(check.BODY.EFF_DATE).toMatch(/^\d{8}$/)
    expect(check.BODY.EXP_DATE > check.BODY.EFF_DATE).toBe(true)
    expect(await stats()).toEqual(before)
    expect(await balance('C00000001')).toBe(bal)
  })

  it('lists every obstacle: suspension, exclusions, balance', async () => {
    const stopped = await call(stub.url, 'ORDER_CHECK', {
      CUST_ID: 'C00000003',
      PROD_ID: 'P_SPORTS',
      PERIOD_MONTHS: '1',
    })
    expect(codes(stopped.BODY.CHECK_LIST)).toContain('2003')
    const clash = await call(stub.url, 'ORDER_CHECK', { CUST_ID: 'C00000001', PROD_ID: 'P_4K', PERIOD_MONTHS: '1' })
    expect(clash.BODY.CHECK_LIST).toEqual([
      { CHECK_CODE: '3003', CHECK_DESC: expect.stringContaining('互斥'), CONFLICT_PROD_ID: 'P_HD' },
    ])
    const poor = await call(stub.url, 'ORDER_CHECK', {
      CUST_ID: 'C00000004',
      PROD_ID: 'P_MOVIE_PLUS',
      PERIOD_MONTHS: '12',
    })
    expect(codes(poor.BODY.CHECK_LIST)).toContain('3001')
    expect(Number(poor.BODY.BALANCE_AFTER)).toBeLessThan(0)
    expect(
      (await call(stub.url, 'ORDER_CHECK', { CUST_ID: 'C00000001', PROD_ID: 'P_NOPE', PERIOD_MONTHS: '1' })).HEAD
        .RSP_CODE,
    ).toBe('2002')
    expect(
      (await call(stub.url, 'ORDER_CHECK', { CUST_ID: 'C00000001', PROD_ID: 'P_SPORTS', PERIOD_MONTHS: '2' })).HEAD
        .RSP_CODE,
    ).toBe('1002')
  })

  it('dates a fixed-period renewal from the day after the current end', async () => {
    const subs = await call(stub.url, 'SUBS_LIST_QRY', { CUST_ID: 'C00000007', SUBS_STATUS: '1' })
    const sports = subs.BODY.SUBS_LIST.find((s: { PROD_ID: string }) => s.PROD_ID === 'P_SPORTS')
    const check = await call(stub.url, 'ORDER_CHECK', { CUST_ID: 'C00000007', PROD_ID: 'P_SPORTS', PERIOD_MONTHS: '1' })
    expect(check.BODY.RENEW_SUBS_ID).toBe(sports.SUBS_ID)
    expect(check.BODY.EFF_DATE > sports.EXP_DATE).toBe(true)
  })
})

describe('LIMIT_QRY / LIMIT_SET and the 3005 refusal', () => {
  it("has the operator's limit on by default, sets another behind the PIN, and ORDER_CREATE refuses over it", async () => {
    const q = await call(stub.url, 'LIMIT_QRY', { CUST_ID: 'C00000006' })
    expect(q.BODY).toMatchObject({ MONTH_LIMIT: String(DEFAULT_MONTH_LIMIT_FEN), MONTH_SPENT: '0' })
    expect(
      (await call(stub.url, 'LIMIT_SET', { CUST_ID: 'C00000006', PIN: '000000', MONTH_LIMIT: '2500' })).HEAD.RSP_CODE,
    ).toBe('3004')
    expect((await call(stub.url, 'LIMIT_QRY', { CUST_ID: 'C00000006' })).BODY.MONTH_LIMIT).toBe(
      String(DEFAULT_MONTH_LIMIT_FEN),
    )
    const set = await call(stub.url, 'LIMIT_SET', { CUST_ID: 'C00000006', PIN: '123456', MONTH_LIMIT: '2500' })
    expect(set.BODY).toMatchObject({ MONTH_LIMIT: '2500', MONTH_SPENT: '0' })

    const ok = await call(
      stub.url,
      'ORDER_CREATE',
      order({ CUST_ID: 'C00000006', ORDER_NO: 'LIM-1', PROD_ID: 'P_OPERA', PERIOD_MONTHS: '3' }),
    )
    expect(ok.HEAD.RSP_CODE).toBe('0000')
    expect((await call(stub.url, 'LIMIT_QRY', { CUST_ID: 'C00000006' })).BODY.MONTH_SPENT).toBe(ok.BODY.FEE)
    const before = await stats()
    const over = await call(
      stub.url,
      'ORDER_CREATE',
      order({ CUST_ID: 'C00000006', ORDER_NO: 'LIM-2', PROD_ID: 'P_OPERA', PERIOD_MONTHS: '1' }),
    )
    expect(over.HEAD.RSP_CODE).toBe('3005')
    expect(over.BODY).toMatchObject({ MONTH_LIMIT: '2500', MONTH_SPENT: ok.BODY.FEE, FEE: '800' })
    expect(await stats()).toEqual(before)
    const check = await call(stub.url, 'ORDER_CHECK', { CUST_ID: 'C00000006', PROD_ID: 'P_OPERA', PERIOD_MONTHS: '1' })
    expect(codes(check.BODY.CHECK_LIST)).toEqual(['3005'])

    expect(
      (await call(stub.url, 'LIMIT_SET', { CUST_ID: 'C00000006', PIN: '123456', MONTH_LIMIT: '' })).BODY.MONTH_LIMIT,
    ).toBe('')
    expect(
      (
        await call(
          stub.url,
          'ORDER_CREATE',
          order({ CUST_ID: 'C00000006', ORDER_NO: 'LIM-2', PROD_ID: 'P_OPERA', PERIOD_MONTHS: '1' }),
        )
      ).HEAD.RSP_CODE,
    ).toBe('0000')
  })

  it('refuses malformed limits', async () => {
    expect(
      (await call(stub.url, 'LIMIT_SET', { CUST_ID: 'C00000001', PIN: '123456', MONTH_LIMIT: '-1' })).HEAD.RSP_CODE,
    ).toBe('1002')
    expect(
      (await call(stub.url, 'LIMIT_SET', { CUST_ID: 'C00000001', PIN: '123456', MONTH_LIMIT: '99999999' })).HEAD
        .RSP_CODE,
    ).toBe('1002')
  })
})

describe('SUBS_RENEW_MOD', () => {
  it('switches a monthly package off; it then ends at its EXP_DATE and can be renewed for a period', async () => {
    const live = (await call(stub.url, 'SUBS_LIST_QRY', { CUST_ID: 'C00000001', SUBS_STATUS: '1' })).BODY.SUBS_LIST
    const pkg = live.find(
      (s: { PROD_TYPE: string; AUTO_RENEW: string }) => s.PROD_TYPE === 'PKG' && s.AUTO_RENEW === 'Y',
    )
    expect(pkg).toBeDefined()
    const blocked = await call(stub.url, 'ORDER_CHECK', {
      CUST_ID: 'C00000001',
      PROD_ID: pkg.PROD_ID,
      PERIOD_MONTHS: '1',
    })
    expect(codes(blocked.BODY.CHECK_LIST)).toEqual(['3003'])
    const off = await call(stub.url, 'SUBS_RENEW_MOD', { CUST_ID: 'C00000001', SUBS_ID: pkg.SUBS_ID, AUTO_RENEW: 'N' })
    expect(off.BODY).toMatchObject({ SUBS_ID: pkg.SUBS_ID, AUTO_RENEW: 'N', EXP_DATE: pkg.EXP_DATE })
    const after = (await call(stub.url, 'SUBS_LIST_QRY', { CUST_ID: 'C00000001' })).BODY.SUBS_LIST.find(
      (s: { SUBS_ID: string }) => s.SUBS_ID === pkg.SUBS_ID,
    )
    expect(after.AUTO_RENEW).toBe('N')
    const renew = await call(stub.url, 'ORDER_CHECK', {
      CUST_ID: 'C00000001',
      PROD_ID: pkg.PROD_ID,
      PERIOD_MONTHS: '1',
    })
    expect(renew.BODY).toMatchObject({ CHECK_LIST: [], RENEW_SUBS_ID: pkg.SUBS_ID })
    expect(
      (await call(stub.url, 'SUBS_RENEW_MOD', { CUST_ID: 'C00000001', SUBS_ID: pkg.SUBS_ID, AUTO_RENEW: 'Y' })).HEAD
        .RSP_CODE,
    ).toBe('3003')
  })

  it('hides other households and refuses the maintenance fee', async () => {
    const mine = (await call(stub.url, 'SUBS_LIST_QRY', { CUST_ID: 'C00000002' })).BODY.SUBS_LIST
    const basic = mine.find((s: { PROD_ID: string }) => s.PROD_ID === 'P_BASIC')
    expect(
      (await call(stub.url, 'SUBS_RENEW_MOD', { CUST_ID: 'C00000002', SUBS_ID: basic.SUBS_ID, AUTO_RENEW: 'N' })).HEAD
        .RSP_CODE,
    ).toBe('3003')
    expect(
      (await call(stub.url, 'SUBS_RENEW_MOD', { CUST_ID: 'C00000001', SUBS_ID: basic.SUBS_ID, AUTO_RENEW: 'N' })).HEAD
        .RSP_CODE,
    ).toBe('2002')
    expect(
      (await call(stub.url, 'SUBS_RENEW_MOD', { CUST_ID: 'C00000001', SUBS_ID: 'X1', AUTO_RENEW: 'N' })).HEAD.RSP_CODE,
    ).toBe('1002')
  })
})
