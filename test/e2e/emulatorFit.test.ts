import { beforeAll, describe, expect, it } from 'vitest'
import type { Frame, Page } from 'puppeteer-core'
import { emulatorLink } from '../../src/emulator/link.ts'
import type { Stack, Subscriber } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { OUTPUT_DIR } from './tv.ts'

type Hooks = { route?: string }

async function tv(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#tv'))!.contentFrame()
  if (!frame) throw new Error('no TV frame')
  return frame
}

async function waitForRoute(page: Page, route: string): Promise<void> {
  await (
    await tv(page)
  ).waitForFunction(
    (r) => (window as unknown as { __tvhall?: Hooks }).__tvhall?.route === r,
    { timeout: 20_000 },
    route,
  )
}

/** The usable inside of a browser window on a 1366×768 laptop (tabs, address bar and task bar take ~110 px). */
const LAPTOP = { width: 1366, height: 657 }

// Issue 17, emulator polish: Menu works, the panel fits a laptop, the safe-area names stay off the picture,
// a TV app that does not open says what to check, and the key log says which clock its times are on.
describe("emulator on an operator's laptop", () => {
  const boot = bootTv()
  let stack: Stack
  let page: Page
  let normal: Subscriber

  beforeAll(async () => {
    stack = boot.stack
    normal = stack.bySubscriber('normal')
    page = await boot.browser.newPage()
    await page.setViewport(LAPTOP)
  })

  const open = (extra: Record<string, string> = {}) =>
    page.goto(
      emulatorLink(
        stack.bffUrl,
        stack.subscribers.filter((s) => s.demo),
        { source: 'live', deviceId: normal.deviceId, cardNo: normal.cardNo, inspector: '1', safe: '0', ...extra },
      ),
    )

  it('fits every switch, remote button and tool on a 1366×768 screen without scrolling', async () => {
    await open()
    await waitForRoute(page, 'home')
    await page.screenshot({ path: `${OUTPUT_DIR}emulator-laptop.png` })
    const outside = await page.$$eval('#remote button, .switches select, .switches input, .tv-bar button', (els) =>
      els
        .map((el) => ({
          id: el.id || (el as HTMLElement).dataset.key || el.textContent,
          r: el.getBoundingClientRect(),
        }))
        .filter(
          ({ r }) =>
            r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth,
        )
        .map(({ id }) => id),
    )
    expect(outside).toEqual([])
    const scroll = await page.$eval('.side', (side) => ({
      needs: side.scrollHeight - side.clientHeight,
      page: document.documentElement.scrollHeight - window.innerHeight,
    }))
    expect(scroll.needs).toBeLessThanOrEqual(1)
    expect(scroll.page).toBeLessThanOrEqual(0)
    // The TV itself stays big: at least 60 % of the window's width.
    const stage = await page.$eval('.tv-stage', (el) => el.getBoundingClientRect().width)
    expect(stage).toBeGreaterThan(LAPTOP.width * 0.6)
  })

  it("Menu opens the hall's menu (home), and the log times say their zone", async () => {
    await page.click('#remote [data-key="Enter"]')
    await waitForRoute(page, 'balance')
    await page.click('#remote [data-key="Menu"]')
    await waitForRoute(page, 'home')
    const last = await page.$eval('#key-log li', (li) => li.textContent ?? '')
    expect(last).toMatch(/Menu → keyCode 93/)
    expect(last).not.toMatch(/does not map/)
    expect(last).toMatch(/^\d\d:\d\d:\d\d\.\d{3} UTC([+-]\d\d:\d\d)?\s/)
  })

  it('names the safe areas beside the TV, never on the picture', async () => {
    await page.click('#safe')
    await page.waitForSelector('.safe-overlay:not([hidden])')
    await page.screenshot({ path: `${OUTPUT_DIR}emulator-safe-areas.png` })
    const drawn = await page.$$eval('.safe-area', (els) =>
      els.map((el) => getComputedStyle(el, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal'),
    )
    expect(drawn).toEqual([])
    const legend = await page.$eval('#safe-legend', (el) => {
      const r = el.getBoundingClientRect()
      return { text: el.textContent ?? '', r: { top: r.top, left: r.left }, hidden: (el as HTMLElement).hidden }
    })
    const picture = await page.$eval('.tv-stage', (el) => {
      const r = el.getBoundingClientRect()
      return { bottom: r.bottom, right: r.right }
    })
    expect(legend.hidden).toBe(false)
    expect(legend.text).toMatch(/title safe 5%/)
    expect(legend.r.top >= picture.bottom || legend.r.left >= picture.right).toBe(true)
    await page.click('#safe')
  })

  it('says what to check when the TV app cannot be opened', async () => {
    await page.setRequestInterception(true)
    let mode: 'missing' | 'down' | 'broken' = 'missing'
    const answer = (req: import('puppeteer-core').HTTPRequest): Promise<void> => {
      const url = req.url()
      if (mode === 'missing' && /\/index\.html\?/.test(url))
        return req.respond({ status: 404, contentType: 'text/plain', body: 'Not Found' })
      if (mode === 'down' && /\/index\.html\?/.test(url)) return req.abort('connectionrefused')
      if (mode === 'broken' && /\/js\/app\.(modern|legacy)\.js/.test(url))
        return req.respond({ status: 500, contentType: 'text/plain', body: 'oops' })
      return req.continue()
    }
    // puppeteer does not await a listener: the answer's promise is ours to drop
    const handler = (req: import('puppeteer-core').HTTPRequest): void => void answer(req)
    page.on('request', handler)
    try {
      await open()
      await page.waitForSelector('#tv-problem:not([hidden])', { timeout: 10_000 })
      expect(await page.$eval('#tv-problem', (el) => el.textContent)).toMatch(/HTTP 404.*npm run build/s)
      await page.screenshot({ path: `${OUTPUT_DIR}emulator-app-missing.png` })

      mode = 'down'
      await page.click('#reload')
      await page.waitForFunction(
        () =>
          /npm start/.test(document.getElementById('tv-problem')?.textContent ?? '') &&
          (document.getElementById('tv-problem') as HTMLElement).dataset.kind === 'unreachable',
        { timeout: 10_000 },
      )

      mode = 'broken'
      await page.click('#reload')
      await page.waitForFunction(
        () =>
          (document.getElementById('tv-problem') as HTMLElement).dataset.kind === 'no-start' &&
          !(document.getElementById('tv-problem') as HTMLElement).hidden,
        { timeout: 30_000 },
      )
      expect(await page.$eval('#tv-problem', (el) => el.textContent)).toMatch(/F12/)

      // Fixed: Restart clears the message once the app reports its first screen.
      mode = 'missing'
      page.off('request', handler)
      await page.setRequestInterception(false)
      await page.click('#reload')
      await waitForRoute(page, 'home')
      await page.waitForSelector('#tv-problem[hidden]', { timeout: 5_000 })
    } finally {
      page.off('request', handler)
      await page.setRequestInterception(false).catch(() => undefined)
    }
  })
})
