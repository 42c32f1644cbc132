import { describe, expect, it } from 'vitest'
import { bootTv } from './boot.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

interface Text {
  text: string
  ref?: string
  size: number
  y1: number
  y2: number
}

const texts = (tv: Tv) =>
  tv.page.evaluate(() => (window as unknown as { __tvhall: { scan(): { texts: Text[] } } }).__tvhall.scan().texts)
const titleSize = async (tv: Tv) => ((await texts(tv)).find((t) => t.ref === 'PageTitle') || { size: 0 }).size
const background = (tv: Tv) =>
  tv.page.evaluate(() => document.querySelector('[ref="Background"]')?.getAttribute('color'))

const language = (tv: Tv) =>
  tv.page.evaluate(() => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language)
/** A mark on the page's window: it survives only if the hall never reloads. */
const marked = (tv: Tv) => tv.page.evaluate(() => (window as unknown as { __lookMark?: number }).__lookMark === 42)

// Large text and high contrast apply in place (issues 16, 17): same screen, same row focused, same language, no reload; kept on the box.
describe('settings: large text and high contrast', () => {
  const boot = bootTv()

  it('re-themes the running hall in English: focus stays on the row, no reload, and the look survives a restart', async () => {
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, boot.stack.bySubscriber('normal'), { lang: 'en' }))
    await tv.waitForRoute('home')
    await tv.press('8')
    await tv.waitForRoute('settings')
    await tv.page.waitForSelector('[ref="LargeTextSetting"]')
    await tv.page.evaluate(() => ((window as unknown as { __lookMark?: number }).__lookMark = 42))
    expect(await language(tv)).toBe('en')
    const before = await titleSize(tv)
    const bgBefore = await background(tv)
    expect(before).toBeGreaterThan(0)

    await tv.press('down')
    expect(await tv.focusedRef()).toBe('HighContrastSetting')
    await tv.press('ok')
    await tv.page.waitForFunction(
      () => document.querySelector('[ref="Background"]')?.getAttribute('color') === 'ff000000',
      { timeout: 10_000 },
    )
    expect(bgBefore).not.toBe('ff000000')
    expect(await tv.focusedRef()).toBe('HighContrastSetting')
    expect(await tv.waitForText('HighContrastSetting', (t) => /High contrast.*On/i.test(t))).toMatch(
      /High contrast.*On/i,
    )
    expect(await language(tv)).toBe('en')
    expect(await marked(tv)).toBe(true)

    await tv.press('up')
    expect(await tv.focusedRef()).toBe('LargeTextSetting')
    await tv.press('ok')
    await tv.page.waitForFunction(
      (b: number) => {
        const scan = (window as unknown as { __tvhall: { scan(): { texts: Text[] } } }).__tvhall.scan()
        const title = scan.texts.find((t) => t.ref === 'PageTitle')
        return !!title && title.size > b * 1.15
      },
      { timeout: 10_000 },
      before,
    )
    expect((await titleSize(tv)) / before).toBeCloseTo(1.25, 1)
    expect(await tv.focusedRef()).toBe('LargeTextSetting')
    expect(await tv.text('LargeTextSetting')).toMatch(/Large text.*On/i)
    expect(await marked(tv)).toBe(true)
    expect(await language(tv)).toBe('en')
    // Its toast ("applied") stands above the hint bar in large text and high contrast: the keys stay readable.
    await tv.page.waitForFunction(
      () => {
        const scan = (window as unknown as { __tvhall: { scan(): { texts: Text[] } } }).__tvhall.scan()
        return scan.texts.some((t) => t.ref === 'ToastText' && t.text.length > 0)
      },
      { timeout: 10_000 },
    )
    const shown = await texts(tv)
    const toast = shown.find((t) => t.ref === 'ToastText' && t.text.length > 0)!
    const hints = shown.filter((t) => t.y1 >= 940 && t !== toast)
    expect(hints.length).toBeGreaterThan(0)
    expect(toast.y2).toBeLessThanOrEqual(Math.min(...hints.map((t) => t.y1)))

    // Home, built before the change: large text and the black ground too, every text inside the title-safe area.
    await tv.press('home')
    await tv.waitForRoute('home')
    await tv.page.waitForSelector('[ref="HelpTile"]')
    await new Promise((r) => setTimeout(r, 800))
    expect((await titleSize(tv)) / before).toBeCloseTo(1.25, 1)
    const outside = (await texts(tv)).filter((t) => t.y1 < 53 || t.y2 > 1027).map((t) => t.text)
    expect(outside).toEqual([])
    expect(await marked(tv)).toBe(true)

    // Remembered on the box: a restart starts with both.
    await tv.page.reload({ waitUntil: 'load' })
    await tv.waitForRoute('home')
    await tv.page.waitForSelector('[ref="HelpTile"]')
    expect(await background(tv)).toBe('ff000000')
    expect((await titleSize(tv)) / before).toBeCloseTo(1.25, 1)
    expect(await language(tv)).toBe('en')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })
})
