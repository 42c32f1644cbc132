import { beforeAll, describe, expect, it } from 'vitest'
import { admin, call } from '../boss-stub/bossClient.ts'
import { useTempStub } from '../boss-stub/tempStub.ts'

// The stub's own top-up services over its wire protocol, with an independent signing client.
const stub = useTempStub({ publicUrl: 'http://192.168.1.20:8090/' })
let url: string
beforeAll(() => {
  url = stub.url
})

type Account = { balanceFen: number; arrearsFen: number; acctStatus: string }
type TopupStats = { count: number; totalFen: number; bySerial: Record<string, { count: number; totalFen: number }> }
const account = (custId: string) => admin<Account>(url, `/admin/accounts/${custId}`)
const topups = async () => (await admin<{ topups: TopupStats }>(url, '/admin/stats')).topups
const recharge = (custId: string, cardNo: string, pwd: string, serial: string) =>
  call(url, 'CARD_RECHARGE', { CUST_ID: custId, CARD_NO: cardNo, CARD_PWD: pwd, SERIAL: serial })
/** The pay page's own address on this stub (the QR code names the public one). */
const pagePath = (qrUrl: string) => new URL(qrUrl).pathname

describe('CARD_RECHARGE', () => {
  it('credits a valid card once; the same serial again answers 3002 with the same payment and credits nothing', async () => {
    const before = await account('C00000001')
    const first = await recharge('C00000001', '9100000000000001', '12345678', 'TCstub1')
    expect(first.HEAD.RSP_CODE).toBe('0000')
    expect(first.BODY).toMatchObject({
      SERIAL: 'TCstub1',
      PAY_FEE: '10000',
      CARD_NO: '9100********0001',
      ACCT_STATUS: '1',
    })
    expect(JSON.stringify(first.BODY)).not.toContain('12345678')
    const again = await recharge('C00000001', '9100000000000001', '12345678', 'TCstub1')
    expect(again.HEAD.RSP_CODE).toBe('3002')
    expect(again.BODY.PAY_ID).toBe(first.BODY.PAY_ID)
    const qry = await call(url, 'CARD_RECHARGE_QRY', { CUST_ID: 'C00000001', SERIAL: 'TCstub1' })
    expect(qry.BODY.PAY_ID).toBe(first.BODY.PAY_ID)
    expect((await call(url, 'CARD_RECHARGE_QRY', { CUST_ID: 'C00000002', SERIAL: 'TCstub1' })).HEAD.RSP_CODE).toBe(
      '2002',
    )
    expect((await account('C00000001')).balanceFen).toBe(before.balanceFen + 10000)
    expect((await topups()).bySerial.TCstub1).toEqual({ count: 1, totalFen: 10000 })
    const history = await call(url, 'PAY_HIS_QRY', {
      CUST_ID: 'C00000001',
      BEGIN_DATE: '20000101',
      END_DATE: '20991231',
      PAGE_SIZE: '1',
    })
    expect(history.BODY.PAY_LIST[0]).toMatchObject({ PAY_ID: first.BODY.PAY_ID, PAY_CHANNEL: '03', PAY_FEE: '10000' })
  })

  it('redeems one card once when two accounts submit it at the same moment', async () => {
    const before = await Promise.all([account('C00000004'), account('C00000006')])
    const answers = await Promise.all([
      recharge('C00000004', '9100000000000006', '1357924', 'TCrace1'),
      recharge('C00000006', '9100000000000006', '1357924', 'TCrace2'),
    ])
    expect(answers.map((a) => a.HEAD.RSP_CODE).sort()).toEqual(['0000', '4002'])
    const after = await Promise.all([account('C00000004'), account('C00000006')])
    const gained = after.map((a, i) => a.balanceFen - before[i].balanceFen).sort((a, b) => a - b)
    expect(gained).toEqual([0, 30000])
    const s = await topups()
    expect((s.bySerial.TCrace1?.count ?? 0) + (s.bySerial.TCrace2?.count ?? 0)).toBe(1)
  })

  it.each([
    ['wrong password', 'C00000002', '9100000000000001', '00000000', '4001'],
    ['unknown card', 'C00000002', '9100000000009999', '12345678', '4001'],
    ['used card', 'C00000002', '9100000000000003', '12345678', '4002'],
    ['expired card', 'C00000002', '9100000000000004', '12345678', '4003'],
    ['another city', 'C00000002', '9100000000000005', '12345678', '4004'],
    ['another district (玄武区 card, 秦淮区 household)', 'C00000002', '9100000000000002', '246810', '4004'],
    ['letters in the number', 'C00000002', '91000000000000A1', '12345678', '1002'],
    ['a 5-digit password', 'C00000002', '9100000000000002', '24681', '1002'],
  ])('refuses %s (%s) without crediting', async (_what, cust, cardNo, pwd, code) => {
    const before = await account(cust)
    const statsBefore = await topups()
    const res = await recharge(cust, cardNo, pwd, `TCbad${code}${cardNo.slice(-2)}${pwd.length}`)
    expect(res.HEAD.RSP_CODE).toBe(code)
    expect(await account(cust)).toEqual(before)
    expect((await topups()).count).toBe(statsBefore.count)
  })
})

