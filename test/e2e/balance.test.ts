import { describe, expect, it } from 'vitest'
import { formatFen } from '../../src/app/lib/format.ts'
import { bootTv } from './boot.ts'
import { bossAccount, tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

// Walking skeleton, end to end: the real boss-stub, the real BFF serving the built app, real Chromium,
// driven with remote keys only.
describe('balance on the TV comes from the BOSS', () => {
  const boot = bootTv()

  for (const scenario of ['normal', 'arrears'] as const) {
    it(`shows the ${scenario} household's balance and arrears as the stub records them`, async () => {
      const who = boot.stack.bySubscriber(scenario)
      const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
      await tv.waitForRoute('home')
      // Arrears comes with its one boot notice; Back closes it and leaves the focus where it was.
      if (scenario === 'arrears') expect(await tv.dismissBootNotice()).toMatch(/欠费/)
      expect(await tv.focusedRef()).toBe('BalanceTile')

      await tv.press('ok')
      await tv.waitForRoute('balance')
      const record = await bossAccount(boot.stack, who.customerId)
      expect(await tv.waitForText('BalanceValue', (t) => t !== '--')).toBe(formatFen(record.balanceFen))
      expect(await tv.waitForText('ArrearsValue', (t) => t !== '--')).toBe(formatFen(record.arrearsFen))
      await tv.screenshot(`balance-${scenario}`)

      await tv.press('back')
      await tv.waitForRoute('home')
      expect(await tv.focusedRef()).toBe('BalanceTile')
      expect(tv.errors).toEqual([])
      await tv.page.close()
    })
  }

  it('runs the ES5 legacy bundle (old box engines) through to the live balance', async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who, { legacy: '1' }))
    await tv.waitForRoute('home')
    const scripts = await tv.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => /\/js\/app\./.test(n)),
    )
    expect(scripts.map((n) => n.replace(/^.*\/js\//, ''))).toEqual(['app.legacy.js'])
    await tv.press('ok')
    await tv.waitForRoute('balance')
    const record = await bossAccount(boot.stack, who.customerId)
    expect(await tv.waitForText('BalanceValue', (t) => t !== '--')).toBe(formatFen(record.balanceFen))
    await tv.press('back')
    await tv.waitForRoute('home')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('says in plain words on the home screen that a suspended account is suspended', async () => {
    const who = boot.stack.bySubscriber('suspended')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who))
    await tv.waitForRoute('home')
    const banner = await tv.waitForText('BannerText', (t) => t.length > 0)
    expect(banner).toMatch(/停机/)
    await tv.screenshot('home-suspended')
    await tv.page.close()
  })
})
