import { readFileSync } from 'node:fs'
import type { KeyInput } from 'puppeteer-core'
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { startBaselineServer } from './baselineServer.ts'
import { bootTime, keyLatency, nameDrawnTime, screenRounds, scrollFrames, type KeySegment } from './measure.ts'
import { openThrottled } from './page.ts'
import { bundleSizes } from './sizes.ts'

export interface AppBenchOptions {
  bootRuns: number
  memoryRounds: number
  log: (s: string) => void
}

const times = (n: number, ...keys: KeyInput[]): KeyInput[] => Array.from({ length: n }, () => keys).flat()

/** The product with the longest channel list, straight from the stub's catalogue (the BOSS's product ids are the API's). */
function longestChannelList(): { productId: string; channels: number } {
  const catalogue = JSON.parse(
    readFileSync(new URL('../../../boss-stub/data/catalogue.json', import.meta.url), 'utf8'),
  ) as { products: { prodId: string; channels?: string[] }[] }
  const best = catalogue.products.reduce((a, b) => ((b.channels?.length ?? 0) > (a.channels?.length ?? 0) ? b : a))
  return { productId: best.prodId, channels: best.channels?.length ?? 0 }
}
export const CHANNELS = longestChannelList()
export const PRODUCT = { hash: `packages/${CHANNELS.productId}`, routeName: 'packages/:productId' }

/**
 * 200 presses: the menu grid, the bills (chart across, list down), the payments list and the card keypad
 * (the digits and the arrows over the keys).
 */
export const KEY_PLAN: KeySegment[] = [
  {
    hash: 'home',
    keys: times(
      6,
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowDown',
      'ArrowLeft',
      'ArrowLeft',
      'ArrowLeft',
      'ArrowUp',
    ),
  }, // 48
  {
    hash: 'bills',
    keys: [...times(10, 'ArrowLeft'), ...times(10, 'ArrowRight'), ...times(12, 'ArrowDown'), ...times(12, 'ArrowUp')],
  }, // 44
  { hash: 'payments', keys: [...times(20, 'ArrowDown'), ...times(20, 'ArrowUp'), ...times(20, 'ArrowDown')] }, // 60
  {
    hash: 'topup/card',
    keys: [
      ...times(4, 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp'),
      ...times(2, '1', '2', '3', '4', '5', '6', '7', '8'),
    ],
  }, // 48
]

/** The baseline's Row of buttons: 6 across and back, 10 times (120 presses). */
export const BASELINE_KEY_PLAN: KeySegment[] = [
  { hash: '', keys: times(10, ...times(6, 'ArrowRight'), ...times(6, 'ArrowLeft')) },
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
      hallBoot.push(await nameDrawnTime(browser, hallUrl, who.name))
      opts.log(`boot run ${i + 1}: baseline ${baseBoot[i].toFixed(0)} ms, hall ${hallBoot[i].toFixed(0)} ms`)
    }

    // Baseline key-to-frame on its Row, in the same throttled browser, as the reference for the hall's figure.
    const base = await openThrottled(browser, baseline.url)
    await base.page.waitForFunction(() => (window as any).__bench.firstDrawnAt !== null, { timeout: 60_000 })
    const baseKeys = await keyLatency(base.page, BASELINE_KEY_PLAN)
    // The baseline's scrolling: its Row of buttons across and back with the same key rhythm.
    const scrollBaseline = await scrollFrames(base.page, '', 6, 120, { there: 'ArrowRight', back: 'ArrowLeft' })
    await base.close()
    opts.log(`baseline keys: ${baseKeys.samples.length} drawn`)

    const hall = await openThrottled(browser, hallUrl)
    await hall.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
    const hallKeys = await keyLatency(hall.page, KEY_PLAN)
    opts.log(`hall keys: ${hallKeys.samples.length} drawn, ${hallKeys.noEffect} without effect`)
    const scrollPayments = await scrollFrames(hall.page, 'payments', 20)
    const scrollBills = await scrollFrames(hall.page, 'bills', 12)
    // Right moves the focus from the periods into the channel list.
    const scrollChannels = await scrollFrames(hall.page, PRODUCT.hash, CHANNELS.channels - 1, 120, {
      routeName: PRODUCT.routeName,
      keys: ['ArrowRight'],
    })
    const screens = ((await hall.page.evaluate(() => (window as any).__tvhall.screens)) as string[]) ?? []
    await hall.close()

    // Memory: unthrottled (leaks do not depend on CPU speed, and 20 rounds of every screen take long enough).
    const memPage = await openThrottled(browser, hallUrl, false)
    await memPage.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 60_000 })
    const mem = await screenRounds(memPage.page, screens, opts.memoryRounds)
    await memPage.close()
    opts.log(`memory: ${mem.visits} visits of ${screens.join(', ')}`)

    return {
      sizes,
      hallBoot,
      baseBoot,
      baseKeys,
      hallKeys,
      scrollPayments,
      scrollBills,
      scrollChannels,
      scrollBaseline,
      channelProduct: CHANNELS.productId,
      screens,
      mem,
    }
  } finally {
    await browser.close()
    await baseline.close()
    await stack.close()
  }
}

export type AppBench = Awaited<ReturnType<typeof benchApp>>
