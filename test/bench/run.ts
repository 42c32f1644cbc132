/**
 * `npm run bench`: what a viewer feels on a slow box, and what one BFF sustains, each next to a baseline
 * measured in the same run (the machine is shared and noisy; only the side-by-side figures mean much).
 * Not a test: nothing is asserted. Prints a markdown table and writes it to test-output/bench/results.md
 * and test/bench/RESULTS-latest.md (test/bench/RESULTS.md, quoted by the README, is curated from it with the analysis).
 *
 * The app half runs in Chromium (throttled) and in WPE WebKit (cog, the RDK boxes' engine), each beside the
 * baseline in the same browser.
 *
 * The usage reports run over a month of 5 million boxes' events generated in DuckDB (BENCH_USAGE_BOXES to change it;
 * BENCH_USAGE_FILE=<path> keeps the generated month there and reuses it in later runs).
 *
 * BENCH_QUICK=1 shorter runs; BENCH_ONLY=app|bff one half (BENCH_ONLY=wpe: WPE alone, usage: the usage reports alone, scale: two BFF instances on
 * Redis beside one, alone);
 * BENCH_SKIP_BUILD=1 reuse dist/ and dist-bench/. The BFF half: see test/bench/bff/processes.ts (BENCH_BFF_TS, BENCH_BFF_ROOT,
 * BENCH_BFF_NODE_ARGS) and BENCH_BFF_STEADY_SECONDS (the steady memory run: 30 s quick, 600 s full).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { BASELINE_KEY_PLAN, benchApp, KEY_PLAN, type AppBench } from './app/benchApp.ts'
import { benchWpe, type WpeBench } from './app/wpeBench.ts'
import { benchBff, type BffBench } from './bff/benchBff.ts'
import { benchScaleOut, type ScaleOutBench } from './bff/scaleOut.ts'
import { table } from './report.ts'
import { benchUsage, usageTable, type UsageBench } from './usage/benchUsage.ts'

const ROOT = new URL('../../', import.meta.url).pathname
const quick = process.env.BENCH_QUICK === '1'
const only = process.env.BENCH_ONLY
const log = (s: string) => console.error(`[bench] ${s}`)
const started = Date.now()

if (process.env.BENCH_SKIP_BUILD !== '1' && only !== 'bff' && only !== 'usage' && only !== 'scale') {
  log('building the hall and the baseline (TVHALL_BENCH=1 rollup -c)…')
  execFileSync(`${ROOT}node_modules/.bin/rollup`, ['-c'], {
    cwd: ROOT,
    env: { ...process.env, TVHALL_BENCH: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

let app: AppBench | null = null
let bff: BffBench | null = null
let scale: ScaleOutBench | null = null
let wpe: WpeBench | null = null
let usage: UsageBench | null = null
const half = (name: string) => !only || only === name
if (only !== 'bff' && only !== 'wpe' && only !== 'usage' && only !== 'scale')
  app = await benchApp({ bootRuns: quick ? 1 : 3, memoryRounds: quick ? 3 : 20, log })
// A WPE boot is a fresh cog, about 10 s: three even in a quick run.
if (only !== 'bff' && only !== 'usage' && only !== 'scale')
  wpe = await benchWpe({ bootRuns: quick ? 3 : 5, hallPlan: KEY_PLAN, basePlan: BASELINE_KEY_PLAN, log })
if (only !== 'app' && only !== 'wpe' && only !== 'usage' && only !== 'scale') {
  bff = await benchBff({
    rate: 200,
    rateSeconds: quick ? 5 : 20,
    flatSeconds: quick ? 5 : 10,
    flatRounds: quick ? 3 : 5,
    connections: 32,
    // Ten minutes in the full bench: long enough to see the resident memory grow if it does.
    memorySeconds: Number(process.env.BENCH_BFF_STEADY_SECONDS) || (quick ? 30 : 600),
    bareSeconds: quick ? 20 : 60,
    log,
    stepSeconds: quick ? 5 : 10,
  })
}
if (!only || only === 'bff' || only === 'scale') {
  scale = await benchScaleOut({
    connections: 32,
    rounds: quick ? 3 : 5,
    seconds: quick ? 5 : 10,
    stepSeconds: quick ? 5 : 10,
    log,
  })
}

if (half('usage')) {
  const boxes = Number(process.env.BENCH_USAGE_BOXES) || (quick ? 500_000 : 5_000_000)
  usage = await benchUsage({ boxes, sittingsPerBox: 2, runs: quick ? 3 : 7, keep: process.env.BENCH_USAGE_FILE, log })
}

const when = new Date().toISOString()
const md = [
  `Run ${when}${quick ? ' (BENCH_QUICK)' : ''}, ${Math.round((Date.now() - started) / 1000)} s, Node ${process.version}, CPU throttled ×6 in Chromium at 1280×720${wpe ? `; WPE WebKit ${wpe.version} (cog headless) not throttled` : ''}.`,
  '',
  ...(app || bff || wpe || scale ? [table(app, bff, wpe, scale), ''] : []),
  ...(usage ? [usageTable(usage), ''] : []),
].join('\n')
console.log(md)
mkdirSync(`${ROOT}test-output/bench`, { recursive: true })
writeFileSync(`${ROOT}test-output/bench/results.md`, md)
writeFileSync(`${ROOT}test/bench/RESULTS-latest.md`, md)
log('written to test-output/bench/results.md and test/bench/RESULTS-latest.md')
