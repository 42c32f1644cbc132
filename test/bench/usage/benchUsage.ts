import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import { FUNNEL_SQL, REPORT_SQL } from '../../../src/bff/analytics/reports.ts'
import { generateMonth } from './generate.ts'
import { OFFER_AUDIENCE_SCAN_SQL } from './offerScan.ts'

export interface ReportTiming {
  name: string
  /** ms per slice: the month, its last week, the month in one area */
  month: number
  week: number
  area: number
}

export interface UsageBench {
  boxes: number
  events: number
  generateMs: number
  /** Building the daily rollups of the whole month, and of one day (what the writer does after writing). */
  rollupMonthMs: number
  rollupDayMs: number
  fileMB: number
  /** Baseline: counting the slice's rows, the least any query over it does. */
  baseline: ReportTiming
  queries: ReportTiming[]
  /** The offer audience grouped from every household's interest (before usage_interest_repeat). */
  offerScan: ReportTiming
  /** EXPLAIN ANALYZE of the offer audience for the month, before and after. */
  offerProfile: { scan: string; report: string }
  /** buildReport for the month, every table, as the report page asks it. */
  wholeReportMs: number
}

const LAST_DAY = '2026-11-30'
const SLICES = {
  month: { from: '2026-11-01', to: LAST_DAY, area: null },
  week: { from: '2026-11-24', to: LAST_DAY, area: null },
  area: { from: '2026-11-01', to: LAST_DAY, area: 'a3' },
} as const

/** The operator's report over a month of `boxes` boxes' usage in a DuckDB file: each query timed (best of `runs`). */
export async function benchUsage(o: {
  boxes: number
  sittingsPerBox: number
  runs: number
  log: (s: string) => void
}): Promise<UsageBench> {
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-usage-bench-'))
  const path = join(dir, 'usage.duckdb')
  let store = await DuckDbUsageStore.open(path)
  try {
    o.log(`usage: generating a month for ${o.boxes.toLocaleString('en')} boxes in DuckDB…`)
    let t = performance.now()
    const events = await generateMonth(store.writer, {
      boxes: o.boxes,
      sittingsPerBox: o.sittingsPerBox,
      lastDay: LAST_DAY,
      log: o.log,
    })
    await store.writer.run('CHECKPOINT')
    const generateMs = performance.now() - t
    o.log(`usage: ${events.toLocaleString('en')} events in ${Math.round(generateMs / 1000)} s`)
    // The generated events never went through write(): reopened, the store finds every day unrolled.
    await store.close()
    store = await DuckDbUsageStore.open(path)
    t = performance.now()
    await store.refreshRollups()
    const rollupMonthMs = performance.now() - t
    await store.write([
      {
        key: 'bench-one',
        household: 'h-one',
        keyId: 'bench',
        area: 'a1',
        session: 'bench-one',
        receivedAt: `${LAST_DAY}T04:00:00Z`,
        events: [{ id: 'bench-one-event', at: `${LAST_DAY}T04:00:00Z`, type: 'screen', screen: 'home' }],
      },
    ])
    t = performance.now()
    await store.refreshRollups()
    const rollupDayMs = performance.now() - t
    o.log(`usage: rollups of the month ${Math.round(rollupMonthMs)} ms, of one day ${Math.round(rollupDayMs)} ms`)
    const time = async (sql: string): Promise<ReportTiming> => {
      const out: Record<string, number> = {}
      for (const [slice, params] of Object.entries(SLICES)) {
        let best = Infinity
        for (let i = 0; i < o.runs; i++) {
          t = performance.now()
          await store.reader.runAndReadAll(sql, { ...params })
          best = Math.min(best, performance.now() - t)
        }
        out[slice] = best
      }
      return { name: '', month: out.month, week: out.week, area: out.area }
    }
    const baseline = {
      ...(await time(`SELECT count(*) FROM usage_events WHERE day BETWEEN $from::DATE AND $to::DATE
      AND ($area::VARCHAR IS NULL OR area = $area::VARCHAR)`)),
      name: 'baseline: count the slice',
    }
    const queries: ReportTiming[] = []
    for (const [name, sql] of [...Object.entries(REPORT_SQL), ['funnel', FUNNEL_SQL]]) {
      queries.push({ ...(await time(sql)), name })
      o.log(`usage: ${name} ${queries.at(-1)!.month.toFixed(0)} ms`)
    }
    const offerScan = {
      ...(await time(OFFER_AUDIENCE_SCAN_SQL)),
      name: 'offer audience, every household grouped (before)',
    }
    const explain = async (sql: string) => {
      const r = await store.reader.runAndReadAll(`EXPLAIN ANALYZE ${sql}`, { ...SLICES.month })
      return r
        .getRowObjectsJson()
        .map((row) => `${row.explain_value as string}`)
        .join('\n')
    }
    const offerProfile = { scan: await explain(OFFER_AUDIENCE_SCAN_SQL), report: await explain(REPORT_SQL.offers) }
    o.log(`usage: offer audience before ${offerScan.month.toFixed(0)} ms\n${offerProfile.scan}\n${offerProfile.report}`)
    t = performance.now()
    await store.report({ from: SLICES.month.from, to: SLICES.month.to })
    const wholeReportMs = performance.now() - t
    return {
      boxes: o.boxes,
      events,
      generateMs,
      rollupMonthMs,
      rollupDayMs,
      fileMB: statSync(path).size / 1e6,
      baseline,
      queries,
      offerScan,
      offerProfile,
      wholeReportMs,
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0))

/** The usage figures as a markdown table: each report query beside the baseline scan of the same slice. */
export function usageTable(u: UsageBench): string {
  const rows = [
    '| report query (DuckDB rollups) | month, ms | last week, ms | month, one area, ms | under 1 s |',
    '|---|---|---|---|---|',
    `| ${u.baseline.name} (raw events) | ${ms(u.baseline.month)} | ${ms(u.baseline.week)} | ${ms(u.baseline.area)} | |`,
    ...[u.offerScan, ...u.queries].map(
      (q) =>
        `| ${q.name} | ${ms(q.month)} | ${ms(q.week)} | ${ms(q.area)} | ${Math.max(q.month, q.week, q.area) < 1000 ? 'yes' : '**no**'} |`,
    ),
    `| the whole report (every table, as the page asks) | ${ms(u.wholeReportMs)} | | | ${u.wholeReportMs < 1000 ? 'yes' : 'no'} |`,
  ]
  return [
    `Usage store: ${u.boxes.toLocaleString('en')} boxes, ${u.events.toLocaleString('en')} events in a month, DuckDB file ${u.fileMB.toFixed(0)} MB;` +
      ` generated in ${(u.generateMs / 1000).toFixed(0)} s; rollups of the whole month built in ${(u.rollupMonthMs / 1000).toFixed(1)} s, of one day in ${(u.rollupDayMs / 1000).toFixed(1)} s.`,
    '',
    ...rows,
  ].join('\n')
}