describe('QR_PAY_CREATE, the pay page, QR_PAY_QRY', () => {
  const create = (custId: string, serial: string, amount: string, extra: Record<string, string> = {}) =>
    call(url, 'QR_PAY_CREATE', { CUST_ID: custId, SERIAL: serial, AMOUNT: amount, ...extra })

  it('builds the QR address from the public base URL, and Pay credits exactly once', async () => {
    const before = await account('C00000005')
    const created = await create('C00000005', 'TQstub1', '5000')
    expect(created.HEAD.RSP_CODE).toBe('0000')
    expect(created.BODY.QR_URL).toBe(`http://192.168.1.20:8090/pay/${created.BODY.PAY_NO}`)
    expect(created.BODY.PAY_STATUS).toBe('0')
    const page = await fetch(url + pagePath(created.BODY.QR_URL))
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    expect(html).toContain('¥</small>50.00')
    expect(html).toContain('收款方')
    expect(html).toMatch(/<form method="post" action="(QP\w+)\/confirm">/)
    const action = /<form method="post" action="(QP\w+\/confirm)">/.exec(html)![1]
    const paid = await fetch(new URL(action, url + pagePath(created.BODY.QR_URL)), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(paid.status).toBe(200) // followed the 303 back to the page
    expect(await paid.text()).toContain('支付成功')
    // A second Pay (reload, double tap) credits nothing more.
    await fetch(`${url}/pay/${created.BODY.PAY_NO}/confirm`, { method: 'POST' })
    const qry = await call(url, 'QR_PAY_QRY', { CUST_ID: 'C00000005', SERIAL: 'TQstub1' })
    expect(qry.BODY).toMatchObject({ PAY_STATUS: '1', AMOUNT: '5000' })
    expect(qry.BODY.PAY_ID).not.toBe('')
    expect((await account('C00000005')).balanceFen).toBe(before.balanceFen + 5000)
    expect((await topups()).bySerial.TQstub1).toEqual({ count: 1, totalFen: 5000 })
    expect((await create('C00000005', 'TQstub1', '5000')).HEAD.RSP_CODE).toBe('3002')
  })

  it('cancels without crediting, and Pay after Cancel does nothing', async () => {
    const before = await account('C00000001')
    const created = await create('C00000001', 'TQstub2', '3000')
    const cancelled = await fetch(`${url}/pay/${created.BODY.PAY_NO}/cancel`, { method: 'POST' })
    expect(await cancelled.text()).toContain('支付已取消')
    await fetch(`${url}/pay/${created.BODY.PAY_NO}/confirm`, { method: 'POST' })
    expect((await call(url, 'QR_PAY_QRY', { CUST_ID: 'C00000001', PAY_NO: created.BODY.PAY_NO })).BODY.PAY_STATUS).toBe(
      '2',
    )
    expect((await account('C00000001')).balanceFen).toBe(before.balanceFen)
  })

  it('expires unpaid; Pay after expiry credits nothing', async () => {
    const before = await account('C00000001')
    const created = await create('C00000001', 'TQstub3', '3000', { EXPIRE_SECONDS: '1' })
    await new Promise((r) => setTimeout(r, 1200))
    expect((await call(url, 'QR_PAY_QRY', { CUST_ID: 'C00000001', SERIAL: 'TQstub3' })).BODY.PAY_STATUS).toBe('3')
    const res = await fetch(`${url}/pay/${created.BODY.PAY_NO}/confirm`, { method: 'POST' })
    expect(await res.text()).toContain('二维码已过期')
    expect((await account('C00000001')).balanceFen).toBe(before.balanceFen)
  })

  it('lifts a suspension when a payment clears the arrears, in the same transaction', async () => {
    const before = await account('C00000003')
    expect(before.acctStatus).toBe('3')
    const created = await create('C00000003', 'TQstub4', String(before.arrearsFen + 1000))
    await fetch(`${url}/pay/${created.BODY.PAY_NO}/confirm`, { method: 'POST' })
    expect(await account('C00000003')).toMatchObject({
      acctStatus: '1',
      arrearsFen: 0,
      balanceFen: before.balanceFen + 1000,
    })
    const subs = await call(url, 'SUBS_LIST_QRY', { CUST_ID: 'C00000003' })
    expect(subs.BODY.SUBS_LIST.filter((s: { SUBS_STATUS: string }) => s.SUBS_STATUS === '2')).toEqual([])
    expect(subs.BODY.SUBS_LIST.some((s: { SUBS_STATUS: string }) => s.SUBS_STATUS === '1')).toBe(true)
    const bills = await call(url, 'BILL_LIST_QRY', { CUST_ID: 'C00000003', BEGIN_MONTH: '200001', END_MONTH: '209912' })
    expect(bills.BODY.BILL_LIST.every((b: { BILL_STATUS: string }) => b.BILL_STATUS === '2')).toBe(true)
  })

  it.each([['0'], ['-5'], ['1.5'], ['500001'], ['abc']])('refuses AMOUNT %s with 1002', async (amount) => {
    expect((await create('C00000001', `TQbad${amount.replace(/\W/g, '')}`, amount)).HEAD.RSP_CODE).toBe('1002')
  })

  it('answers an unknown pay page with 404 HTML', async () => {
    const res = await fetch(`${url}/pay/QP20260101000000ABCDEF0123`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('订单不存在')
  })
})
