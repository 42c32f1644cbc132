import { describe, expect, it } from 'vitest'
import catalogue from '../../boss-stub/data/catalogue.json' with { type: 'json' }
import { formatDate } from '../../src/app/lib/format.ts'
import { bossCall, type Stack } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { bossAccount, tvUrl } from './stack.ts'
import { mash, openPackage, pressUntil } from './remote.ts'
import { Tv } from './tv.ts'

const PRODUCT = 'P_SPORTS'

interface Stats {
  orders: { count: number; byOrderNo: Record<string, number> }
  charges: { count: number; byRef: Record<string, { count: number; totalFen: number }> }
}

async function bossStats(stack: Stack): Promise<Stats> {
  const res = await fetch(`${stack.bossUrl}/admin/stats`)
  return (await res.json()) as Stats
}

const yyyymmdd = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`

// The whole order on the remote, against the real boss-stub and BFF: catalogue, detail, confirmation
// (Cancel first), PIN on the digit keys, result; then the stub's own records say it happened once.
describe('ordering a package on the TV', () => {
  const boot = bootTv()

  it('orders the sports package once, charges the catalogue price and lists it in My subscriptions', async () => {
    const who = boot.stack.bySubscriber('normal')
    const price = (catalogue as { products: { prodId: string; prices: Record<string, number> }[] }).products.filter(
      (p) => p.prodId === PRODUCT,
    )[0].prices['1']
    const before = await bossAccount(boot.stack, who.customerId)
    const statsBefore = await bossStats(boot.stack)

    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    // The catalogue opens on something that can be bought (not the base fee's category).
    await tv.waitForText('Product_P_HD.ProductName', (t) => t.length > 0)
    expect(await tv.focusedRef()).toBe('Product_P_HD')
    await tv.screenshot('orders-catalogue')

    await openPackage(tv, 'sports', PRODUCT)
    await tv.waitForText('ProductTitle', (t) => t.includes('体育'))
    expect(await tv.focusedRef()).toBe('Period1')
    await tv.screenshot('orders-detail')

    await tv.press('ok')
    await tv.waitForRoute('order/:productId/:periodMonths')
    await tv.waitForText('OrderAmount', (t) => t !== '--')
    expect(await tv.focusedRef()).toBe('CancelButton')
    expect(await tv.text('OrderAmount')).toBe(`¥${(price / 100).toFixed(2)}`)
    await tv.screenshot('orders-confirm')

    await tv.press('right')
    expect(await tv.focusedRef()).toBe('ConfirmButton')
    // A viewer hammering OK: the PIN keypad must not take those presses as digits, and only one order goes out.
    await tv.press('ok', 'ok', 'ok')
    await tv.waitForText('PinTitle', (t) => t.length > 0)
    expect(await tv.text('PinDots')).toBe('○○○○○○')
    await tv.press('1', '2', '3')
    expect(await tv.text('PinDots')).toBe('●●●○○○')
    await tv.screenshot('orders-pin')
    // The last digits and OKs in one quick run, timed as a thumb presses them (on a loaded machine, presses that each
    // wait for a frame can come too far apart to be one run, and an OK then rightly acts on the result).
    await mash(tv, ['4', '5', '6', 'ok', 'ok', 'ok'], 200)

    const title = await tv.waitForText('OrderResultTitle', (t) => t === '订购成功' || t === '订购未成功', 30_000)
    await tv.screenshot('orders-result')
    expect(title).toBe('订购成功')
    // The page no longer asks to confirm what is done.
    const shownTitle = () =>
      tv.page.evaluate(
        () =>
          (window as unknown as { __tvhall: { scan(): { texts: Array<{ ref: string; text: string }> } } }).__tvhall
            .scan()
            .texts.find((x) => x.ref === 'PageTitle')?.text,
      )
    expect(await shownTitle()).toBe('订购结果')

    // The stub's own records: one order, one charge of exactly the catalogue price.
    const statsAfter = await bossStats(boot.stack)
    expect(statsAfter.orders.count - statsBefore.orders.count).toBe(1)
    const newOrders = Object.keys(statsAfter.orders.byOrderNo).filter((no) => !(no in statsBefore.orders.byOrderNo))
    expect(newOrders).toHaveLength(1)
    expect(statsAfter.charges.byRef[newOrders[0]]).toEqual({ count: 1, totalFen: price })
    const after = await bossAccount(boot.stack, who.customerId)
    expect(before.balanceFen - after.balanceFen).toBe(price)

    const subs = await bossCall(boot.stack, 'SUBS_LIST_QRY', { CUST_ID: who.customerId })
    const held = (subs.BODY.SUBS_LIST as { PROD_ID: string; SUBS_STATUS: string; EXP_DATE: string }[]).filter(
      (s) => s.PROD_ID === PRODUCT && s.SUBS_STATUS === '1',
    )
    expect(held).toHaveLength(1)
    const expiry = formatDate(yyyymmdd(held[0].EXP_DATE), 'zh-CN')
    expect(await tv.text('OrderResultBody')).toContain(expiry)

    await pressUntil(tv, 'right', 'ResultSubscriptionsButton', 2)
    await tv.press('ok')
    await tv.waitForRoute('subscriptions')
    const dates = await tv.waitForText(`Subscription_${PRODUCT}.SubDates`, (t) => t.length > 0)
    expect(dates).toContain(expiry)
    await tv.screenshot('orders-subscriptions')

    // Finished is finished (issue 17): Back from a screen reached from the result goes to the catalogue, not the order.
    await tv.press('back')
    await tv.waitForRoute('packages')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })
})
