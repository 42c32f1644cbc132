import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'puppeteer-core'
import type { Stack } from '../integration/harness.ts'
import { startTvStack, tvUrl } from './stack.ts'
import { launchBrowser, Tv } from './tv.ts'

interface Text {
  text: string
  ref?: string
  size: number
  y1: number
  y2: number
}

const texts = (tv: Tv) => tv.page.evaluate(() => ((window as unknown as { __tvhall: { scan(): { texts: Text[] } } }).__tvhall.scan().texts))
const titleSize = async (tv: Tv) => ((await texts(tv)).find((t) => t.ref === 'PageTitle') || { size: 0 }).size
const background = (tv: Tv) => tv.page.evaluate(() => document.querySelector('[ref="Background"]')?.getAttribute('color'))

// Large text and high contrast restart the app on the settings screen with the new look, kept on the box.
describe('settings: large text and high contrast', () => {
  let stack: Stack
  let browser: Browser

  beforeAll(async () => {
    stack = await startTvStack()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it('grows all text by about 1.25, turns the ground black, and still has both after a restart', async () => {
    const tv = await Tv.open(browser, tvUrl(stack, stack.bySubscriber('normal')))
    await tv.waitForRoute('home')
    await tv.press('8')
    await tv.waitForRoute('settings')
    await tv.page.waitForSelector('[ref="LargeTextSetting"]')
    expect(await tv.focusedRef()).toBe('LargeTextSetting')
    const before = await titleSize(tv)
    const bgBefore = await background(tv)
    expect(before).toBeGreaterThan(0)

    await tv.press('ok')
    await tv.page.waitForNavigation({ waitUntil: 'load' })
    await tv.waitForRoute('settings')
    await tv.page.waitForSelector('[ref="HighContrastSetting"]')
    expect((await titleSize(tv)) / before).toBeCloseTo(1.25, 1)
    expect(await tv.text('LargeTextSetting')).toMatch(/开/)

    await tv.press('down')
    expect(await tv.focusedRef()).toBe('HighContrastSetting')
    await tv.press('ok')
    await tv.page.waitForNavigation({ waitUntil: 'load' })
    await tv.waitForRoute('settings')
    await tv.page.waitForSelector('[ref="HighContrastSetting"]')
    expect(await background(tv)).toBe('ff000000')
    expect(bgBefore).not.toBe('ff000000')
    expect((await titleSize(tv)) / before).toBeCloseTo(1.25, 1)

    // Home in large text: every text still inside the title-safe area.
    await tv.press('home')
    await tv.waitForRoute('home')
    await tv.page.waitForSelector('[ref="HelpTile"]')
    await new Promise((r) => setTimeout(r, 800))
    const outside = (await texts(tv)).filter((t) => t.y1 < 53 || t.y2 > 1027).map((t) => t.text)
    expect(outside).toEqual([])
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })
})
