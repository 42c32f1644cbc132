import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WD_KEY, WpeSession } from '../../e2e/wpe/webdriver.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { startBaselineServer } from './baselineServer.ts'
import { keyLatencyWith, type KeyDriver, type KeyResult, type KeySegment } from './measure.ts'
import { installProbe } from './probe.ts'

/**
 * The same boot and key-to-frame figures as the Chromium bench, measured in WPE WebKit (cog headless over
 * WPEWebDriver), the hall and the bare Lightning baseline side by side. WebDriver cannot run a script before
 * the page's own, so the probe goes into the served page instead: a copy of dist/ whose index.html carries it
 * first in <head> (the BFF serves that copy), and the baseline page the same way. No CPU throttle exists for
 * WPE: these are this machine's cores, not a slow box's; only the hall/baseline ratio means much.
 */
export interface WpeBench {
  version: string
  hallBoot: number[]
  baseBoot: number[]
  hallKeys: KeyResult
  baseKeys: KeyResult
}

const ROOT = new URL('../../../', import.meta.url).pathname
const PROBE_TAG = `<script>(${installProbe.toString()})()</script>`
const withProbe = (html: string) => html.replace(/<head>/i, `<head>${PROBE_TAG}`)

/** puppeteer's key names (the Chromium key plan) as W3C WebDriver key values. */
const WD: Record<string, string> = {
  ArrowUp: WD_KEY.up,
  ArrowDown: WD_KEY.down,
  ArrowLeft: WD_KEY.left,
  ArrowRight: WD_KEY.right,
  Enter: WD_KEY.ok,
  Escape: WD_KEY.back,
}

type Bench = {
  stage: unknown
  frameNo: number
  lastDrawnFrame: number
  keyAt: number | null
  keyLatencies: number[]
  firstDrawnAt: number | null
  homeReadyAt: number | null
}
type Hall = { route?: string; loading?: number }
declare const window: Window & { __bench: Bench; __tvhall?: Hall }

/** In the page: until Lightning drew nothing for `n` passes in a row (or `timeout` ms). */
const idle = (n: number, timeout: number) =>
  new Promise((resolve) => {
    const t0 = performance.now()
    const tick = () => {
      const b = window.__bench
      if ((b.stage && b.frameNo - b.lastDrawnFrame >= n) || performance.now() - t0 > timeout) return resolve(null)
      requestAnimationFrame(tick)
    }
    tick()
  })

/** In the page: the latency of the key pressed after sample `n`, or null when nothing was drawn in `timeout` ms. */
const drawnAfter = (n: number, timeout: number) =>
  new Promise<number | null>((resolve) => {
    const t0 = performance.now()
    const tick = () => {
      const b = window.__bench
      if (b.keyLatencies.length > n) return resolve(b.keyLatencies[n])
      if (performance.now() - t0 > timeout) {
        b.keyAt = null
        return resolve(null)
      }
      requestAnimationFrame(tick)
    }
    tick()
  })

async function timedKey(wpe: WpeSession, key: string): Promise<number | null> {
  await wpe.run(idle, 3, 3000)
  const n = await wpe.run(() => {
    window.__bench.keyAt = null
    return window.__bench.keyLatencies.length
  })
  await wpe.key(WD[key] ?? key)
  return wpe.run(drawnAfter, n, 1000)
}

/** Polls `read(...args)` in the page until it returns something other than null/undefined/false. */
async function until<A extends unknown[], T>(
  wpe: WpeSession,
  what: string,
  timeout: number,
  read: (...args: A) => T,
  ...args: A
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout
  for (;;) {
    const v = await wpe.run(read, ...args)
    if (v !== null && v !== undefined && v !== false) return v
    if (Date.now() > end) throw new Error(`WPE bench: ${what} not reached in ${timeout} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

function wpeKeys(wpe: WpeSession): KeyDriver {
  return {
    goTo: async (hash, routeName = hash) => {
      await wpe.run((h: string) => {
        window.location.hash = h
      }, hash)
      await until(
        wpe,
        `route ${routeName}`,
        20_000,
        (r: string) => window.__tvhall?.route === r && !window.__tvhall.loading,
        routeName,
      )
    },
    press: (key) => timedKey(wpe, key),
    route: () => wpe.run(() => window.__tvhall?.route),
  }
}

/** Navigation start to the baseline's first drawn frame or the hall's home with live data, in a fresh cog. */
async function bootTime(url: string, what: 'firstDrawnAt' | 'homeReadyAt'): Promise<number> {
  const wpe = await WpeSession.start()
  try {
    await wpe.navigate(url)
    return await until(wpe, what, 120_000, (f: typeof what) => window.__bench && window.__bench[f], what)
  } finally {
    await wpe.close()
  }
}

export async function benchWpe(opts: {
  bootRuns: number
  hallPlan: KeySegment[]
  basePlan: KeySegment[]
  log: (s: string) => void
}): Promise<WpeBench> {
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-wpe-bench-'))
  cpSync(`${ROOT}dist`, dir, { recursive: true })
  writeFileSync(join(dir, 'index.html'), withProbe(readFileSync(join(dir, 'index.html'), 'utf8')))
  const stack = await startTvStack({ bff: { logLevel: 'warn', staticDir: `${dir}/` } })
  const baseline = await startBaselineServer({ html: withProbe })
  try {
    const who = stack.subscribers.find((s) => s.scenario === 'big-household') ?? stack.subscribers[0]
    const hallUrl = tvUrl(stack, who, { inspector: '0' })
    const hallBoot: number[] = []
    const baseBoot: number[] = []
    for (let i = 0; i < opts.bootRuns; i++) {
      baseBoot.push(await bootTime(baseline.url, 'firstDrawnAt'))
      hallBoot.push(await bootTime(hallUrl, 'homeReadyAt'))
      opts.log(`WPE boot run ${i + 1}: baseline ${baseBoot[i].toFixed(0)} ms, hall ${hallBoot[i].toFixed(0)} ms`)
    }

    const wpe = await WpeSession.start()
    try {
      await wpe.navigate(baseline.url)
      await until(wpe, 'baseline first frame', 60_000, () => window.__bench && window.__bench.firstDrawnAt)
      const baseKeys = await keyLatencyWith(wpeKeys(wpe), opts.basePlan)
      await wpe.navigate(hallUrl)
      await until(wpe, 'hall home ready', 120_000, () => window.__bench && window.__bench.homeReadyAt)
      const hallKeys = await keyLatencyWith(wpeKeys(wpe), opts.hallPlan)
      opts.log(
        `WPE keys: hall ${hallKeys.samples.length} drawn (${hallKeys.noEffect} without effect), baseline ${baseKeys.samples.length}`,
      )
      return { version: wpe.version, hallBoot, baseBoot, hallKeys, baseKeys }
    } finally {
      await wpe.close()
    }
  } finally {
    await baseline.close()
    await stack.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
