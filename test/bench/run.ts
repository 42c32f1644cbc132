/**
 * `npm run bench`: what a viewer feels on a slow box, and what one BFF sustains, each next to a baseline
 * measured in the same run (the machine is shared and noisy; only the side-by-side figures mean much).
 * Not a test: nothing is asserted. Prints a markdown table and writes it to test-output/bench/results.md
 * and test/bench/RESULTS-latest.md (test/bench/RESULTS.md, quoted by the README, is curated from it with the analysis).
 *
 * The app half runs in Chromium (throttled) and in WPE WebKit (cog, the RDK boxes' engine), each beside the
 * baseline in the same browser.
 *
 * BENCH_QUICK=1 shorter runs; BENCH_ONLY=app|bff one half (BENCH_ONLY=wpe: WPE alone); BENCH_SKIP_BUILD=1 reuse dist/ and dist-bench/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { BASELINE_KEY_PLAN, benchApp, KEY_PLAN, type AppBench } from './app/benchApp.ts'
import { benchWpe, type WpeBench } from './app/wpeBench.ts'
import { benchBff, type BffBench } from './bff/benchBff.ts'
import { table } from './report.ts'

const ROOT = new URL('../../', import.meta.url).pathname
const quick = process.env.BENCH_QUICK === '1'
const only = process.env.BENCH_ONLY
const log = (s: string) => console.error(`[bench] ${s}`)
const started = Date.now()

if (process.env.BENCH_SKIP_BUILD !== '1' && only !== 'bff') {
  log('building the hall and the baseline (TVHALL_BENCH=1 rollup -c)…')
  execFileSync(`${ROOT}node_modules/.bin/rollup`, ['-c'], { cwd: ROOT, env: { ...process.env, TVHALL_BENCH: '1' }, stdio: ['ignore', 'ignore', 'inherit'] })
}

let app: AppBench | null = null
let bff: BffBench | null = null
let wpe: WpeBench | null = null
if (only !== 'bff' && only !== 'wpe') app = await benchApp({ bootRuns: quick ? 1 : 3, memoryRounds: quick ? 3 : 20, log })
// A WPE boot is a fresh cog, about 10 s: three even in a quick run.
if (only !== 'bff') wpe = await benchWpe({ bootRuns: quick ? 3 : 5, hallPlan: KEY_PLAN, basePlan: BASELINE_KEY_PLAN, log })
if (only !== 'app' && only !== 'wpe') {
  bff = await benchBff({
    rate: 200, rateSeconds: quick ? 5 : 20, flatSeconds: quick ? 5 : 10, flatRounds: quick ? 3 : 5, connections: 32, memorySeconds: quick ? 10 : 60, log,
    ladder: [100, 200, 300, 400, 500, 600, 700, 800, 1000, 1200, 1500, 1800, 2200, 2600, 3000], stepSeconds: quick ? 5 : 10,
  })
}

const when = new Date().toISOString()
const md = [
  `Run ${when}${quick ? ' (BENCH_QUICK)' : ''}, ${Math.round((Date.now() - started) / 1000)} s, Node ${process.version}, CPU throttled ×6 in Chromium at 1280×720${wpe ? `; WPE WebKit ${wpe.version} (cog headless) not throttled` : ''}.`,
  '',
  table(app, bff, wpe),
  '',
].join('\n')
console.log(md)
mkdirSync(`${ROOT}test-output/bench`, { recursive: true })
writeFileSync(`${ROOT}test-output/bench/results.md`, md)
writeFileSync(`${ROOT}test/bench/RESULTS-latest.md`, md)
log('written to test-output/bench/results.md and test/bench/RESULTS-latest.md')
