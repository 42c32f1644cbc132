import { describe, expect, it } from 'vitest'
import { formatFen } from '../../src/app/lib/format.ts'
import { mockDemoDevice } from '../../mocks/fixtures/households.ts'
import { householdData } from '../../mocks/scenarios.ts'
import { bootPreview } from './boot.ts'
import { Tv } from './tv.ts'

// `npm run preview`: the built app on msw's service worker alone, no BFF and no BOSS running.
describe('preview on mocks', () => {
  const boot = bootPreview()

  it('shows the arrears scenario from the mocks, with its balance on the balance screen', async () => {
    const tv = await Tv.open(boot.browser, `${boot.preview.url}/?mock=arrears&inspector=1`)
    await tv.waitForRoute('home')
    expect(await tv.waitForText('BannerText', (t) => t.length > 0)).toMatch(/欠费/)
    expect(await tv.dismissBootNotice()).toMatch(/欠费/)
    await tv.press('ok')
    await tv.waitForRoute('balance')
    const expected = householdData('arrears', mockDemoDevice, new Date()).account
    expect(await tv.waitForText('ArrearsValue', (t) => t !== '--')).toBe(formatFen(expected.arrearsFen))
    await tv.screenshot('preview-arrears-balance')
    await tv.page.close()
  })

  it('shows the friendly outage screen with Retry when the BOSS is down', async () => {
    const tv = await Tv.open(boot.browser, `${boot.preview.url}/?mock=boss-down&inspector=1`)
    await tv.waitForRoute('home')
    await tv.press('ok')
    await tv.waitForRoute('balance')
    const message = await tv.waitForText('ErrorState.Message', (t) => t.length > 0)
    expect(message.length).toBeGreaterThan(4)
    // Where I am is known although the first load failed (the Router names the route after the page's _init).
    const crumbs = await tv.page.evaluate(() =>
      Array.from(document.querySelectorAll('[ref="Crumbs"][texture-text]'), (e) => e.getAttribute('texture-text')),
    )
    expect(crumbs).toContain('首页')
    await tv.screenshot('preview-boss-down')
    await tv.page.close()
  })
})
