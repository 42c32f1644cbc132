/**
 * `node test/bench/app/keys.ts [rounds=5] [hash=topup/card] [otherDist]`: key-to-frame on the card keypad (the probe's
 * keydown → end of the render pass that drew the key's effect, CPU ×6, each key after 3 idle frames) beside the bare
 * Row of buttons, rounds taken in turn on open pages, without a profiler: a round is the Row across and back
 * (12 keys), then the screen opened afresh and 8 arrows over the keypad and 8 digits typed. Prints each round's p50s
 * and ratio, then the median of the rounds' ratios and the p50s of all keys; with `otherDist` (another build's
 * folder, e.g. before a change) its keypad too, served by a second stack. profileKeys.ts says where the time goes.
 */
import type { KeyInput, Page } from 'puppeteer-core'
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import type { Stack } from '../../integration/harness.ts'
import { percentile } from '../lib/stats.ts'
import { startBaselineServer } from './baselineServer.ts'
import { closeBench, goTo, loadAverage, openThrottled, timedPresses } from './page.ts'

const rounds = Number(process.argv[2] ?? 5)
const hash = process.argv[3] || 'topup/card'
const otherDist = process.argv[4]
const KEYPAD: KeyInput[] = [
  ...(['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp'] as const),
  ...(['1', '2', '3', '4', '5', '6', '7', '8'] as const),
]
const ROW = [...Array<KeyInput>(6).fill('ArrowRight'), ...Array<KeyInput>(6).fill('ArrowLeft')]

const p50 = (xs: number[]) => (xs.length ? percentile(xs, 50) : NaN)

async function openHall(browser: Awaited<ReturnType<typeof launchBrowser>>, stack: Stack) {
  const who = stack.subscribers.find((s) => s.scenario === 'big-household') ?? stack.subscribers[0]
  const hall = await openThrottled(browser, tvUrl(stack, who, { inspector: '0' }))
  await hall.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
  return hall
}

/** The keypad's keys on a fresh visit of the screen (an empty card number, the focus on the pad's first key). */
async function keypadRound(page: Page): Promise<number[]> {
  await goTo(page, 'home')
  await goTo(page, hash)
  return timedPresses(page, KEYPAD)
}

const stack = await startTvStack({ bff: { logLevel: 'warn' } })
const other = otherDist ? await startTvStack({ bff: { logLevel: 'warn', staticDir: otherDist } }) : null
const baseline = await startBaselineServer()
const browser = await launchBrowser()
try {
  console.log(`load average before: ${loadAverage()}`)
  const hall = await openHall(browser, stack)
  const otherHall = other ? await openHall(browser, other) : null
  const base = await openThrottled(browser, baseline.url)
  await base.page.waitForFunction(() => (window as any).__bench.firstDrawnAt !== null, { timeout: 120_000 })
  await timedPresses(base.page, ROW) // warm-up, as profileKeys does
  const all = { row: [] as number[], hall: [] as number[], other: [] as number[] }
  const ratios = { hall: [] as number[], other: [] as number[] }
  for (let i = 0; i < rounds; i++) {
    const row = await timedPresses(base.page, ROW)
    const keys = await keypadRound(hall.page)
    const otherKeys = otherHall ? await keypadRound(otherHall.page) : []
    all.row.push(...row)
    all.hall.push(...keys)
    all.other.push(...otherKeys)
    ratios.hall.push(p50(keys) / p50(row))
    if (otherHall) ratios.other.push(p50(otherKeys) / p50(row))
    console.log(
      `round ${i + 1}: Row p50 ${p50(row).toFixed(1)} ms (n=${row.length}); keypad ${p50(keys).toFixed(1)} ms (n=${keys.length}, ×${ratios.hall[i].toFixed(2)})${otherHall ? `; other build ${p50(otherKeys).toFixed(1)} ms (n=${otherKeys.length}, ×${ratios.other[i].toFixed(2)})` : ''}`,
    )
  }
  console.log(
    `median of ${rounds} rounds' ratios: keypad ×${p50(ratios.hall).toFixed(2)}${otherHall ? `, other build ×${p50(ratios.other).toFixed(2)}` : ''}; p50 of all keys: Row ${p50(all.row).toFixed(1)} ms, keypad ${p50(all.hall).toFixed(1)} ms${otherHall ? `, other build ${p50(all.other).toFixed(1)} ms` : ''}`,
  )
  console.log(`load average after: ${loadAverage()}`)
  await closeBench(hall, otherHall, base)
} finally {
  await closeBench(browser, baseline, other, stack)
}
