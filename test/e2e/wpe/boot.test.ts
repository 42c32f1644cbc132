import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatFen } from '../../../src/app/lib/format.ts'
import { bossCall, type Stack } from '../../integration/harness.ts'
import { bossAccount, startTvStack, tvUrl } from '../stack.ts'
import { WpeTv } from './wpeTv.ts'

// The hall on WPE WebKit, the engine of RDK-style boxes (Debian's cog headless, driven by WPEWebDriver),
// against the real boss-stub behind the real BFF: both bundles boot to home and show the live balance, and
// the remote's keys move the focus and open the bills.

/** Which of the app's bundles the page loaded (resource timing), so a test knows the bundle it checked. */
const loadedBundles = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name.replace(/^.*\/js\//, ''))
    .filter((n) => /^app\./.test(n))

describe('the hall on WPE WebKit', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startTvStack()
  })
  afterAll(async () => {
    await stack?.close()
  })

  const bundles: { name: string; scenario: string; extra: Record<string, string>; file: string }[] = [
    { name: 'modern', scenario: 'normal', extra: {}, file: 'app.modern.js' },
    // The ES5 bundle old boxes run, on another household (one in arrears: its boot notice comes first).
    { name: 'legacy (ES5)', scenario: 'arrears', extra: { legacy: '1' }, file: 'app.legacy.js' },
  ]
  for (const b of bundles) {
    it(`boots the ${b.name} bundle to home and shows the ${b.scenario} household's balance as the BOSS records it`, async () => {
      const who = stack.bySubscriber(b.scenario)
      const tv = await WpeTv.boot(tvUrl(stack, who, b.extra))
      try {
        expect(tv.version).toMatch(/^2\.\d+/)
        expect(await tv.wpe.run(loadedBundles)).toEqual([b.file])
        if (b.scenario === 'arrears') {
          expect(await tv.waitForText('DialogTitle', (t) => t.length > 0)).toMatch(/欠费/)
          await tv.press('back')
          await tv.waitFor(
            'boot notice closed',
            () => document.querySelector('[ref="BootNoticeClose"]') === null,
            (gone) => gone,
            5_000,
          )
        }
        expect(await tv.focusedRef()).toBe('BalanceTile')
        await tv.screenshot(`home-${b.name.split(' ')[0]}`)

        await tv.press('ok')
        await tv.waitForRoute('balance')
        const record = await bossAccount(stack, who.customerId)
        expect(await tv.waitForText('BalanceValue', (t) => t !== '--' && t !== '')).toBe(formatFen(record.balanceFen))
        expect(await tv.waitForText('ArrearsValue', (t) => t !== '--' && t !== '')).toBe(formatFen(record.arrearsFen))
        await tv.screenshot(`balance-${b.name.split(' ')[0]}`)

        await tv.press('back')
        await tv.waitForRoute('home')
        expect(await tv.focusedRef()).toBe('BalanceTile')
        expect(await tv.errors()).toEqual([])
      } finally {
        await tv.close()
      }
    })
  }

  it('moves the focus with the remote and opens the newest bill, totals as the BOSS has them', async () => {
    const who = stack.bySubscriber('bill-jump')
    const now = new Date(Date.now() + 8 * 3600_000)
    const res = await bossCall(stack, 'BILL_LIST_QRY', {
      CUST_ID: who.customerId,
      BEGIN_MONTH: `${now.getUTCFullYear() - 1}01`,
      END_MONTH: now.toISOString().slice(0, 7).replace('-', ''),
    })
    const bills = (res.BODY.BILL_LIST as { BILL_MONTH: string; TOTAL_FEE: string }[])
      .slice()
      .sort((a, b) => (a.BILL_MONTH < b.BILL_MONTH ? 1 : -1))
    expect(bills.length).toBeGreaterThan(2)

    const tv = await WpeTv.boot(tvUrl(stack, who))
    try {
      expect(await tv.focusedRef()).toBe('BalanceTile')
      await tv.press('right')
      expect(await tv.focusedRef()).toBe('BillsTile')
      await tv.press('down')
      const below = await tv.focusedRef()
      expect(below).toMatch(/Tile$/)
      expect(below).not.toBe('BillsTile')
      await tv.press('up')
      expect(await tv.focusedRef()).toBe('BillsTile')

      await tv.press('ok')
      await tv.waitForRoute('bills')
      // The chart starts on the newest month; Left walks back through the months, Right comes back.
      expect(await tv.waitForText('BillFocusTotal', (t) => t !== '--' && t !== '')).toBe(
        formatFen(Number(bills[0].TOTAL_FEE)),
      )
      const newest = await tv.focusedRef()
      expect(newest).toMatch(/^BillBar\d+$/)
      const n = Number(newest!.slice('BillBar'.length))
      await tv.press('left')
      expect(await tv.focusedRef()).toBe(`BillBar${n - 1}`)
      expect(await tv.waitForText('BillFocusTotal', (t) => t === formatFen(Number(bills[1].TOTAL_FEE)))).toBeTruthy()
      await tv.press('right')
      expect(await tv.focusedRef()).toBe(newest)
      await tv.screenshot('bills-chart')

      await tv.press('ok')
      await tv.waitForRoute('bills/:billId')
      expect(await tv.waitForText('BillTotalValue', (t) => t !== '--' && t !== '')).toBe(
        formatFen(Number(bills[0].TOTAL_FEE)),
      )
      await tv.screenshot('bill-detail')
      await tv.press('back')
      await tv.waitForRoute('bills')
      expect(await tv.focusedRef()).toBe(newest)
      expect(await tv.errors()).toEqual([])
    } finally {
      await tv.close()
    }
  })
})
