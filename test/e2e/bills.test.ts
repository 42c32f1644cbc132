import { describe, expect, it } from 'vitest'
import { mockDemoDevice } from '../../mocks/fixtures/households.ts'
import { householdData } from '../../mocks/scenarios.ts'
import { formatFen } from '../../src/app/lib/format.ts'
import { bossCall, type Stack } from '../integration/harness.ts'
import { bootPreview, bootTv } from './boot.ts'
import { expectFocusGrows, inside, settledFocus, textsOutsideSafeArea, waitForDrawn } from './focusCheck.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

// Bills and payments on the TV with the remote, against the real boss-stub behind the real BFF. What the
// screen shows is held against the stub's own records, asked over its own protocol.

interface StubBill {
  BILL_ID: string
  BILL_MONTH: string
  TOTAL_FEE: string
  PAID_FEE: string
}

const yyyymm = (d: Date) => d.toISOString().slice(0, 7).replace('-', '')
const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '')

/** The stub's payments of the last year, one page, newest first. */
async function stubPayments(stack: Stack, customerId: string, pageNo: number, pageSize: number) {
  const now = new Date(Date.now() + 8 * 3600_000)
  const res = await bossCall(stack, 'PAY_HIS_QRY', {
    CUST_ID: customerId,
    BEGIN_DATE: yyyymmdd(new Date(now.getTime() - 365 * 24 * 3600_000)),
    END_DATE: yyyymmdd(now),
    PAGE_NO: String(pageNo),
    PAGE_SIZE: String(pageSize),
  })
  if (!Array.isArray(res.BODY.PAY_LIST)) throw new Error('PAY_HIS_QRY: ' + JSON.stringify(res.HEAD))
  return { total: Number(res.BODY.TOTAL_COUNT), items: res.BODY.PAY_LIST as { PAY_FEE: string; PAY_CHANNEL: string }[] }
}

/** The stub's bills of the newest 12 billed months, newest first. */
async function stubBills(stack: Stack, customerId: string): Promise<StubBill[]> {
  const now = new Date(Date.now() + 8 * 3600_000)
  const begin = new Date(now)
  begin.setUTCMonth(begin.getUTCMonth() - 14)
  const res = await bossCall(stack, 'BILL_LIST_QRY', {
    CUST_ID: customerId,
    BEGIN_MONTH: yyyymm(begin),
    END_MONTH: yyyymm(now),
  })
  const bills = (res.BODY.BILL_LIST as StubBill[]).slice()
  bills.sort((a, b) => (a.BILL_MONTH < b.BILL_MONTH ? 1 : -1))
  return bills.slice(0, 12)
}

async function stubBillItems(stack: Stack, customerId: string, billId: string) {
  const res = await bossCall(stack, 'BILL_DETAIL_QRY', { CUST_ID: customerId, BILL_ID: billId })
  return res.BODY.ITEM_LIST as { ITEM_TYPE: string; ITEM_CODE: string; ITEM_NAME: string; FEE: string }[]
}

/** A row's texts (title, amount) read through the inspector's DOM mirror. */
async function rowTexts(tv: Tv, ref: string): Promise<{ title: string; amount: string }> {
  await tv.page.waitForSelector(`[ref="${ref}"] [ref="RecordAmount"][texture-text]`, { timeout: 20_000 })
  return tv.page.evaluate((r) => {
    const read = (part: string) =>
      (document.querySelector(`[ref="${r}"] [ref="${part}"]`)?.getAttribute('texture-text') ?? '').replace(
        /\u200B/g,
        '',
      )
    return { title: read('RecordTitle'), amount: read('RecordAmount') }
  }, ref)
}

async function countRows(tv: Tv, prefix: string): Promise<number> {
  return tv.page.evaluate((p) => document.querySelectorAll(`[ref^="${p}"]`).length, prefix)
}

