/**
 * Key-to-frame on one screen, profiled: the bench's timed presses (probe.ts: keydown → end of the render pass that
 * drew its effect, CPU ×6, each key after 3 idle frames; 8 digits a round, so at most 2 rounds fill the card number) with the CDP sampling profiler on and every string drawn
 * into a text texture counted, beside the bare Row of buttons in the same run. Arrows and digits are reported apart.
 *
 *   node test/bench/app/profileKeys.ts [hash=topup/card] [rounds=2] [dist]  (dist: another build's folder, e.g. before a change)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { KeyInput, Page } from 'puppeteer-core'
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { percentile } from '../lib/stats.ts'
import { startBaselineServer } from './baselineServer.ts'
import { goTo, openThrottled, timedPresses, loadAverage } from './page.ts'
import { hotSpots } from './cpuProfile.ts'

const ROOT = new URL('../../../', import.meta.url).pathname
const [hash = 'topup/card', roundsArg = '2', dist] = process.argv.slice(2)
const rounds = Number(roundsArg)
const ARROWS: KeyInput[] = [
  'ArrowRight',
  'ArrowRight',
  'ArrowDown',
  'ArrowDown',
  'ArrowLeft',
  'ArrowLeft',
  'ArrowUp',
  'ArrowUp',
]
const DIGITS: KeyInput[] = ['1', '2', '3', '4', '5', '6', '7', '8']
const ROW: KeyInput[] = [...Array(6).fill('ArrowRight'), ...Array(6).fill('ArrowLeft')] as KeyInput[]

async function countTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const drawn: Record<string, number> = ((window as any).__drawn = {})
    const fillText = CanvasRenderingContext2D.prototype.fillText
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
      drawn[text] = (drawn[text] ?? 0) + 1
      return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max)
    }
  })
}

const med = (xs: number[]) => (xs.length ? percentile(xs, 50).toFixed(1) : '-')
const stack = await startTvStack({ bff: { logLevel: 'warn', ...(dist ? { staticDir: dist } : {}) } })
const baseline = await startBaselineServer()
const browser = await launchBrowser()
try {
  console.log(`load average before: ${loadAverage()}`)
  const who = stack.subscribers.find((s) => s.scenario === 'big-household') ?? stack.subscribers[0]
  const hall = await openThrottled(browser, tvUrl(stack, who, { inspector: '0' }))
  await hall.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
  await goTo(hall.page, hash)
  const base = await openThrottled(browser, baseline.url)
  await base.page.waitForFunction(() => (window as any).__bench.firstDrawnAt !== null, { timeout: 120_000 })
  await timedPresses(base.page, ROW)
  await timedPresses(hall.page, [...ARROWS, '1'])
  await countTexts(hall.page)
  const cdp = await hall.page.createCDPSession()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  const arrows: number[] = [],
    digits: number[] = [],
    row: number[] = []
  await cdp.send('Profiler.start')
  for (let r = 0; r < rounds; r++) {
    row.push(...(await timedPresses(base.page, ROW)))
    arrows.push(...(await timedPresses(hall.page, ARROWS)))
    digits.push(...(await timedPresses(hall.page, DIGITS)))
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof hotSpots>[0] }
  const drawn = (await hall.page.evaluate(() => (window as any).__drawn)) as Record<string, number>
  const texts = Object.entries(drawn).sort((a, b) => b[1] - a[1])
  console.log(
    `--- text drawn on ${hash}: ${texts.reduce((a, [, n]) => a + n, 0)} fillText calls over ${rounds * (ARROWS.length + DIGITS.length)} timed keys (and the clearing), ${texts.length} distinct`,
  )
  console.log(
    texts
      .slice(0, 20)
      .map(([t, n]) => `${String(n).padStart(5)}  ${JSON.stringify(t)}`)
      .join('\n'),
  )
  const all = [...arrows, ...digits]
  console.log(
    `key-to-frame p50, ms: ${hash} all ${med(all)} (arrows ${med(arrows)} n=${arrows.length}, digits ${med(digits)} n=${digits.length}); bare Row ${med(row)} n=${row.length}; ratio ×${(percentile(all, 50) / percentile(row, 50)).toFixed(2)}`,
  )
  const hs = hotSpots(profile)
  console.log('--- self time ---\n' + hs.self.slice(0, 15).join('\n'))
  console.log('--- total time ---\n' + hs.total.slice(0, 25).join('\n'))
  mkdirSync(`${ROOT}test-output/bench`, { recursive: true })
  writeFileSync(`${ROOT}test-output/bench/keys-${hash.replace(/\//g, '_')}.cpuprofile`, JSON.stringify(profile))
  console.log(`load average after: ${loadAverage()}`)
  await hall.close()
  await base.close()
} finally {
  await browser.close()
  await baseline.close()
  await stack.close()
}
