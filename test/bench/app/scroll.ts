/**
 * `node test/bench/app/scroll.ts [rounds=5] [hash=packages/<longest channel list>] [otherDist]`: the channel list
 * scrolled (the bench's scroll measure: Down over every row and back up, a key every 120 ms, CPU ×6) beside the bare
 * Row of buttons across and back, rounds taken in turn on open pages, medians of fps and dropped frames; with
 * `otherDist` (another build's folder, e.g. before a change) its channel list too, served by a second stack.
 */
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { percentile } from '../lib/stats.ts'
import { startBaselineServer } from './baselineServer.ts'
import { CHANNELS, PRODUCT } from './benchApp.ts'
import { scrollFrames } from './measure.ts'
import { closeBench, openThrottled, loadAverage } from './page.ts'

const rounds = Number(process.argv[2] ?? 5)
const hash = process.argv[3] || PRODUCT.hash
const otherDist = process.argv[4]
const stack = await startTvStack({ bff: { logLevel: 'warn' } })
const other = otherDist ? await startTvStack({ bff: { logLevel: 'warn', staticDir: otherDist } }) : null
const baseline = await startBaselineServer()
const browser = await launchBrowser()
const med = (xs: number[]) => percentile(xs, 50).toFixed(1)
try {
  console.log(`load average before: ${loadAverage()}`)
  const who = stack.subscribers.find((s) => s.scenario === 'big-household') ?? stack.subscribers[0]
  const hall = await openThrottled(browser, tvUrl(stack, who, { inspector: '0' }))
  await hall.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
  const otherWho = other && (other.subscribers.find((s) => s.scenario === 'big-household') ?? other.subscribers[0])
  const otherHall = other && otherWho ? await openThrottled(browser, tvUrl(other, otherWho, { inspector: '0' })) : null
  await otherHall?.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
  const base = await openThrottled(browser, baseline.url)
  await base.page.waitForFunction(() => (window as any).__bench.firstDrawnAt !== null, { timeout: 120_000 })
  const row = { fps: [] as number[], dropped: [] as number[] }
  const list = { fps: [] as number[], dropped: [] as number[] }
  const otherList = { fps: [] as number[], dropped: [] as number[] }
  for (let i = 0; i < rounds; i++) {
    const r = await scrollFrames(base.page, '', 6, 120, { there: 'ArrowRight', back: 'ArrowLeft' })
    // Each round opens the product again, as the bench does (the focus back on the periods, Right into the list).
    await hall.page.evaluate(() => (window.location.hash = 'home'))
    await new Promise((res) => setTimeout(res, 500))
    const c = await scrollFrames(hall.page, hash, CHANNELS.channels - 1, 120, {
      routeName: PRODUCT.routeName,
      keys: ['ArrowRight'],
    })
    if (otherHall) {
      await otherHall.page.evaluate(() => (window.location.hash = 'home'))
      await new Promise((res) => setTimeout(res, 500))
      const o = await scrollFrames(otherHall.page, hash, CHANNELS.channels - 1, 120, {
        routeName: PRODUCT.routeName,
        keys: ['ArrowRight'],
      })
      otherList.fps.push(o.fps)
      otherList.dropped.push(o.dropped)
    }
    row.fps.push(r.fps)
    row.dropped.push(r.dropped)
    list.fps.push(c.fps)
    list.dropped.push(c.dropped)
    console.log(
      `round ${i + 1}: Row ${r.fps.toFixed(1)} fps / ${r.dropped} dropped; channel list ${c.fps.toFixed(1)} fps / ${c.dropped} dropped${otherHall ? `; other build ${otherList.fps[i].toFixed(1)} fps / ${otherList.dropped[i]} dropped` : ''}`,
    )
  }
  console.log(
    `medians of ${rounds}: Row ${med(row.fps)} fps / ${med(row.dropped)} dropped; channel list (${CHANNELS.channels} rows) ${med(list.fps)} fps / ${med(list.dropped)} dropped${otherHall ? `; other build ${med(otherList.fps)} fps / ${med(otherList.dropped)} dropped` : ''}`,
  )
  console.log(`load average after: ${loadAverage()}`)
  await closeBench(hall, otherHall, base)
} finally {
  await closeBench(browser, baseline, other, stack)
}