describe('bills and payments on the TV come from the BOSS', () => {
  const boot = bootTv()

  it('walks the chart, opens bills with their totals and changes, and Back keeps the place', async () => {
    const who = boot.stack.bySubscriber('bill-jump')
    const bills = await stubBills(boot.stack, who.customerId)
    expect(bills.length).toBeGreaterThan(2)
    const newest = bills.length - 1
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    await tv.press('right')
    expect(await tv.focusedRef()).toBe('BillsTile')
    await tv.press('ok')
    await tv.waitForRoute('bills')

    // The chart starts on the newest month; Left walks back through the months.
    expect(await tv.waitForText('BillFocusTotal', (t) => t !== '--' && t !== '')).toBe(
      formatFen(Number(bills[0].TOTAL_FEE)),
    )
    expect(await tv.focusedRef()).toBe(`BillBar${newest}`)
    await waitForDrawn(tv, '选月份')
    // Nothing drawn past the title-safe area (the hints once ended below it); the payments button, grown
    // by its focus, neither (it once reached above it).
    expect(await textsOutsideSafeArea(tv)).toEqual([])
    await tv.press('up')
    const button = await settledFocus(tv)
    expect(button.ref).toBe('PaymentsButton')
    expect(inside(button)).toBe(true)
    await tv.press('down')
    expect(await tv.focusedRef()).toBe(`BillBar${newest}`)
    await tv.press('left', 'left')
    expect(await tv.focusedRef()).toBe(`BillBar${newest - 2}`)
    expect(await tv.waitForText('BillFocusTotal', (t) => t === formatFen(Number(bills[2].TOTAL_FEE)))).toBeTruthy()
    await tv.screenshot('bills-chart')
    await tv.press('right', 'right')

    // The newest bill: totals as the stub has them, every line, and what changed from the month before.
    await tv.press('ok')
    await tv.waitForRoute('bills/:billId')
    expect(await tv.waitForText('BillTotalValue', (t) => t !== '--')).toBe(formatFen(Number(bills[0].TOTAL_FEE)))
    expect(await tv.text('BillPaidValue')).toBe(formatFen(Number(bills[0].PAID_FEE)))
    const items = await stubBillItems(boot.stack, who.customerId, bills[0].BILL_ID)
    for (let i = 0; i < Math.min(items.length, 8); i++) {
      expect(await rowTexts(tv, `BillLine${i}`)).toEqual({
        title: items[i].ITEM_NAME,
        amount: formatFen(Number(items[i].FEE)),
      })
    }
    const before = await stubBillItems(boot.stack, who.customerId, bills[1].BILL_ID)
    const delta = Number(bills[0].TOTAL_FEE) - Number(bills[1].TOTAL_FEE)
    const totalLine = await tv.waitForText('BillChangeTotal', (t) => t.includes('¥'))
    expect(totalLine).toContain(formatFen(Math.abs(delta)))
    expect(totalLine).toMatch(delta > 0 ? /多/ : /少/)
    const addedPackage = items.find((it) => it.ITEM_TYPE === '02' && !before.some((b) => b.ITEM_CODE === it.ITEM_CODE))
    expect(addedPackage).toBeTruthy()
    const changeTitles: string[] = []
    for (let i = 0; i < Math.min(await countRows(tv, 'ChangeRow'), 4); i++)
      changeTitles.push((await rowTexts(tv, `ChangeRow${i}`)).title)
    expect(changeTitles).toContain(`新增 ${addedPackage!.ITEM_NAME}`)
    // The focused charge and change grow a little (focus not by colour alone) and stay in the safe area.
    await expectFocusGrows(tv, [
      ['right', 'BillLine0'],
      ['left', 'ChangeRow0'],
      ['right', 'BillLine0'],
    ])
    await tv.screenshot('bill-detail-newest')

    await tv.press('back')
    await tv.waitForRoute('bills')
    expect(await tv.focusedRef()).toBe(`BillBar${newest}`)

    // The list: Down, to the second bill, open it, Back lands on the same row.
    await tv.press('down', 'down')
    expect(await tv.focusedRef()).toBe('BillRow1')
    // Where the viewer is in the list, counted over every bill (rows not built yet included).
    expect(await tv.waitForText('PositionText', (t) => t === `2 / ${bills.length}`)).toBeTruthy()
    expect((await rowTexts(tv, 'BillRow1')).amount).toBe(formatFen(Number(bills[1].TOTAL_FEE)))
    await tv.screenshot('bills-list')
    await tv.press('ok')
    await tv.waitForRoute('bills/:billId')
    expect(await tv.waitForText('BillTotalValue', (t) => t === formatFen(Number(bills[1].TOTAL_FEE)))).toBeTruthy()
    expect(await tv.text('BillPaidValue')).toBe(formatFen(Number(bills[1].PAID_FEE)))
    await tv.press('back')
    await tv.waitForRoute('bills')
    expect(await tv.focusedRef()).toBe('BillRow1')

    // Up through the list and the chart to the payments button.
    await tv.press('up', 'up', 'up')
    await tv.press('ok')
    await tv.waitForRoute('payments')
    const pay = (await stubPayments(boot.stack, who.customerId, 1, 1)).items[0]
    expect((await rowTexts(tv, 'PaymentRow0')).amount).toBe('+' + formatFen(Number(pay.PAY_FEE)))
    await tv.screenshot('payments')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('loads the next page of payments as focus nears the end', async () => {
    // The app asks for 10 payments a page; find a household with more than one page.
    let who = boot.stack.subscribers[0]
    let total = 0
    for (const s of boot.stack.subscribers.slice(0, 40)) {
      total = (await stubPayments(boot.stack, s.customerId, 1, 1)).total
      who = s
      if (total > 10) break
    }
    expect(total).toBeGreaterThan(10)
    const second = (await stubPayments(boot.stack, who.customerId, 2, 10)).items[0]
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who) + '#payments')
    await tv.waitForRoute('payments')
    await rowTexts(tv, 'PaymentRow0')
    expect(await countRows(tv, 'PaymentRow')).toBe(10)
    // Six rows down is near the end of the first page: the second arrives before the viewer gets there.
    await tv.press(...(Array(6).fill('down') as 'down'[]))
    await tv.page.waitForSelector('[ref="PaymentRow10"]', { timeout: 10_000 })
    expect(await tv.focusedRef()).toBe('PaymentRow6')
    await tv.press(...(Array(4).fill('down') as 'down'[]))
    expect(await tv.focusedRef()).toBe('PaymentRow10')
    const row = await rowTexts(tv, 'PaymentRow10')
    expect(row.amount).toBe('+' + formatFen(Number(second.PAY_FEE)))
    await tv.screenshot('payments-page2')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('says there are no bills yet for a household opened today', async () => {
    const who = boot.stack.bySubscriber('new')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who) + '#bills')
    await tv.waitForRoute('bills')
    expect(await tv.waitForText('BillsEmpty', (t) => t.length > 1)).toMatch(/暂无账单/)
    await tv.screenshot('bills-empty')
    await tv.page.close()
  })

  it('redraws the bills in English on Blue, keeping the month in focus', async () => {
    const who = boot.stack.bySubscriber('arrears')
    const bills = await stubBills(boot.stack, who.customerId)
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who) + '#bills')
    await tv.waitForRoute('bills')
    await tv.waitForText('BillFocusTotal', (t) => t.startsWith('¥'))
    await tv.press('left')
    await tv.page.keyboard.press('F4') // Blue
    const month = bills[1].BILL_MONTH
    const en =
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(month.slice(4)) - 1] +
      ' ' +
      month.slice(0, 4)
    expect(await tv.waitForText('BillFocusMonth', (t) => t === en)).toBe(en)
    expect(await tv.text('BillFocusTotal')).toBe(formatFen(Number(bills[1].TOTAL_FEE)))
    expect(await tv.focusedRef()).toBe(`BillBar${bills.length - 2}`)
    // The English hints are longer; they still end inside the title-safe area.
    await waitForDrawn(tv, 'Month')
    expect(await textsOutsideSafeArea(tv)).toEqual([])
    await tv.screenshot('bills-english')
    await tv.page.close()
  })

  it('shows the loading indicator while a slow BOSS answers, then the bills', async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    await boot.stack.setFaults({ latencyMs: 2500 })
    try {
      await tv.press('right', 'ok')
      await tv.waitForRoute('bills')
      // On screen means the indicator and every element above it are visible (the inspector mirrors `visible`).
      const spinnerShown = () =>
        Array.from(document.querySelectorAll('[ref="Loading"]')).some((el) => {
          for (let e: HTMLElement | null = el as HTMLElement; e && e !== document.body; e = e.parentElement)
            if (e.style.visibility === 'hidden') return false
          return true
        })
      await tv.page.waitForFunction(spinnerShown, { timeout: 5_000 })
      await tv.screenshot('bills-loading')
      await tv.waitForText('BillFocusTotal', (t) => t.startsWith('¥'), 30_000)
      expect(await tv.page.evaluate(spinnerShown)).toBe(false)
    } finally {
      await boot.stack.resetFaults()
    }
    await tv.page.close()
  })

  it('shows Retry, not a frozen screen, when the BOSS is down', async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    await boot.stack.setFaults({ down: true })
    try {
      await tv.press('right', 'ok')
      await tv.waitForRoute('bills')
      await tv.page.waitForFunction(
        () =>
          document.querySelector('[ref="RetryButton"][focused="true"], [ref="RetryButton"] [focused="true"]') !==
            null || (window as any).__tvhall?.focusedRef === 'RetryButton',
        { timeout: 30_000 },
      )
      await tv.screenshot('bills-boss-down')
      await boot.stack.resetFaults()
      await tv.press('ok')
      expect(await tv.waitForText('BillFocusTotal', (t) => t.startsWith('¥'))).toBeTruthy()
      await tv.page.close()
    } finally {
      await boot.stack.resetFaults()
    }
  })
})

