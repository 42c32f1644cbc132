import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core'
import { mkdirSync } from 'node:fs'
import { CHROMIUM_PATH } from '../systemDeps.ts'
import { BURST_MS } from '../../src/app/lib/okBurst.ts'

export const OUTPUT_DIR = new URL('../../test-output/e2e/', import.meta.url).pathname
mkdirSync(OUTPUT_DIR, { recursive: true })

/** Headless Debian Chromium with software WebGL; no downloads, no background traffic. */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-gpu-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--window-size=1280,720',
    ],
    defaultViewport: { width: 1280, height: 720 },
    // Chromium starts in a second on a quiet box; two files booting at once on a busy one took over puppeteer's 30 s.
    timeout: 120_000,
  })
}

/** Remote control keys as the box sends them (key names puppeteer understands). */
const KEY = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  ok: 'Enter',
  back: 'Escape',
  home: 'Home',
} as const
export type RemoteKey = keyof typeof KEY | `${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`

/** The TV as a test sees it: a page, a remote, and the screen read through the Lightning inspector's DOM mirror. */
export class Tv {
  readonly page: Page
  readonly errors: string[] = []

  constructor(page: Page) {
    this.page = page
    page.on('pageerror', (e) => this.errors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text())
    })
  }

  static async open(browser: Browser, url: string): Promise<Tv> {
    const tv = new Tv(await browser.newPage())
    await tv.page.goto(url, { waitUntil: 'load' })
    return tv
  }

  /** When the last key went out (performance clock of this process). */
  lastKeyAt = Number.NEGATIVE_INFINITY

  /**
   * A viewer reads a new screen before pressing OK on it: the app drops OKs that come in the same quick run of
   * keys as one that sent something (lib/okBurst.ts), so a deliberate OK waits until the run has ended.
   */
  async viewerPause(): Promise<void> {
    const wait = this.lastKeyAt + BURST_MS + 60 - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }

  /** Keys pressed one after another; an OK that starts the call waits for the viewer's pause. */
  async press(...keys: RemoteKey[]): Promise<void> {
    if (keys[0] === 'ok') await this.viewerPause()
    for (const k of keys) {
      await this.page.keyboard.press((k in KEY ? KEY[k as keyof typeof KEY] : k) as KeyInput)
      this.lastKeyAt = performance.now()
      // One frame for Lightning to handle the key before the next one, as a viewer's presses are spaced.
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
    }
  }

  /** The route name the app reports through `window.__tvhall`. */
  async route(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as unknown as { __tvhall?: { route?: string } }).__tvhall?.route)
  }

  async waitForRoute(route: string, timeout = 20_000): Promise<void> {
    await this.page.waitForFunction(
      (r) => (window as unknown as { __tvhall?: { route?: string } }).__tvhall?.route === r,
      { timeout },
      route,
    )
  }

  /** Text shown by the element with this ref path (first match), as the inspector mirrors it. */
  async text(ref: string, timeout = 20_000): Promise<string> {
    // `A.B` means the element with ref B inside the one with ref A (refs repeat across components).
    const path = ref
      .split('.')
      .map((r) => `[ref="${r}"]`)
      .join(' ')
    const handle = await this.page.waitForSelector(`${path}[texture-text], ${path} [texture-text]`, {
      timeout,
    })
    const raw = (await handle!.evaluate((el) => el.getAttribute('texture-text'))) ?? ''
    // The app puts zero-width spaces between CJK characters so Lightning can wrap them; a viewer never sees them.
    return raw.replace(/\u200B/g, '')
  }

  async waitForText(ref: string, predicate: (t: string) => boolean, timeout = 20_000): Promise<string> {
    const until = Date.now() + timeout
    for (;;) {
      const t = await this.text(ref, timeout).catch(() => '')
      if (predicate(t)) return t
      if (Date.now() > until) throw new Error(`text of ${ref} never matched; last: "${t}"`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  /**
   * A household in arrears gets one boot notice over home (issue 7). Waits for it, checks it holds the focus,
   * and closes it with Back as a viewer would; returns its title so a test can check what it said.
   */
  async dismissBootNotice(timeout = 20_000): Promise<string> {
    await this.page.waitForSelector('[ref="BootNoticeClose"]', { timeout })
    const title = await this.text('DialogTitle')
    const focused = await this.focusedRef()
    if (focused !== 'BootNoticeAction' && focused !== 'BootNoticeClose')
      throw new Error(`boot notice up without focus (focus on ${focused})`)
    await this.press('back')
    await this.page.waitForFunction(() => document.querySelector('[ref="BootNoticeClose"]') === null, {
      timeout: 5_000,
    })
    return title
  }

  /** Refs along the focus path's leaf, as marked by the inspector. */
  async focusedRef(): Promise<string | null> {
    return this.page.evaluate(() => {
      const all = document.querySelectorAll('[focused="true"]')
      const el = all[all.length - 1]
      return el ? el.getAttribute('ref') : null
    })
  }

  async screenshot(name: string): Promise<string> {
    const path = `${OUTPUT_DIR}${name}.png`
    await this.page.screenshot({ path })
    return path
  }
}
