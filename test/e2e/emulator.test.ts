import { beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import type { Frame, Page } from 'puppeteer-core'
import { unzipSync } from 'fflate'
import { formatFen } from '../../src/app/lib/format.ts'
import { emulatorLink } from '../../src/emulator/link.ts'
import type { Stack, Subscriber } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { OUTPUT_DIR } from './tv.ts'

const SHOTS = `${OUTPUT_DIR}emulator/`
const PNG_SIGNATURE = '89504e470d0a1a0a'

type Hooks = { route?: string; focusedRef?: string; screens?: string[] }

/** The TV app inside the emulator's iframe (looked up afresh: switches reload it). */
async function tv(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#tv'))!.contentFrame()
  if (!frame) throw new Error('no TV frame')
  return frame
}

async function hooks(page: Page): Promise<Hooks> {
  return (await tv(page)).evaluate(() => ({ ...(window as unknown as { __tvhall?: Hooks }).__tvhall }))
}

async function waitForRoute(page: Page, route: string): Promise<void> {
  const frame = await tv(page)
  await frame.waitForFunction(
    (r) => (window as unknown as { __tvhall?: Hooks }).__tvhall?.route === r,
    { timeout: 20_000 },
    route,
  )
}

/** Text of the first element with this ref path in the TV's inspector DOM, once it satisfies `ok`. */
async function waitForText(page: Page, ref: string, ok: (t: string) => boolean): Promise<string> {
  const selector = ref
    .split('.')
    .map((r) => `[ref="${r}"]`)
    .join(' ')
  const until = Date.now() + 20_000
  for (;;) {
    const text = await (
      await tv(page)
    )
      .$eval(`${selector}[texture-text], ${selector} [texture-text]`, (el) => el.getAttribute('texture-text') ?? '')
      .catch(() => '')
    const clean = text.replace(/\u200B/g, '')
    if (ok(clean)) return clean
    if (Date.now() > until) throw new Error(`${ref} never matched; last "${clean}"`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function press(page: Page, key: string): Promise<void> {
  await page.click(`#remote [data-key="${key}"]`)
}

async function keyLog(page: Page): Promise<string[]> {
  return page.$$eval('#key-log li', (lis) => lis.map((li) => li.textContent ?? ''))
}

describe('emulator page', () => {
  const boot = bootTv()
  let stack: Stack
  let page: Page
  let normal: Subscriber

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true })
    mkdirSync(SHOTS, { recursive: true })
    stack = boot.stack
    normal = stack.bySubscriber('normal')
    page = await boot.browser.newPage()
    await page.setViewport({ width: 1600, height: 900 })
    const cdp = await page.createCDPSession()
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: SHOTS })
  })

  it('drives the TV with the on-screen remote buttons, and logs every key', async () => {
    const demo = stack.subscribers.filter((s) => s.demo)
    await page.goto(
      emulatorLink(stack.bffUrl, demo, {
        source: 'live',
        deviceId: normal.deviceId,
        cardNo: normal.cardNo,
        deviceKey: normal.deviceKey,
        inspector: '1',
      }),
    )
    await waitForRoute(page, 'home')
    expect(await page.$$eval('#subscriber option', (os) => os.length)).toBe(demo.length)

    await press(page, 'Enter')
    await waitForRoute(page, 'balance')
    // The live subscriber picked in the emulator is who the app logged in as.
    expect(await waitForText(page, 'BalanceValue', (t) => t !== '--' && t !== '')).toBe(formatFen(normal.balanceFen))
    await press(page, 'Back')
    await waitForRoute(page, 'home')
    await press(page, 'Right')
    await (
      await tv(page)
    ).waitForFunction(() => (window as unknown as { __tvhall: Hooks }).__tvhall.focusedRef === 'BillsTile')
    await press(page, 'Digit2')
    await waitForRoute(page, 'bills')
    await press(page, 'Home')
    await waitForRoute(page, 'home')

    const log = (await keyLog(page)).reverse()
    expect(log).toHaveLength(5)
    expect(log[0]).toMatch(/OK → keyCode 13 .*\[button\]/)
    expect(log[1]).toMatch(/Back → keyCode 8 .*\[button\]/)
    expect(log[2]).toMatch(/▶ → keyCode 39/)
    expect(log[3]).toMatch(/^.*\b2 → keyCode 50/)
    expect(log[4]).toMatch(/Home → keyCode 36/)

    // The desktop keyboard presses the same buttons.
    const before = (await hooks(page)).focusedRef
    await page.keyboard.press('ArrowRight')
    await (
      await tv(page)
    ).waitForFunction((b) => (window as unknown as { __tvhall: Hooks }).__tvhall.focusedRef !== b, {}, before)
    expect((await keyLog(page))[0]).toMatch(/▶ → keyCode 39 .*\[keyboard\]/)
  })

  it('shows what a mock scenario holds when the data source is switched', async () => {
    expect(await waitForText(page, 'BannerText', () => true)).not.toMatch(/欠费/)
    await page.select('#source', 'arrears')
    expect(await page.$eval('#tv', (f) => f.getAttribute('src'))).toContain('mock=arrears')
    await waitForRoute(page, 'home')
    expect(await waitForText(page, 'BannerText', (t) => t.length > 0)).toMatch(/欠费/)
    // Mock households replace the live list.
    expect(await page.$eval('#subscriber', (s) => (s as HTMLSelectElement).value)).toMatch(/^STB\d+:8100\d+$/)
  })

  it('keeps the settings across a reload, in the URL and in local storage', async () => {
    await page.select('#lang', 'en')
    await page.click('#safe')
    await page.select('#res', '1080')
    expect(await page.$eval('#tv', (f) => f.getAttribute('src'))).toContain('res=1080')
    expect(await page.$eval('.tv-stage', (el) => (el as HTMLElement).style.width)).toBe('1920px')
    await page.select('#res', '720')

    await page.reload()
    await page.waitForSelector('#tv[src]')
    await waitForRoute(page, 'home')
    const src = await page.$eval('#tv', (f) => f.getAttribute('src'))
    expect(src).toMatch(/mock=arrears/)
    expect(src).toMatch(/lang=en/)
    expect(await page.$eval('#safe', (c) => (c as HTMLInputElement).checked)).toBe(true)
    expect(await page.$eval('.safe-overlay', (o) => (o as HTMLElement).hidden)).toBe(false)
    expect(
      await (
        await tv(page)
      ).evaluate(() => (window as unknown as { __tvhall: { language?: string } }).__tvhall.language),
    ).toBe('en')

    // A bare address opens as it was left (local storage).
    await page.goto(`${stack.bffUrl}/emulator.html`)
    // The switches are filled once the page has read settings.json; the TV address comes last.
    await page.waitForSelector('#tv[src]')
    expect(await page.$eval('#source', (s) => (s as HTMLSelectElement).value)).toBe('arrears')
    expect(await page.$eval('#lang', (s) => (s as HTMLSelectElement).value)).toBe('en')
    await waitForRoute(page, 'home')
  })

  it('saves the TV picture as a PNG with the screenshot button', async () => {
    await page.click('#screenshot')
    const until = Date.now() + 10_000
    let saved: string | undefined
    while (!saved && Date.now() < until) {
      saved = readdirSync(SHOTS).find((f) => /^tvhall_home_arrears_.*_720p_en\.png$/.test(f))
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(saved, await page.$eval('#status', (s) => s.textContent)).toBeDefined()
  })

  it('walks every main screen the app lists, one PNG each', async () => {
    const screens = (await hooks(page)).screens ?? []
    expect(screens).toEqual(expect.arrayContaining(['home', 'balance', 'bills', 'payments']))
    await page.click('#walk')
    await page.waitForFunction(
      () => ['done', 'failed'].includes(document.getElementById('walk-results')!.dataset.state ?? ''),
      {
        timeout: 90_000,
      },
    )
    expect(await page.$eval('#status', (s) => s.textContent)).toMatch(/walk done/)

    const shots = await page.$$eval('.walk-shot', (as) =>
      as.map((a) => ({ screen: a.getAttribute('data-screen')!, href: (a as HTMLAnchorElement).href })),
    )
    expect(shots.map((s) => s.screen)).toEqual(screens)
    const sizes = new Set<number>()
    for (const s of shots) {
      const png = Buffer.from(s.href.slice(s.href.indexOf(',') + 1), 'base64')
      expect(png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE)
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720])
      // A blank (cleared WebGL) frame compresses to a few hundred bytes; a real screen is tens of kB.
      expect(png.length).toBeGreaterThan(10_000)
      sizes.add(png.length)
      writeFileSync(`${SHOTS}walk-${s.screen.replace(/\//g, '-')}.png`, png)
    }
    expect(sizes.size).toBeGreaterThan(screens.length / 2)

    const zip = await page.$eval('.walk-zip', async (a) => {
      const bytes = new Uint8Array(await (await fetch((a as HTMLAnchorElement).href)).arrayBuffer())
      return Array.from(bytes)
    })
    const files = Object.keys(unzipSync(Uint8Array.from(zip)))
    expect(files).toHaveLength(screens.length)
    expect(files.every((f) => /^tvhall_[\w-]+_arrears_.*\.png$/.test(f))).toBe(true)
  })
})