// msw scenarios through `npm run preview` (the built app on the mocks alone): what the mocks hold is what shows.
describe('bills on the msw scenarios', () => {
  const preview = bootPreview()

  it('shows the friendly empty state for bills and payments in the empty scenario', async () => {
    expect(householdData('empty', mockDemoDevice, new Date()).bills).toEqual([])
    const tv = await Tv.open(preview.browser, `${preview.preview.url}/?mock=empty&inspector=1#bills`)
    await tv.waitForRoute('bills')
    expect(await tv.waitForText('BillsEmpty', (t) => t.length > 1)).toMatch(/暂无账单/)
    await tv.page.keyboard.press('F3') // Yellow
    await tv.waitForRoute('payments')
    expect(await tv.waitForText('PaymentsEmpty', (t) => t.length > 1)).toMatch(/暂无缴费/)
    await tv.screenshot('payments-empty-mock')
    await tv.page.close()
  })

  it('shows the arrears scenario’s open bill as the mocks hold it', async () => {
    const data = householdData('arrears', mockDemoDevice, new Date())
    const open = data.bills.findIndex((b) => b.status !== 'settled')
    expect(open).toBeGreaterThanOrEqual(0)
    const tv = await Tv.open(preview.browser, `${preview.preview.url}/?mock=arrears&inspector=1#bills`)
    await tv.waitForRoute('bills')
    await tv.waitForText('BillFocusTotal', (t) => t.startsWith('¥'))
    await tv.press(...Array(open).fill('left'))
    expect(await tv.waitForText('BillFocusTotal', (t) => t === formatFen(data.bills[open].totalFen))).toBeTruthy()
    expect(await tv.text('BillFocusStatus')).toBe(data.bills[open].status === 'partial' ? '部分已缴' : '未缴费')
    await tv.screenshot('bills-arrears-mock')
    await tv.page.close()
  })
})
