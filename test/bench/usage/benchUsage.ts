import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import { buildReport, FUNNEL_SQL, REPORT_SQL, type Query } from '../../../src/bff/analytics/reports.ts'
import { generateMonth } from './generate.ts'
import { OFFER_AUDIENCE_SCAN_SQL } from './offerScan.ts'
import { RAW_REPORT_SQL } from './rawReport.ts'

export interface ReportTiming {
  name: string
  /** ms per slice (median of the runs): the month, its last week, the month in one area */
  month: number
  week: number
  area: number
  /** DuckDB's own time for the month (EXPLAIN ANALYZE "Total Time"), ms */
  profiled?: number
}

export interface UsageBench {
  boxes: number
  events: number
  /** null: a month kept from an earlier run (BENCH_USAGE_FILE) */
  generateMs: number | null
  /** Building the daily rollups of the whole month, and of one day (what the writer does after writing). */
  rollupMonthMs: number
  rollupDayMs: number
  fileMB: number
  runs: number
  /** Load average (1 min) as the queries began and as they ended. */
  load: [number, number]
  /** Baseline: counting the slice's rows, the least any query over it does. */
  baseline: ReportTiming
  queries: ReportTiming[]
  /** The offer audience grouped from every household's interest (the report's query before the offer marks). */
  offerScan: ReportTiming
  /** The whole report (every table, as the page asks it) from the rollups, per slice. */
  whole: ReportTiming
  /** The whole report for the month from the raw events (one run: the baseline the rollups replace), per table too. */
  raw: { wholeMs: number; tables: { name: string; ms: number }[] }
  /** Did the rollups' month report equal the raw events' one, table by table? */
  identical: boolean
  rows: { interest: number; marks: number; groups: number }
}

const LAST_DAY = '2026-11-30'
const SLICES = {
  month: { from: '2026-11-01', to: LAST_DAY, area: null },
  week: { from: '2026-11-24', to: LAST_DAY, area: null },
  area: { from: '2026-11-01', to: LAST_DAY, area: 'a3' },
} as const

const MONTH = { from: SLICES.month.from, to: SLICES.month.to }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * The operator's report over a month of `boxes` boxes' usage in a DuckDB file: every query timed (median of
 * `runs`) from the rollups, beside counting the slice and the whole report from the raw events. `keep`: a file
 * to keep the generated month in and reuse (generation is most of the run at 5 million boxes); its rollups are
 * emptied and rebuilt, so their build is timed every run.
 */
