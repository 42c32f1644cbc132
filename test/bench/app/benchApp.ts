import type { KeyInput } from 'puppeteer-core'
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { percentile } from '../lib/stats.ts'
import { startBaselineServer } from './baselineServer.ts'
import { bootTime, keyLatency, screenRounds, scrollFrames, type KeySegment } from './measure.ts'
import { openThrottled } from './page.ts'
import { bundleSizes } from './sizes.ts'

export interface AppBenchOptions {
  bootRuns: number
  memoryRounds: number
  log: (s: string) => void
}

const times = (n: number, ...keys: KeyInput[]): KeyInput[] => Array.from({ length: n }, () => keys).flat()

/** 200 presses: the menu grid, the bills (chart across, list down) and the payments list. */
const KEY_PLAN: KeySegment[] = [
  { hash: 'home', keys: times(8, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp') }, // 64
  { hash: 'bills', keys: [...times(10, 'ArrowLeft'), ...times(10, 'ArrowRight'), ...times(12, 'ArrowDown'), ...times(12, 'ArrowUp')] }, // 44
  { hash: 'payments', keys: [...times(23, 'ArrowDown'), ...times(23, 'ArrowUp'), ...times(23, 'ArrowDown'), ...times(23, 'ArrowUp')] }, // 92
]

export async function benchApp(opts: AppBenchOptions) {
  const sizes = bundleSizes()
  const stack = await startTvStack({ bff: { logLevel: 'warn' } })
  const baseline = await startBaselineServer()
  const browser = await launchBrowser()
  try {
    const who = stack.subscribers.find((s) => s.scenario === 'big-household') ?? stack.subscribers[0]
    const hallUrl = tvUrl(stack, who, { inspector: '0' })
    const hallBoot: number[] = []
    const baseBoot: number[] = []
    for (let i = 0; i < opts.bootRuns; i++) {
      // Alternate so drifting machine load hits both alike.
      baseBoot.push(await bootTime(browser, baseline.url, 'firstFrame'))
      hallBoot.push(await bootTime(browser, hallUrl, 'homeReady'))
      opts.log(`boot run ${i + 1}: baseline ${baseBoot[i].toFixed(0)} ms, hall ${hallBoot[i].toFixed(0)} ms`)
    }

    // Baseline key-to-frame on its Row, in the same throttled browser, as the reference for the hall's figure.
    const base = await openThrottled(browser, baseline.url)
    await base.page.waitForFunction(() => (window as any).__bench.firstDrawnAt !== null, { timeout: 60_000 })
    const baseKeys = await keyLatency(base.page, [{ hash: '', keys: times(10, ...times(6, 'ArrowRight' as KeyInput), ...times(6, 'ArrowLeft' as KeyInput)) }])
    await base.close()
    opts.log(`baseline keys: ${baseKeys.samples.length} drawn`)

    const hall = await openThrottled(browser, hallUrl)
    await hall.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
    const hallKeys = await keyLatency(hall.page, KEY_PLAN)
    opts.log(`hall keys: ${hallKeys.samples.length} drawn, ${hallKeys.noEffect} without effect`)
    const scrollPayments = await scrollFrames(hall.page, 'payments', 20)
    const scrollBills = await scrollFrames(hall.page, 'bills', 12)
    const screens = ((await hall.page.evaluate(() => (window as any).__tvhall.screens)) as string[]) ?? []
    await hall.close()

    // Memory: unthrottled (leaks do not depend on CPU speed, and 20 rounds of every screen take long enough).
    const memPage = await openThrottled(browser, hallUrl, false)
    await memPage.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 60_000 })
    const mem = await screenRounds(memPage.page, screens, opts.memoryRounds)
    await memPage.close()
    opts.log(`memory: ${mem.visits} visits of ${screens.join(', ')}`)

    return { sizes, hallBoot, baseBoot, baseKeys, hallKeys, scrollPayments, scrollBills, screens, mem, channelList: screens.some((s) => /channel|product/.test(s)) }
  } finally {
    await browser.close()
    await baseline.close()
    await stack.close()
  }
}

export type AppBench = Awaited<ReturnType<typeof benchApp>>
export const median = (xs: number[]) => percentile(xs, 50)
