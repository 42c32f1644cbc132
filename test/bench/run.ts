/**
 * `npm run bench`: what a viewer feels on a slow box, and what one BFF sustains, each next to a baseline
 * measured in the same run (the machine is shared and noisy; only the side-by-side figures mean much).
 * Not a test: nothing is asserted. Prints a markdown table and writes it to test-output/bench/results.md
 * and test/bench/RESULTS-latest.md (test/bench/RESULTS.md, quoted by the README, is curated from it with the analysis).
 *
 * BENCH_QUICK=1 shorter runs; BENCH_ONLY=app|bff one half; BENCH_SKIP_BUILD=1 reuse dist/ and dist-bench/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { benchApp, type AppBench } from './app/benchApp.ts'
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
if (only !== 'bff') app = await benchApp({ bootRuns: quick ? 1 : 3, memoryRounds: quick ? 3 : 20, log })
if (only !== 'app') {
  bff = await benchBff({
    rate: 200, rateSeconds: quick ? 5 : 20, flatSeconds: quick ? 5 : 15, connections: 32, memorySeconds: quick ? 10 : 60, log,
    ladder: [100, 200, 300, 400, 500, 600, 700, 800, 1000, 1200, 1500, 1800, 2200, 2600, 3000], stepSeconds: quick ? 5 : 10,
  })
}

const when = new Date().toISOString()
const md = [
  `Run ${when}${quick ? ' (BENCH_QUICK)' : ''}, ${Math.round((Date.now() - started) / 1000)} s, Node ${process.version}, CPU throttled ×6 in Chromium at 1280×720.`,
  '',
  table(app, bff),
  '',
].join('\n')
console.log(md)
mkdirSync(`${ROOT}test-output/bench`, { recursive: true })
writeFileSync(`${ROOT}test-output/bench/results.md`, md)
writeFileSync(`${ROOT}test/bench/RESULTS-latest.md`, md)
log('written to test-output/bench/results.md and test/bench/RESULTS-latest.md')
