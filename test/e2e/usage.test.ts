import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDbUsageStore } from '../../src/bff/analytics/duckdbStore.ts'
import type { Stack } from '../integration/harness.ts'
import { usageStore } from '../integration/usage/helpers.ts'
import { bootTv } from './boot.ts'
import { tvUrl } from './stack.ts'
import { OUTPUT_DIR, Tv, type RemoteKey } from './tv.ts'

// A real app session in Chromium against the real BFF and boss-stub: its usage events reach the DuckDB
// file exactly once, carry no secret, stop when the viewer switches them off, and the operator's page
// in a real browser shows the session's order funnel and downloads it as CSV.
const PRODUCT = 'P_SPORTS'
const FAST = { usageEveryMs: '400' }
const boot = bootTv()
let stack: Stack
let store: DuckDbUsageStore

async function pressUntil(tv: Tv, key: RemoteKey, ref: string, max = 12): Promise<void> {
  for (let i = 0; i < max && (await tv.focusedRef()) !== ref; i++) await tv.press(key)
  expect(await tv.focusedRef()).toBe(ref)
}

async function settled(): Promise<Record<string, unknown>[]> {
  // Until two reads a couple of send intervals apart agree: the box has sent all it had.
  let last = -1
  for (let i = 0; i < 40; i++) {
    const n = await store.count()
    if (n === last && n > 0) break
    last = n
    await new Promise((r) => setTimeout(r, 1_000))
  }
  return store.dump()
}

beforeAll(async () => {
  stack = boot.stack
  store = await usageStore(stack)
})
afterAll(async () => {
  await store?.close()
})

describe('usage events from a real app session', () => {
  it('an order with its PIN reaches the store once per event, with the funnel complete and no secret in it', async () => {
    const who = stack.bySubscriber('normal')
    const tv = await Tv.open(boot.browser, tvUrl(stack, who, FAST))
    await tv.waitForRoute('home')
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await tv.waitForText('Product_P_HD.ProductName', (t) => t.length > 0) // the catalogue opens on the first shelf with something to buy
    await tv.press('left')
    await pressUntil(tv, 'down', 'Category_sports')
    await tv.press('right')
    await pressUntil(tv, 'down', `Product_${PRODUCT}`, 1)
    await tv.press('ok')
    await tv.waitForRoute('packages/:productId')
    await tv.waitForText('ProductTitle', (t) => t.length > 0)
    await tv.press('ok')
    await tv.waitForRoute('order/:productId/:periodMonths')
    await tv.waitForText('OrderAmount', (t) => t !== '--')
    await tv.press('right', 'ok')
    await tv.waitForText('PinTitle', (t) => t.length > 0)
    await tv.press(...(who.pin.split('') as RemoteKey[]))
    expect(await tv.waitForText('OrderResultTitle', (t) => t === '订购成功' || t === '订购未成功', 30_000)).toBe(
      '订购成功',
    )
    await tv.press('home')
    await tv.waitForRoute('home')

    const rows = await settled()
    expect(new Set(rows.map((r) => `${String(r.household)}/${String(r.event_id)}`)).size).toBe(rows.length)
    const flow = rows
      .filter((r) => r.type === 'flow' && r.flow === 'order')
      .map((r) => `${String(r.outcome)}:${String(r.step)}`)
    expect(flow).toEqual(['started:catalogue', 'step:detail', 'step:confirm', 'step:pin', 'finished:done'])
    expect(rows.filter((r) => r.type === 'screen').map((r) => r.screen)).toEqual(
      expect.arrayContaining(['home', 'packages', 'packages/:productId', 'order/:productId/:periodMonths']),
    )
    // The scan: nothing that identifies the household or that it typed.
    const text = JSON.stringify(rows)
    for (const secret of [who.pin, who.cardNo, who.deviceId, who.customerId, who.name])
      expect(text).not.toContain(secret)
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('the operator page shows the session’s funnel and downloads it as CSV', async () => {
    const page = await boot.browser.newPage()
    await page.authenticate({
      username: stack.config.usage.operatorUser,
      password: stack.config.usage.operatorPassword,
    })
    await page.goto(`${stack.bffUrl}/operator/usage`, { waitUntil: 'load' })
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 })
    const funnel = await page.$eval('#section-funnel table', (t) => t.innerText)
    expect(funnel).toMatch(/catalogue\s+1\b/)
    expect(funnel).toMatch(/done\s+1\b/)
    expect(await page.$$eval('#section-funnel canvas', (c) => c.length)).toBe(1)
    await page.screenshot({ path: `${OUTPUT_DIR}usage-report.png`, fullPage: true })
    const csv = await page.$eval('#csv-funnel', async (a) => {
      const res = await fetch((a as HTMLAnchorElement).href)
      return { type: res.headers.get('content-type'), text: await res.text() }
    })
    expect(csv.type).toMatch(/text\/csv/)
    expect(csv.text.split('\r\n')[0]).toBe('step,sessions,gaveUp,dropOff')
    expect(csv.text).toContain('done,1,0,0')
    await page.close()
  })

  it('switched off on the box, nothing more is sent', async () => {
    const who = stack.bySubscriber('normal')
    const tv = await Tv.open(boot.browser, tvUrl(stack, who, FAST))
    await tv.waitForRoute('home')
    await tv.page.evaluate(() => localStorage.setItem('tvhall.viewerPrefs', JSON.stringify({ usage: false })))
    await tv.page.reload({ waitUntil: 'load' })
    await tv.waitForRoute('home')
    const before = (await settled()).length
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await new Promise((r) => setTimeout(r, 2_000))
    expect(await store.count()).toBe(before)
    await tv.page.close()
  })
})
