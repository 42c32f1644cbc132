import { describe, expect, it } from 'vitest'
import { formatFen } from '../../src/app/lib/format.ts'
import { bootTv } from './boot.ts'
import { focusOn, openHome, openPackage, pressUntil, toTicketConfirmation } from './remote.ts'
import { bossAccount, tvUrl } from './stack.ts'
import { Tv, type RemoteKey } from './tv.ts'

interface PrepaidCard {
  cardNo: string
  password: string
  faceValueFen: number
}

/** Presses Back until home, noting every route on the way (a route that never settles counts as where it stayed). */
async function backToHome(tv: Tv, max = 6): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    const before = await tv.route()
    if (before === 'home') break
    await tv.press('back')
    await tv.page
      .waitForFunction(
        (b) => (window as unknown as { __tvhall: { route?: string } }).__tvhall.route !== b,
        { timeout: 5_000 },
        before,
      )
      .catch(() => undefined)
    await new Promise((r) => setTimeout(r, 300))
    seen.push((await tv.route()) ?? '')
  }
  return seen
}

// Issue 17: flows that never trap, mislead or repeat the viewer, driven with the remote against the real
// BFF and boss-stub. Each case failed on the code before the fix (see the report of issue 17).
describe('flows that never trap, mislead or repeat the viewer', () => {
  const boot = bootTv()

  it('order: the PIN step names package, period and price and the way out of a forgotten PIN; the result holds the focus; Back after the purchase never reaches the order again', async () => {
    const tv = await openHome(boot, 'normal')
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await tv.waitForText('Product_P_HD.ProductName', (t) => t.length > 0)
    // Opens on a package that can be bought, never the base fee (基本收视维护费, listed, not orderable).
    expect(await tv.focusedRef()).toBe('Product_P_HD')
    await openPackage(tv, 'sports', 'P_SPORTS')
    await tv.waitForText('ProductTitle', (t) => t.length > 0) // OK before the package has loaded does nothing
    await tv.press('ok')
    await tv.waitForRoute('order/:productId/:periodMonths')
    const price = await tv.waitForText('OrderAmount', (t) => t !== '--')
    await pressUntil(tv, 'right', 'ConfirmButton', 1)
    await tv.press('ok')
    await tv.waitForText('PinTitle', (t) => t.length > 0)
    const pinFor = await tv.waitForText('PinFor', (t) => t.length > 0)
    expect(pinFor).toContain('体育')
    expect(pinFor).toContain('1个月')
    expect(pinFor).toContain(price)
    expect(await tv.waitForText('PinForgot', (t) => /\d{3}/.test(t))).toMatch(/忘记密码.*营业网点/)
    await tv.screenshot('flows-order-pin')
    await tv.press('1', '2', '3', '4', '5', '6')
    expect(await tv.waitForText('OrderResultTitle', (t) => t === '订购成功', 30_000)).toBe('订购成功')
    // The result screen's main button holds the focus (it had none).
    await focusOn(tv, 'ResultDoneButton', 5_000)
    await tv.screenshot('flows-order-result')

    await pressUntil(tv, 'right', 'ResultSubscriptionsButton', 2)
    await tv.press('ok')
    await tv.waitForRoute('subscriptions')
    const path = await backToHome(tv)
    expect(path[0]).toBe('packages')
    expect(path.filter((r) => /^order\//.test(r))).toEqual([])
    expect(path[path.length - 1]).toBe('home')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('repair: after the ticket is sent, Back (from the result or from My tickets) goes to the repair hub, never the filled form', async () => {
    const tv = await openHome(boot, 'normal')
    await toTicketConfirmation(tv)
    await tv.press('ok')
    await tv.waitForText('TicketNumber', (t) => t.length > 0)
    await focusOn(tv, 'ViewTicketsButton', 5_000)
    await tv.press('ok')
    await tv.waitForRoute('repair/tickets')
    await focusOn(tv, 'TicketRow0')
    await tv.press('ok')
    await tv.waitForRoute('repair/tickets/:ticketId')
    await tv.page.waitForSelector('[ref="CancelTicketButton"], [ref="Rating"]')
    // A fresh ticket can be cancelled: the focus opens on Back, never on 取消工单.
    await tv.page.waitForFunction(() => document.querySelectorAll('[focused="true"]').length > 0)
    if (await tv.page.$('[ref="CancelTicketButton"]')) expect(await tv.focusedRef()).toBe('BackButton')
    expect(await tv.focusedRef()).not.toBe('CancelTicketButton')
    await tv.screenshot('flows-ticket-detail')
    await tv.press('back')
    await tv.waitForRoute('repair/tickets')
    const path = await backToHome(tv)
    expect(path[0]).toBe('repair')
    expect(path.filter((r) => /^repair\/(report|symptom)/.test(r))).toEqual([])
    expect(path[path.length - 1]).toBe('home')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('spending limit: the picker opens on the current limit, marked, not on "no limit"', async () => {
    const tv = await openHome(boot, 'normal')
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await tv.waitForText('Product_P_HD.ProductName', (t) => t.length > 0)
    await pressUntil(tv, 'up', 'SpendingLimitButton', 3)
    await tv.press('ok')
    await tv.waitForRoute('spending-limit')
    // Every household starts with the operator's ¥500 a month.
    expect(await tv.waitForText('LimitValue', (t) => t !== '--')).toBe('¥500.00')
    await focusOn(tv, 'Limit_50000', 5_000)
    expect(await tv.text('CurrentMark')).toBe('当前限额')
    await tv.screenshot('flows-spending-limit')
    // A new limit asks for the purchase PIN, saying the new limit under its title; the sixth digit saves it.
    await pressUntil(tv, 'left', 'Limit_none', 8)
    await tv.press('ok')
    expect(await tv.waitForText('PinFor', (t) => t.length > 0)).toBe('新的限额：不限')
    await tv.press('1', '2', '3', '4', '5', '6')
    expect(await tv.waitForText('LimitValue', (t) => t === '不限')).toBe('不限')
    await focusOn(tv, 'Limit_none', 5_000)
    // Back to the operator's ¥500, so the household is left as every other test finds it.
    await pressUntil(tv, 'right', 'Limit_50000', 8)
    await tv.press('ok')
    await tv.waitForText('PinFor', (t) => t.includes('¥500.00'))
    await tv.press('1', '2', '3', '4', '5', '6')
    expect(await tv.waitForText('LimitValue', (t) => t === '¥500.00')).toBe('¥500.00')
    await tv.page.close()
  })

  it('card top-up: digits typed on the remote fill the form and the focus moves on to Top up by itself; the result splits credit, arrears paid and balance', async () => {
    const who = boot.stack.bySubscriber('arrears')
    const before = await bossAccount(boot.stack, who.customerId)
    expect(before.arrearsFen).toBeGreaterThan(0)
    const res = await fetch(
      `${boot.stack.bossUrl}/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=50`,
    )
    const card = ((await res.json()) as PrepaidCard[]).filter(
      (c) => !c.cardNo.startsWith('910000000000000') && c.faceValueFen > before.arrearsFen,
    )[0]
    expect(card, 'an unused card worth more than the arrears').toBeTruthy()

    const tv = await openHome(boot, 'arrears')
    await tv.page.keyboard.press('F1') // red: top up
    await tv.waitForRoute('topup')
    await focusOn(tv, 'CardTopupButton')
    await tv.press('ok')
    await tv.waitForRoute('topup/card')
    await tv.press(...((card.cardNo + card.password).split('') as RemoteKey[]))
    // No arrows: the complete card took the focus to Top up.
    expect(await tv.focusedRef()).toBe('TopupConfirmButton')
    await tv.press('ok')
    await tv.waitForRoute('topup/result/:topupId')
    const after = await bossAccount(boot.stack, who.customerId)
    expect(after.arrearsFen).toBe(0)
    expect(await tv.waitForText('TopupAmountValue', (t) => t !== '--')).toBe(formatFen(card.faceValueFen))
    expect(await tv.text('TopupArrearsPaid')).toBe(formatFen(before.arrearsFen))
    expect(await tv.text('TopupNewBalance')).toBe(formatFen(after.balanceFen))
    // Never suspended: paid off, not "restored".
    const note = await tv.text('TopupResultNote')
    expect(note).toBe('欠费已结清')
    expect(note).not.toMatch(/恢复/)
    await tv.screenshot('flows-topup-result-arrears')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('error code: a code the knowledge base does not know leaves next steps, and the focus goes to the first', async () => {
    const tv = await openHome(boot, 'normal')
    await tv.press('5')
    await tv.waitForRoute('repair')
    // The symptoms hold the focus once the page's data is in; a key pressed before then moves nothing.
    await focusOn(tv, 'Symptom0')
    await pressUntil(tv, 'right', 'ErrorCodeRow', 1)
    await tv.press('ok')
    await tv.waitForRoute('repair/code')
    await tv.press('9', '9', '7')
    await tv.waitForText('CodeTitle', (t) => /E997/.test(t))
    await focusOn(tv, 'CodeReportButton', 5_000)
    await tv.screenshot('flows-error-code-unknown')
    await tv.press('right')
    expect(await tv.focusedRef()).toBe('CodeHotlineButton')
    await tv.press('ok')
    await tv.waitForRoute('help')
    await tv.page.close()
  })

  it("language: the viewer's switch is remembered on the box and survives a reload and a start without a language", async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = await openHome(boot, 'normal')
    await tv.page.keyboard.press('F4') // blue: 中文 ⇄ English
    await tv.page.waitForFunction(
      () => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language === 'en',
    )
    await tv.page.reload({ waitUntil: 'load' })
    await tv.waitForRoute('home')
    expect(
      await tv.page.evaluate(() => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language),
    ).toBe('en')
    // The next start from the launcher, no language in its address: still the viewer's choice.
    const again = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await again.waitForRoute('home')
    expect(
      await again.page.evaluate(() => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language),
    ).toBe('en')
    // Back to Chinese for whoever comes next in this browser.
    await again.page.keyboard.press('F4')
    await again.page.waitForFunction(
      () => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language === 'zh-CN',
    )
    await again.page.close()
    await tv.page.close()
  })
})
