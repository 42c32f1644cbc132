import { beforeAll, describe, expect, it } from 'vitest'
import { admin, call } from './bossClient.ts'
import { useTempStub } from './tempStub.ts'

const stub = useTempStub()
type Subscriber = {
  deviceId: string
  cardNo: string
  customerId: string
  scenario: string
  pin: string
  status: string
  balanceFen: number
  arrearsFen: number
}
let subscribers: Subscriber[]
const demo = (scenario: string) => subscribers.find((s) => s.scenario === scenario)!

beforeAll(async () => {
  subscribers = await admin<Subscriber[]>(stub.url, '/admin/subscribers?limit=20')
})

describe('read services', () => {
  it('lists demo subscribers first', () => {
    expect(subscribers.slice(0, 9).map((s) => s.scenario)).toEqual([
      'normal',
      'arrears',
      'suspended',
      'low-balance',
      'new',
      'big-household',
      'expiring-soon',
      'bill-jump',
      'expired',
    ])
    expect(subscribers).toHaveLength(20)
  })

  it('CUST_AUTH_QRY accepts a matching STB/card pair and refuses a mixed one with 2001', async () => {
    const s = demo('normal')
    const ok = await call(stub.url, 'CUST_AUTH_QRY', { STB_ID: s.deviceId, CARD_NO: s.cardNo })
    expect(ok.HEAD.RSP_CODE).toBe('0000')
    expect(ok.BODY.CUST_ID).toBe(s.customerId)
    expect(ok.BODY.REGION_NAME).not.toBe('')
    const mixed = await call(stub.url, 'CUST_AUTH_QRY', { STB_ID: s.deviceId, CARD_NO: demo('arrears').cardNo })
    expect(mixed.HEAD.RSP_CODE).toBe('2001')
    expect(mixed.BODY.CUST_ID).toBeUndefined()
  })

  it('ACCT_BAL_QRY of the arrears household shows the arrears the BOSS records', async () => {
    const s = demo('arrears')
    const a = await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: s.customerId })
    const record = await admin<{ balanceFen: number; arrearsFen: number; planStopDate: string }>(
      stub.url,
      `/admin/accounts/${s.customerId}`,
    )
    expect(a.HEAD.RSP_CODE).toBe('0000')
    expect(a.BODY.ACCT_STATUS).toBe('2')
    expect(Number(a.BODY.OWE_FEE)).toBe(record.arrearsFen)
    expect(Number(a.BODY.OWE_FEE)).toBeGreaterThan(0)
    expect(a.BODY.BALANCE).toBe(String(record.balanceFen))
    expect(a.BODY.PLAN_STOP_DATE).toBe(record.planStopDate)
    expect(a.BODY.PLAN_STOP_DATE > a.BODY.QRY_TIME.slice(0, 8)).toBe(true)
    expect(a.BODY.STOP_TIME).toBe('')
  })

  it('ACCT_BAL_QRY of the suspended household carries STOP_TIME', async () => {
    const a = await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: demo('suspended').customerId })
    expect(a.BODY.ACCT_STATUS).toBe('3')
    expect(a.BODY.STOP_TIME).toMatch(/^\d{14}$/)
  })

  it("BILL_DETAIL_QRY of another customer's bill is 2002; of one's own, items add up to the total", async () => {
    const owner = demo('bill-jump').customerId
    const list = await call(stub.url, 'BILL_LIST_QRY', { CUST_ID: owner, BEGIN_MONTH: '200001', END_MONTH: '209912' })
    expect(list.BODY.BILL_LIST).toHaveLength(12)
    const billId = list.BODY.BILL_LIST[0].BILL_ID as string
    const foreign = await call(stub.url, 'BILL_DETAIL_QRY', { CUST_ID: demo('normal').customerId, BILL_ID: billId })
    expect(foreign.HEAD.RSP_CODE).toBe('2002')
    expect(foreign.BODY).toEqual({})
    const own = await call(stub.url, 'BILL_DETAIL_QRY', { CUST_ID: owner, BILL_ID: billId })
    const items = own.BODY.ITEM_LIST as Array<{ FEE: string }>
    expect(items.reduce((s, i) => s + Number(i.FEE), 0)).toBe(Number(own.BODY.TOTAL_FEE))
  })

  it('PAY_HIS_QRY pages newest first and refuses PAGE_SIZE over 50', async () => {
    const id = demo('normal').customerId
    const body = { CUST_ID: id, BEGIN_DATE: '20000101', END_DATE: '20991231' }
    const p1 = await call(stub.url, 'PAY_HIS_QRY', { ...body, PAGE_NO: '1', PAGE_SIZE: '3' })
    const p2 = await call(stub.url, 'PAY_HIS_QRY', { ...body, PAGE_NO: '2', PAGE_SIZE: '3' })
    const times = [...p1.BODY.PAY_LIST, ...p2.BODY.PAY_LIST].map((p: { PAY_TIME: string }) => p.PAY_TIME)
    expect(Number(p1.BODY.TOTAL_COUNT)).toBeGreaterThan(3)
    expect(times).toEqual([...times].sort().reverse())
    expect((await call(stub.url, 'PAY_HIS_QRY', { ...body, PAGE_SIZE: '51' })).HEAD.RSP_CODE).toBe('1002')
    const fresh = await call(stub.url, 'PAY_HIS_QRY', { ...body, CUST_ID: demo('new').customerId })
    expect(fresh.BODY).toEqual({ TOTAL_COUNT: '0', PAY_LIST: [] })
  })

  it('PROD_DETAIL_QRY gives prices per period and channels; SUBS_LIST_QRY shows what runs out soon', async () => {
    const p = await call(stub.url, 'PROD_DETAIL_QRY', { PROD_ID: 'P_SPORTS' })
    expect(p.BODY.PRICE_LIST.map((x: { PERIOD_MONTHS: string }) => x.PERIOD_MONTHS)).toEqual(['1', '3', '6', '12'])
    expect(p.BODY.CHANNEL_LIST.map((c: { CHANNEL_NAME: string }) => c.CHANNEL_NAME)).toContain('五星体育')
    expect((await call(stub.url, 'PROD_DETAIL_QRY', { PROD_ID: 'P_NOPE' })).HEAD.RSP_CODE).toBe('2002')
    const subs = await call(stub.url, 'SUBS_LIST_QRY', { CUST_ID: demo('expiring-soon').customerId, SUBS_STATUS: '1' })
    const fixed = subs.BODY.SUBS_LIST.filter((s: { AUTO_RENEW: string }) => s.AUTO_RENEW === 'N')
    expect(fixed.map((s: { PROD_ID: string }) => s.PROD_ID).sort()).toEqual(['P_MOVIE', 'P_SPORTS'])
  })
})
