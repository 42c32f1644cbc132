import { describe, expect, it } from 'vitest'
import { bossCall, type Subscriber } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

// 主动服务 end to end: the real boss-stub derives the messages, the real BFF serves them and the built app, Chromium
// is driven with remote keys only.
describe('messages and service information on the TV', () => {
  const boot = bootTv()

  const stubUnread = async (who: Subscriber): Promise<number> =>
    Number((await bossCall(boot.stack, 'MSG_LIST_QRY', { CUST_ID: who.customerId })).BODY.UNREAD_COUNT)
  const dialogShown = (tv: Tv) => tv.page.evaluate(() => document.querySelector('[ref="BootNoticeClose"]') !== null)
  const badge = (tv: Tv) => tv.text('MessagesTile.BadgeCount', 5_000).catch(() => '')

  it('shows the arrears notice once on start; Back closes it, it is read at the BOSS, and a reload does not show it again', async () => {
    const who = boot.stack.bySubscriber('arrears')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    await tv.page.waitForSelector('[ref="BootNoticeAction"]', { timeout: 20_000 })
    expect(await tv.focusedRef()).toBe('BootNoticeAction')
    expect(await tv.text('DialogTitle')).toMatch(/欠费/)
    await tv.screenshot('messages-boot-notice-arrears')
    const before = await stubUnread(who)

    await tv.press('back')
    await tv.page.waitForFunction(() => document.querySelector('[ref="BootNoticeClose"]') === null, { timeout: 5_000 })
    expect(await tv.focusedRef()).toBe('BalanceTile')
    // The dialog's event is now read at the BOSS, and the badge agrees with the BOSS's count.
    await expect.poll(() => stubUnread(who), { timeout: 5_000 }).toBe(before - 1)
    await expect.poll(() => badge(tv), { timeout: 10_000 }).toBe(String(before - 1))

    await tv.page.reload({ waitUntil: 'load' })
    await tv.waitForRoute('home')
    await expect.poll(() => badge(tv), { timeout: 10_000 }).toBe(String(before - 1))
    await new Promise((r) => setTimeout(r, 1500))
    expect(await dialogShown(tv)).toBe(false)
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('counts the unread on the home tile as the BOSS does; opening a reminder and following its link lowers it', async () => {
    const who = boot.stack.bySubscriber('expiring-soon')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    const unread = await stubUnread(who)
    expect(unread).toBeGreaterThan(0)
    await expect.poll(() => badge(tv), { timeout: 10_000 }).toBe(String(unread))
    expect(await dialogShown(tv), 'no boot notice: the package ends in 3 days, not today').toBe(false)
    await tv.screenshot('messages-home-badge')

    await tv.press('6')
    await tv.waitForRoute('messages')
    await tv.page.waitForSelector('[ref^="Message-EXP-"]', { timeout: 10_000 })
    expect(await tv.focusedRef()).toMatch(/^Message-EXP-/)
    await tv.screenshot('messages-list')

    await tv.press('ok')
    await tv.waitForRoute('messages/:messageId')
    expect(await tv.waitForText('MessageTitle', (t) => t.length > 0)).toMatch(/体育包/)
    expect(await tv.text('MessageBody')).toMatch(/¥\d+\.\d{2}/)
    expect(await tv.focusedRef()).toBe('MessageAction')
    await tv.screenshot('messages-detail-expiry')
    await expect.poll(() => stubUnread(who), { timeout: 5_000 }).toBe(unread - 1)

    await tv.press('ok')
    await tv.waitForRoute('packages')
    await tv.press('back')
    await tv.waitForRoute('messages/:messageId')
    await tv.press('back')
    await tv.waitForRoute('messages')
    await tv.press('back')
    await tv.waitForRoute('home')
    await expect.poll(() => badge(tv), { timeout: 10_000 }).toBe(String(unread - 1))
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('answers a FAQ and shows the service points with map QR codes', async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    await tv.press('7')
    await tv.waitForRoute('help')
    expect(await tv.waitForText('Faq-basic-fee.Answer', (t) => t.length > 0)).toMatch(/26\.50/)
    expect(await tv.focusedRef()).toBe('HelpTab-tariffs')
    await tv.screenshot('help-faq')
    await tv.press('down', 'down', 'down', 'down', 'down')
    expect(await tv.focusedRef()).toBe('HelpTab-points')
    expect(await tv.text('Point-xuanwu.PointName')).toMatch(/玄武/)
    await tv.screenshot('help-points')
    await tv.press('down')
    expect(await tv.text('HotlineNumber')).toBe('96296')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })
})
