/**
 * `node test/bench/app/boot.ts [runs] [otherDist]`: boot as the viewer sees it, alone (the full `npm run bench`
 * takes long): navigation → the household's name drawn on home, CPU ×6, beside the bare Lightning app's first
 * frame, runs taken in turn; with `otherDist` (another checkout's built dist/, e.g. before a change) that build too,
 * served by a second stack of the same code. Prints each run and the medians.
 */
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { loadAverage } from './page.ts'
import { percentile } from '../lib/stats.ts'
import { startBaselineServer } from './baselineServer.ts'
import { bootTime, nameDrawnTime } from './measure.ts'

const runs = Number(process.argv[2] ?? 5)
const otherDist = process.argv[3]
const stack = await startTvStack({ bff: { logLevel: 'warn' } })
const other = otherDist ? await startTvStack({ bff: { logLevel: 'warn', staticDir: otherDist } }) : null
const baseline = await startBaselineServer()
const browser = await launchBrowser()
const pick = (s: typeof stack) => s.subscribers.find((x) => x.scenario === 'big-household') ?? s.subscribers[0]
const med = (xs: number[]) => percentile(xs, 50).toFixed(0)
try {
  console.log(`load average before: ${loadAverage()}`)
  const base: number[] = [],
    hall: number[] = [],
    before: number[] = []
  for (let i = 0; i < runs; i++) {
    base.push(await bootTime(browser, baseline.url, 'firstFrame'))
    hall.push(await nameDrawnTime(browser, tvUrl(stack, pick(stack), { inspector: '0' }), pick(stack).name))
    if (other)
      before.push(await nameDrawnTime(browser, tvUrl(other, pick(other), { inspector: '0' }), pick(other).name))
    console.log(
      `run ${i + 1}: bare Lightning first frame ${base[i].toFixed(0)} ms, hall name drawn ${hall[i].toFixed(0)} ms${other ? `, other build ${before[i].toFixed(0)} ms` : ''}`,
    )
  }
  console.log(
    `medians of ${runs}: bare ${med(base)} ms, hall ${med(hall)} ms (×${(percentile(hall, 50) / percentile(base, 50)).toFixed(2)})${other ? `, other build ${med(before)} ms (×${(percentile(before, 50) / percentile(base, 50)).toFixed(2)})` : ''}`,
  )
  console.log(`load average after: ${loadAverage()}`)
} finally {
  await browser.close()
  await baseline.close()
  await other?.close()
  await stack.close()
}
