import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import catalogue from '../../../boss-stub/data/catalogue.json' with { type: 'json' }
import type { Stack } from '../../integration/harness.ts'
import { bossAccount, startTvStack, tvUrl } from '../stack.ts'
import type { RemoteKey } from '../tv.ts'
import { WpeTv } from './wpeTv.ts'

// One the household does not hold yet (the Chromium test orders P_SPORTS).
const PRODUCT = 'P_OPERA'
/** The API's category id for the BOSS's 戏曲 (bossCatalogueAdapter). */
const CATEGORY = 'opera'

const orderCount = async (stack: Stack) =>
  ((await (await fetch(`${stack.bossUrl}/admin/stats`)).json()) as { orders: { count: number } }).orders.count

// One whole package order on WPE WebKit with the remote, the PIN typed on the digit keys, against the real
// boss-stub and BFF; the stub's records say it happened once, at the catalogue price.
describe('ordering a package on WPE WebKit', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startTvStack()
  })
  afterAll(async () => {
    await stack?.close()
  })

  it('orders the opera package with the PIN, charged once at the catalogue price', async () => {
    const who = stack.bySubscriber('normal')
    const product = (catalogue as { products: { prodId: string; prices: Record<string, number> }[] }).products.filter(
      (p) => p.prodId === PRODUCT,
    )[0]
    const price = product.prices['1']
    const before = await bossAccount(stack, who.customerId)
    const ordersBefore = await orderCount(stack)

    const tv = await WpeTv.boot(tvUrl(stack, who))
    const focusOn = async (key: RemoteKey, ref: string, max = 12) =>
      expect(await tv.pressUntil(key, ref, max)).toBe(ref)
    try {
      await focusOn('right', 'PackagesTile')
      await tv.press('ok')
      await tv.waitForRoute('packages')
      await tv.waitForText('Product_P_HD.ProductName', (t) => t.length > 0) // the catalogue opens on the first shelf with something to buy
      await tv.press('left')
      await focusOn('down', `Category_${CATEGORY}`)
      await tv.press('right')
      await focusOn('down', `Product_${PRODUCT}`)
      await tv.press('ok')
      await tv.waitForRoute('packages/:productId')
      await tv.waitForText('ProductTitle', (t) => t.includes('戏曲'))
      expect(await tv.focusedRef()).toBe('Period1')

      await tv.press('ok')
      await tv.waitForRoute('order/:productId/:periodMonths')
      expect(await tv.waitForText('OrderAmount', (t) => t !== '--' && t !== '')).toBe(`¥${(price / 100).toFixed(2)}`)
      // The safe choice first: Cancel holds the focus until the viewer moves to Confirm.
      expect(await tv.focusedRef()).toBe('CancelButton')
      await tv.press('right')
      expect(await tv.focusedRef()).toBe('ConfirmButton')
      await tv.press('ok')
      await tv.waitForText('PinTitle', (t) => t.length > 0)
      await tv.press(...(who.pin.split('') as RemoteKey[]).slice(0, 3))
      expect(await tv.text('PinDots')).toBe('●●●○○○')
      await tv.screenshot('order-pin')
      await tv.press(...(who.pin.split('') as RemoteKey[]).slice(3), 'ok')

      const title = await tv.waitForText('OrderResultTitle', (t) => t === '订购成功' || t === '订购未成功', 30_000)
      await tv.screenshot('order-result')
      expect(title).toBe('订购成功')
      expect(await orderCount(stack)).toBe(ordersBefore + 1)
      const after = await bossAccount(stack, who.customerId)
      expect(before.balanceFen - after.balanceFen).toBe(price)
      expect(await tv.errors()).toEqual([])
    } finally {
      await tv.close()
    }
  })
})