export async function benchUsage(o: {
  boxes: number
  sittingsPerBox: number
  runs: number
  keep?: string
  log: (s: string) => void
}): Promise<UsageBench> {
  const dir = o.keep ? null : mkdtempSync(join(tmpdir(), 'tvhall-usage-bench-'))
  const path = o.keep ?? join(dir!, 'usage.duckdb')
  const reused = o.keep !== undefined && existsSync(o.keep)
  let store = await DuckDbUsageStore.open(path)
  try {
    let generateMs: number | null = null
    let t = performance.now()
    if (!reused || (await store.count()) === 0) {
      o.log(`usage: generating a month for ${o.boxes.toLocaleString('en')} boxes in DuckDB…`)
      await generateMonth(store.writer, {
        boxes: o.boxes,
        sittingsPerBox: o.sittingsPerBox,
        lastDay: LAST_DAY,
        log: o.log,
      })
      await store.writer.run('CHECKPOINT')
      generateMs = performance.now() - t
    } else {
      o.log(`usage: reusing the month in ${path}`)
      // Another version's rollups: emptied as the store opens again, every day rebuilt below.
      await store.writer.run('DELETE FROM usage_rollup_version')
    }
    const events = await store.count()
    o.log(`usage: ${events.toLocaleString('en')} events`)
    // Generated events never went through write(): reopened, the store finds every day unrolled.
    await store.close()
    store = await DuckDbUsageStore.open(path)
    t = performance.now()
    await store.refreshRollups()
    const rollupMonthMs = performance.now() - t
    await store.write([
      {
        key: `bench-one-${Date.now()}`,
        household: 'h-one',
        keyId: 'bench',
        area: 'a1',
        session: 'bench-one',
        receivedAt: `${LAST_DAY}T04:00:00Z`,
        events: [{ id: `bench-one-${Date.now()}`, at: `${LAST_DAY}T04:00:00Z`, type: 'screen', screen: 'home' }],
      },
    ])
    t = performance.now()
    await store.refreshRollups()
    const rollupDayMs = performance.now() - t
    await store.writer.run('CHECKPOINT')
    o.log(`usage: rollups of the month ${Math.round(rollupMonthMs)} ms, of one day ${Math.round(rollupDayMs)} ms`)

    const query: Query = async (sql, params) =>
      (await store.reader.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, string | number | null>[]
    const timeSlices = async (name: string, run: (slice: (typeof SLICES)[keyof typeof SLICES]) => Promise<unknown>) => {
      const out: Record<string, number> = {}
      for (const [slice, params] of Object.entries(SLICES)) {
        const times: number[] = []
        for (let i = 0; i < o.runs; i++) {
          t = performance.now()
          await run(params)
          times.push(performance.now() - t)
        }
        out[slice] = median(times)
      }
      return { name, month: out.month, week: out.week, area: out.area }
    }
    // DuckDB's profile of one query for the month: its total time and the plan, printed to the log.
    const explain = async (name: string, sql: string) => {
      const r = await store.reader.runAndReadAll(`EXPLAIN ANALYZE ${sql}`, { ...SLICES.month })
      const plan = r
        .getRowObjectsJson()
        .map((row) => `${row.explain_value as string}`)
        .join('\n')
      o.log(`usage: EXPLAIN ANALYZE ${name}\n${plan}`)
      const total = /Total Time: ([\d.]+)s/.exec(plan)
      return total ? Number(total[1]) * 1000 : undefined
    }
    const timeSql = async (name: string, sql: string): Promise<ReportTiming> => ({
      ...(await timeSlices(name, (params) => query(sql, { ...params }))),
      profiled: await explain(name, sql),
    })

    const load0 = loadavg()[0]
    const baseline = await timeSql(
      'baseline: count the slice (raw events)',
      `SELECT count(*) FROM usage_events WHERE day BETWEEN $from::DATE AND $to::DATE
        AND ($area::VARCHAR IS NULL OR area = $area::VARCHAR)`,
    )
    const queries: ReportTiming[] = []
    for (const [name, sql] of [...Object.entries(REPORT_SQL), ['funnel', FUNNEL_SQL]]) {
      queries.push(await timeSql(name, sql))
      o.log(`usage: ${name} ${queries.at(-1)!.month.toFixed(1)} ms`)
    }
    const offerScan = await timeSql('offer audience before: every household grouped', OFFER_AUDIENCE_SCAN_SQL)
    const whole = await timeSlices('the whole report (every table, as the page asks)', (s) =>
      store.report({ from: s.from, to: s.to, ...(s.area ? { area: s.area } : {}) }),
    )
    o.log(`usage: whole report ${whole.month.toFixed(0)} ms; now the raw events' report (the baseline)…`)
    const rawTables: { name: string; ms: number }[] = []
    t = performance.now()
    const raw = await buildReport(
      async (sql, params) => {
        const t0 = performance.now()
        const rows = await query(sql, params)
        rawTables.push({ name: '', ms: performance.now() - t0 })
        return rows
      },
      MONTH,
      RAW_REPORT_SQL,
    )
    const rawWholeMs = performance.now() - t
    ;[...Object.keys(RAW_REPORT_SQL.tables), 'funnel'].forEach((name, i) => (rawTables[i].name = name))
    const rolled = await store.report(MONTH)
    const identical = JSON.stringify(rolled) === JSON.stringify(raw)
    if (!identical) o.log(`usage: rollups and raw events DIFFER\n${JSON.stringify(rolled)}\n${JSON.stringify(raw)}`)
    const load1 = loadavg()[0]
    const count = async (table: string) => Number((await query(`SELECT count(*)::DOUBLE AS n FROM ${table}`, {}))[0].n)
    return {
      boxes: o.boxes,
      events,
      generateMs,
      rollupMonthMs,
      rollupDayMs,
      fileMB: statSync(path).size / 1e6,
      runs: o.runs,
      load: [load0, load1],
      baseline,
      queries,
      offerScan,
      whole,
      raw: { wholeMs: rawWholeMs, tables: rawTables },
      identical,
      rows: {
        interest: await count('usage_day_interest'),
        marks: await count('usage_offer_marks'),
        groups: await count('usage_day_groups'),
      },
    }
  } finally {
    await store.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

const ms = (n: number | undefined) => (n === undefined ? '' : n < 10 ? n.toFixed(1) : n.toFixed(0))

/** The usage figures as markdown: each report query from the rollups beside the raw events' baselines. */
export function usageTable(u: UsageBench): string {
  const rawMs = (name: string) => ms(u.raw.tables.find((r) => r.name === name)?.ms)
  const rows = [
    `| report query | rollups: month, ms | last week | month, one area | DuckDB's own time, month | raw events, month, ms (1 run) |`,
    '|---|---|---|---|---|---|',
    `| ${u.baseline.name} | ${ms(u.baseline.month)} | ${ms(u.baseline.week)} | ${ms(u.baseline.area)} | ${ms(u.baseline.profiled)} | |`,
    ...u.queries.map(
      (q) => `| ${q.name} | ${ms(q.month)} | ${ms(q.week)} | ${ms(q.area)} | ${ms(q.profiled)} | ${rawMs(q.name)} |`,
    ),
    `| ${u.offerScan.name} | ${ms(u.offerScan.month)} | ${ms(u.offerScan.week)} | ${ms(u.offerScan.area)} | ${ms(u.offerScan.profiled)} | |`,
    `| **${u.whole.name}** | **${ms(u.whole.month)}** | **${ms(u.whole.week)}** | **${ms(u.whole.area)}** | | **${ms(u.raw.wholeMs)}** |`,
  ]
  const worst = Math.max(u.whole.month, u.whole.week, u.whole.area)
  return [
    `Usage store: ${u.boxes.toLocaleString('en')} boxes, ${u.events.toLocaleString('en')} events in a month, DuckDB file ${u.fileMB.toFixed(0)} MB` +
      `${u.generateMs === null ? ' (kept from an earlier run)' : `, generated in ${(u.generateMs / 1000).toFixed(0)} s`}; rollups of the whole month built in` +
      ` ${(u.rollupMonthMs / 1000).toFixed(1)} s, of one day in ${(u.rollupDayMs / 1000).toFixed(1)} s; rows: ${u.rows.groups.toLocaleString('en')} groups,` +
      ` ${u.rows.interest.toLocaleString('en')} household interest, ${u.rows.marks.toLocaleString('en')} offer marks. Median of ${u.runs} runs;` +
      ` load average ${u.load[0].toFixed(1)} → ${u.load[1].toFixed(1)}.`,
    '',
    ...rows,
    '',
    `The whole report from the rollups: ${worst < 1000 ? 'under' : '**over**'} 1 s in every slice (worst ${ms(worst)} ms), ×${(u.raw.wholeMs / u.whole.month).toFixed(0)} faster than from the raw events for the month;` +
      ` its month ${u.identical ? 'identical to' : '**differs from**'} the raw events' report, table by table.`,
  ].join('\n')
}
