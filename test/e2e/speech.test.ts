import { describe, expect, it } from 'vitest'
import type { Page } from 'puppeteer-core'
import { bootTv } from './boot.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

interface Spoken {
  text: string
  lang: string
}

/** speechSynthesis as a recorder: what would be said, in which language (Chromium headless has no voices). */
async function recordSpeech(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __spoken: Spoken[]; speechSynthesis: SpeechSynthesis }
    w.__spoken = []
    const synth = w.speechSynthesis
    synth.speak = (u: SpeechSynthesisUtterance) => {
      w.__spoken.push({ text: u.text, lang: u.lang })
      setTimeout(() => u.onend && u.onend(new Event('end') as SpeechSynthesisEvent), 5)
    }
    synth.cancel = () => undefined
  })
}

const spoken = (tv: Tv) => tv.page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.slice())
const clearSpoken = (tv: Tv) =>
  tv.page.evaluate(() => void ((window as unknown as { __spoken: Spoken[] }).__spoken.length = 0))

async function lastSaid(tv: Tv, match: RegExp, timeout = 5_000): Promise<Spoken> {
  const until = Date.now() + timeout
  for (;;) {
    const all = await spoken(tv)
    const hit = all.reverse().find((s) => match.test(s.text))
    if (hit) return hit
    if (Date.now() > until) throw new Error(`never said ${match}; said: ${JSON.stringify(all.reverse())}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('spoken guidance', () => {
  const boot = bootTv()

  async function open(extra: Record<string, string>): Promise<Tv> {
    const page = await boot.browser.newPage()
    await recordSpeech(page)
    const tv = new Tv(page)
    await page.goto(tvUrl(boot.stack, boot.stack.bySubscriber('normal'), extra), { waitUntil: 'load' })
    await tv.waitForRoute('home')
    await page.waitForSelector('[ref="BalanceTile"]')
    return tv
  }

  it('reads each focus move with its place, and a dialog with its title, in the language on screen', async () => {
    const tv = await open({ speech: '1' })
    await tv.press('right')
    const bills = await lastSaid(tv, /第2项，共4项/)
    expect(bills.text).toMatch(/账单/)
    expect(bills.lang).toBe('zh-CN')

    await clearSpoken(tv)
    await tv.press('back')
    await tv.page.waitForSelector('[ref="ExitStay"]')
    const exit = await lastSaid(tv, /第1项，共2项/)
    expect(exit.text.indexOf(await tv.text('DialogTitle'))).toBe(0)
    await tv.press('back')

    await tv.press('F4' as never) // Blue: English
    await tv.page.waitForFunction(
      () => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language === 'en',
    )
    await clearSpoken(tv)
    await tv.press('left')
    const balance = await lastSaid(tv, /1 of 4/)
    expect(balance.lang).toBe('en-US')
    expect(balance.text).toMatch(/[Bb]alance/)
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('stays silent unless the platform asks or the viewer turns it on in settings, and remembers that', async () => {
    // The test above left English remembered on this box (issue 17); this one reads the Chinese words
    const tv = await open({ lang: 'zh-CN' })
    await tv.press('right')
    await new Promise((r) => setTimeout(r, 800))
    expect(await spoken(tv)).toEqual([])

    await tv.press('8')
    await tv.waitForRoute('settings')
    await tv.page.waitForSelector('[ref="SpeechSetting"]')
    await tv.press('down', 'down')
    expect(await tv.focusedRef()).toBe('SpeechSetting')
    await tv.press('ok')
    const on = await lastSaid(tv, /语音朗读/)
    expect(on.text).toMatch(/开/)

    await tv.page.reload({ waitUntil: 'load' })
    await tv.waitForRoute('settings')
    await tv.page.waitForSelector('[ref="SpeechSetting"]')
    await tv.press('down')
    await lastSaid(tv, /第2项，共/)
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })
})
