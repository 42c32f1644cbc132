import type { Browser, KeyInput, Page } from 'puppeteer-core'
import { droppedFrames, fps } from '../lib/stats.ts'
import { goTo, openThrottled, route, timedPress, waitIdle } from './page.ts'

/** Navigation start to the app's first drawn frame (baseline) or to home with live data and a focus (hall). */
export async function bootTime(browser: Browser, url: string, what: 'firstFrame' | 'homeReady'): Promise<number> {
  const { page, close } = await openThrottled(browser, url)
  try {
    const field = what === 'firstFrame' ? 'firstDrawnAt' : 'homeReadyAt'
    await page.waitForFunction((f) => (window as any).__bench[f] !== null, { timeout: 120_000, polling: 100 }, field)
    return await page.evaluate((f) => (window as any).__bench[f] as number, field)
  } finally {
    await close()
  }
}

/**
 * Navigation start to the frame that drew the household's name on home, as a viewer sees it: the end of the
 * first render pass that displayed a text texture holding `name` (uploaded and drawn; probe.ts watches Lightning's
 * displayed textures), not when the account answered or the text was merely set.
 */
export async function nameDrawnTime(browser: Browser, url: string, name: string): Promise<number> {
  const { page, close } = await openThrottled(browser, url, true, name)
  try {
    await page.waitForFunction(() => (window as any).__bench.textDrawnAt !== null, { timeout: 120_000, polling: 100 })
    return await page.evaluate(() => (window as any).__bench.textDrawnAt as number)
  } finally {
    await close()
  }
}

export interface KeySegment {
  /** Hash to open first ('' stays where the app is). */
  hash: string
  keys: KeyInput[]
  /** Route the app reports for that hash when it has a parameter. */
  routeName?: string
  /** Keys pressed untimed after opening, to put the focus where the timed keys start. */
  before?: KeyInput[]
}

export interface KeyResult {
  samples: number[]
  noEffect: number
  bySegment: Record<string, number[]>
}

/** What the key plan needs from a browser: open a screen, one timed key, the route shown (Chromium or WPE). */
export interface KeyDriver {
  goTo(hash: string, routeName?: string): Promise<void>
  /** Milliseconds from the key to its drawn frame, null when the key drew nothing. */
  press(key: string): Promise<number | null>
  route(): Promise<string | undefined>
}

/** The key plan through any driver: every key timed, grouped by screen; keys that drew nothing counted apart. */
export async function keyLatencyWith(driver: KeyDriver, segments: KeySegment[]): Promise<KeyResult> {
  const out: KeyResult = { samples: [], noEffect: 0, bySegment: {} }
  for (const seg of segments) {
    if (seg.hash) await driver.goTo(seg.hash, seg.routeName)
    for (const key of seg.before ?? []) await driver.press(key)
    const name = seg.routeName || seg.hash || (await driver.route()) || '?'
    const mine = (out.bySegment[name] ??= [])
    for (const key of seg.keys) {
      const ms = await driver.press(key)
      if (ms === null) out.noEffect++
      else {
        out.samples.push(ms)
        mine.push(ms)
      }
    }
  }
  return out
}

export function keyLatency(page: Page, segments: KeySegment[]): Promise<KeyResult> {
  return keyLatencyWith(
    {
      goTo: (hash, routeName) => goTo(page, hash, 20_000, routeName),
      press: (key) => timedPress(page, key as KeyInput),
      route: () => route(page),
    },
    segments,
  )
}

export interface ScrollResult {
  fps: number
  dropped: number
  frames: number
  seconds: number
  rows: number
}

/**
 * Holds Down as a remote's auto-repeat does (a key every `everyMs`) down the list and back up, recording
 * every rAF pass. Lightning renders on every rAF even when idle, so the frame times are the display's.
 */
export async function scrollFrames(
  page: Page,
  hash: string,
  presses: number,
  everyMs = 120,
  enter: { routeName?: string; keys?: KeyInput[]; there?: KeyInput; back?: KeyInput } = {},
): Promise<ScrollResult> {
  if (hash) await goTo(page, hash, 20_000, enter.routeName)
  for (const key of enter.keys ?? []) await timedPress(page, key)
  await waitIdle(page)
  await page.evaluate(() => {
    const b = (window as any).__bench
    b.frameTimes = []
    b.recording = true
  })
  const started = Date.now()
  for (const key of [enter.there ?? 'ArrowDown', enter.back ?? 'ArrowUp'] as KeyInput[]) {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key)
      await new Promise((r) => setTimeout(r, everyMs))
    }
  }
  await waitIdle(page)
  const times = await page.evaluate(() => {
    const b = (window as any).__bench
    b.recording = false
    return b.frameTimes as number[]
  })
  return {
    fps: fps(times),
    dropped: droppedFrames(times),
    frames: times.length,
    seconds: (Date.now() - started) / 1000,
    rows: presses,
  }
}

export interface MemorySample {
  heapMB: number
  textureMP: number
  stageMP: number
}

/** After a full GC in V8 and an aggressive one in Lightning: what is still held. */
export async function memory(page: Page): Promise<MemorySample> {
  const cdp = await page.createCDPSession()
  await page.evaluate(() => {
    const s = (window as any).__bench.stage
    s.gc(true)
  })
  await waitIdle(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const tex = await page.evaluate(() => {
    const s = (window as any).__bench.stage
    return [s.textureManager.usedMemory, s.usedMemory] as number[]
  })
  await cdp.detach()
  // Lightning counts texture memory in pixels; at 4 bytes each, 1 MP is 4 MB of GPU memory.
  return { heapMB: heap.usedSize / 1e6, textureMP: tex[0] / 1e6, stageMP: tex[1] / 1e6 }
}

/** Every main screen the app reports, `rounds` times; memory after the first round and after the last. */
export async function screenRounds(
  page: Page,
  screens: string[],
  rounds: number,
): Promise<{ first: MemorySample; last: MemorySample; visits: number }> {
  let first: MemorySample | undefined
  let visits = 0
  for (let r = 0; r < rounds; r++) {
    for (const s of screens) {
      await goTo(page, s).catch(() => undefined) // a screen that fails to load still counts as visited
      visits++
    }
    await goTo(page, 'home')
    if (r === 0) first = await memory(page)
  }
  return { first: first!, last: await memory(page), visits }
}
