import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DuckDbUsageStore } from '../../../../src/bff/analytics/duckdbStore.ts'
import type { AcceptedBatch } from '../../../../src/bff/analytics/eventStore.ts'
import type { UsageEvent, UsageOutcome } from '../../../../src/contract/usage.ts'
import { REPORT_SQL } from '../../../../src/bff/analytics/reports.ts'
import { OFFER_AUDIENCE_SCAN_SQL } from '../../../bench/usage/offerScan.ts'

const PRODUCTS = ['P_SPORTS', 'P_MOVIE', 'P_KIDS']
const AREAS = ['GZ01', 'SZ02']

/** A deterministic pseudo-random walk: households look at packages on scattered days, some order. */
function interestBatches(seed: number, days: string[]): AcceptedBatch[] {
  let x = seed
  const next = (n: number) => {
    x = (x * 48271) % 2147483647
    return x % n
  }
  const out: AcceptedBatch[] = []
  for (let k = 0; k < 400; k++) {
    const day = days[next(days.length)]
    const household = `h${next(40)}`
    const product = PRODUCTS[next(PRODUCTS.length)]
    const views = 1 + (next(5) === 0 ? 1 : 0)
    const ordered = next(8) === 0
    const at = `${day}T04:${String(next(60)).padStart(2, '0')}:00Z`
    const events = [
      ...Array.from({ length: views }, () => ({
        type: 'flow' as const,
        flow: 'order' as const,
        step: 'detail',
        outcome: 'step' as const,
        product,
      })),
      ...(ordered
        ? [{ type: 'flow' as const, flow: 'order' as const, step: 'done', outcome: 'finished' as const, product }]
        : []),
    ].map((e, i): UsageEvent => ({ ...e, id: `s${seed}k${k}e${i}xxxxxx`, at }))
    out.push({
      key: `s${seed}k${k}`,
      household,
      keyId: 'k1',
      area: AREAS[Number(household.slice(1)) % 2],
      session: `s${seed}k${k}`,
      receivedAt: at,
      events,
    })
  }
  return out
}

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`
const RANGES = [
  { from: day(1), to: day(30), area: null },
  { from: day(5), to: day(12), area: null },
  { from: day(10), to: day(10), area: null },
  { from: day(1), to: day(30), area: 'GZ01' },
  { from: day(14), to: day(29), area: 'SZ02' },
]

// DuckDB shares the machine's two cores with whatever else runs: seconds per test under load.
describe('offer audience from repeat interest', { timeout: 30_000 }, () => {
  let dir: string
  let store: DuckDbUsageStore
  const both = async (params: (typeof RANGES)[number]) => {
    const read = async (sql: string) => (await store.reader.runAndReadAll(sql, { ...params })).getRowObjectsJson()
    return { report: await read(REPORT_SQL.offers), scan: await read(OFFER_AUDIENCE_SCAN_SQL) }
  }
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usage-offer-'))
    store = await DuckDbUsageStore.open(join(dir, 'usage.duckdb'))
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers what grouping every household answers, for ranges, areas and late days', async () => {
    await store.write(
      interestBatches(
        7,
        Array.from({ length: 30 }, (_, i) => day(i + 1)),
      ),
    )
    await store.refreshRollups()
    for (const r of RANGES) {
      const { report, scan } = await both(r)
      // The single day has no repeat interest to find; every longer range has an audience.
      if (r.from !== r.to) expect(scan.length).toBeGreaterThan(0)
      expect(report).toEqual(scan)
    }
    // Late events for days already rolled up (a box that was offline) thread between existing days of interest.
    await store.write(interestBatches(11, [day(3), day(8), day(10), day(20)]))
    await store.refreshRollups()
    for (const r of RANGES) {
      const { report, scan } = await both(r)
      expect(report).toEqual(scan)
    }
  })

  it('a detail left is one look, not two: one sitting is no audience, a second sitting on another day is', async () => {
    const sitting = (key: string, at: string): AcceptedBatch => ({
      key,
      household: 'h-once',
      keyId: 'k1',
      area: 'GZ01',
      session: key,
      receivedAt: at,
      events: (
        [
          { step: 'catalogue', outcome: 'started' },
          { step: 'detail', outcome: 'step', product: 'P_OPERA' },
          { step: 'detail', outcome: 'abandoned', product: 'P_OPERA' },
        ] satisfies { step: string; outcome: UsageOutcome; product?: string }[]
      ).map((e, i): UsageEvent => ({ ...e, type: 'flow', flow: 'order', id: `${key}e${i}xxxxxxxx`, at })),
    })
    const opera = async () =>
      (await store.report({ from: day(1), to: day(30) })).tables.offers.find((r) => r.product === 'P_OPERA')
    await store.write([sitting('once1', `${day(2)}T03:00:00Z`)])
    expect(await opera()).toBeUndefined()
    await store.write([sitting('once2', `${day(9)}T03:00:00Z`)])
    expect(await opera()).toEqual({ product: 'P_OPERA', households: 1 })
  })

  it('a store whose rollups another version built has them rebuilt from its events', async () => {
    const before = await both(RANGES[1])
    await store.writer.run('DELETE FROM usage_rollup_version')
    await store.close()
    store = await DuckDbUsageStore.open(join(dir, 'usage.duckdb'))
    // Emptied as it opened: nothing of the old build is read; every day is rebuilt.
    expect((await both(RANGES[1])).report).toEqual([])
    expect(await store.refreshRollups()).toBeGreaterThan(1)
    expect(await both(RANGES[1])).toEqual(before)
    expect(before.report).toEqual(before.scan)
  })
})
