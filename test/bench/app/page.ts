import { loadavg } from 'node:os'
import type { Browser, KeyInput, Page } from 'puppeteer-core'
import { installProbe } from './probe.ts'

export const CPU_SLOWDOWN = 6

/** The machine's load averages (1, 5, 15 min), printed beside every figure: the box is shared. */
export const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')

/**
 * A fresh browser context (no cache, no storage: a box that just booted the portal) with the CPU
 * slowed down through CDP, the probe installed (watching for `watchText` to be drawn), navigated to `url`.
 */
export async function openThrottled(
  browser: Browser,
  url: string,
  throttle = true,
  watchText = '',
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.createBrowserContext()
  const page = await context.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  const cdp = await page.createCDPSession()
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  if (watchText)
    await page.evaluateOnNewDocument((t) => {
      ;(window as any).__benchWatchText = t
    }, watchText)
  await page.evaluateOnNewDocument(installProbe)
  await page.goto(url, { waitUntil: 'load' })
  return { page, close: () => context.close() }
}

/** Resolves once Lightning drew nothing for `frames` passes in a row (animations settled), or after `timeout`. */
export async function waitIdle(page: Page, frames = 3, timeout = 3000): Promise<void> {
  await page
    .waitForFunction(
      (n) => {
        const b = (window as any).__bench
        return b.stage && b.frameNo - b.lastDrawnFrame >= n
      },
      { polling: 'raf', timeout },
      frames,
    )
    .catch(() => undefined)
}

/** One key, timed by the probe; `null` when the key drew nothing within a second (end of a list). */
export async function timedPress(page: Page, key: KeyInput): Promise<number | null> {
  await waitIdle(page)
  const before = await page.evaluate(() => {
    const b = (window as any).__bench
    b.keyAt = null
    return b.keyLatencies.length
  })
  await page.keyboard.press(key)
  const drew = await page
    .waitForFunction((n) => (window as any).__bench.keyLatencies.length > n, { polling: 'raf', timeout: 1000 }, before)
    .then(
      () => true,
      () => false,
    )
  if (!drew) {
    await page.evaluate(() => {
      ;(window as any).__bench.keyAt = null
    })
    return null
  }
  return page.evaluate((n) => (window as any).__bench.keyLatencies[n] as number, before)
}

export async function route(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as any).__tvhall?.route)
}

/** Deep link (the Router follows the hash), then wait until the screen is filled in. */
export async function goTo(page: Page, hash: string, timeout = 20_000, routeName = hash): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h
  }, hash)
  // A screen with a parameter reports its pattern (`packages/:productId`), not the hash.
  await page.waitForFunction(
    (r) => {
      const t = (window as any).__tvhall
      return t && t.route === r && !t.loading
    },
    { timeout, polling: 100 },
    routeName,
  )
}

/** Keys in turn, each timed by the probe; keys that drew nothing are left out. */
export async function timedPresses(page: Page, keys: KeyInput[]): Promise<number[]> {
  const out: number[] = []
  for (const k of keys) {
    const ms = await timedPress(page, k)
    if (ms !== null) out.push(ms)
  }
  return out
}

/** The end of an app bench: its pages, then its browser, servers and stack, closed in turn (absent ones skipped). */
export async function closeBench(...parts: ({ close(): Promise<unknown> } | null | undefined)[]): Promise<void> {
  for (const part of parts) await part?.close()
}
