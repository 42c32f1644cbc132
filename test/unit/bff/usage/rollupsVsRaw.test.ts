import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DuckDbUsageStore } from '../../../../src/bff/analytics/duckdbStore.ts'
import type { AcceptedBatch } from '../../../../src/bff/analytics/eventStore.ts'
import { buildReport, toCsv } from '../../../../src/bff/analytics/reports.ts'
import { REPORT_TABLES, type UsageEvent } from '../../../../src/contract/usage.ts'
import { generateMonth } from '../../../bench/usage/generate.ts'
import { RAW_REPORT_SQL } from '../../../bench/usage/rawReport.ts'

const LAST_DAY = '2026-11-30'
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`
const RANGES = [
  { from: day(1), to: LAST_DAY },
  { from: day(24), to: LAST_DAY },
  { from: day(9), to: day(9) },
  { from: day(3), to: day(17) },
  { from: day(1), to: LAST_DAY, area: 'a3' },
  { from: day(12), to: day(26), area: 'GZ01' },
  { from: '2026-10-01', to: '2026-12-31' },
]
const PRODUCTS = ['P_SPORTS', 'P_MOVIE', 'P_KIDS']
const CODES = ['BOSS_TIMEOUT', 'WRONG_PIN']

type Fields = Omit<UsageEvent, 'id' | 'at'>
/**
 * Sittings as the box records them, with what a plain generator never makes: a detail opened from home (the order
 * flow starts at the detail), two orders in one sitting, one error code on two screens, a package looked at on
 * several days with an order between, sittings of a household spread over the month.
 */
function sittings(seed: number, days: string[], n: number): AcceptedBatch[] {
  let x = seed
  const pick = (k: number) => {
    x = (x * 48271) % 2147483647
    return x % k
  }
  const scenes: ((p: string) => Fields[])[] = [
    (p) => [
      { type: 'screen', screen: 'packages' },
      { type: 'flow', flow: 'order', step: 'catalogue', outcome: 'started' },
      { type: 'screen', screen: 'packages/:productId' },
      { type: 'flow', flow: 'order', step: 'detail', outcome: 'step', product: p },
      { type: 'flow', flow: 'order', step: 'detail', outcome: 'abandoned', product: p },
    ],
    (p) => [
      { type: 'screen', screen: 'packages/:productId' },
      { type: 'flow', flow: 'order', step: 'detail', outcome: 'started', product: p },
      { type: 'flow', flow: 'order', step: 'confirm', outcome: 'step', product: p },
      { type: 'flow', flow: 'order', step: 'pin', outcome: 'step', product: p },
      { type: 'flow', flow: 'order', step: 'done', outcome: 'finished', product: p },
    ],
    (p) => [
      { type: 'flow', flow: 'order', step: 'detail', outcome: 'started', product: p },
      { type: 'flow', flow: 'order', step: 'detail', outcome: 'abandoned', product: p },
    ],
    () => [
      { type: 'screen', screen: 'balance' },
      { type: 'error', code: CODES[pick(2)], screen: 'balance' },
      { type: 'screen', screen: 'bills' },
      { type: 'error', code: CODES[pick(2)], screen: 'bills' },
    ],
    () => [
      { type: 'flow', flow: 'fault', step: 'checks', outcome: 'started', symptom: 'mosaic' },
      { type: 'selfhelp', outcome: pick(2) ? 'solved' : 'ticket', symptom: pick(2) ? 'mosaic' : 'no-signal' },
      { type: 'flow', flow: 'complaint', step: 'done', outcome: 'finished', category: 'billing' },
    ],
    () => [
      { type: 'flow', flow: 'topup', step: 'method', outcome: 'started' },
      { type: 'flow', flow: 'topup', step: 'card', outcome: 'step', method: 'card' },
      { type: 'flow', flow: 'topup', step: 'done', outcome: 'finished', method: 'card', amountFen: 5000 },
    ],
  ]
  return Array.from({ length: n }, (_, k): AcceptedBatch => {
    const household = `hh${pick(60)}`
    const at = `${days[pick(days.length)]}T0${pick(9)}:1${pick(10)}:00Z`
    const events = Array.from({ length: 1 + pick(3) }, () => scenes[pick(scenes.length)](PRODUCTS[pick(3)]))
      .flat()
      .map((e, i): UsageEvent => ({ ...e, id: `s${seed}k${k}e${i}xxxx`, at }))
    const session = `s${seed}k${k}`
    return {
      key: session,
      household,
      keyId: 'k1',
      area: Number(household.slice(2)) % 2 ? 'GZ01' : 'SZ02',
      session,
      receivedAt: at,
      events,
    }
  })
}

// DuckDB shares the machine's two cores with whatever else runs: seconds per test under load.
describe('report from the rollups = report from the raw events', { timeout: 60_000 }, () => {
  let dir: string
  let store: DuckDbUsageStore
  const open = async () => (store = await DuckDbUsageStore.open(join(dir, 'usage.duckdb')))
  const compare = async (ranges: typeof RANGES) => {
    for (const r of ranges) {
      const raw = await buildReport(
        async (sql, params) =>
          (await store.reader.runAndReadAll(sql, params)).getRowObjectsJson() as Record<
            string,
            string | number | null
          >[],
        r,
        RAW_REPORT_SQL,
      )
      const rolled = await store.report(r)
      expect(rolled, JSON.stringify(r)).toEqual(raw)
      for (const table of Object.keys(raw.tables)) expect(toCsv(rolled.tables[table])).toBe(toCsv(raw.tables[table]))
    }
  }
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usage-raw-'))
    await open()
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('for the bench generator month and sittings from the box, by range and area', async () => {
    await generateMonth(store.writer, { boxes: 3_000, sittingsPerBox: 2, lastDay: LAST_DAY })
    // Rows written behind the store's back are found unrolled when it opens again.
    await store.close()
    await open()
    await store.write(
      sittings(
        7,
        Array.from({ length: 30 }, (_, i) => day(i + 1)),
        900,
      ),
    )
    const report = await store.report(RANGES[0])
    // The data reaches every table, so an empty answer on both sides passes nothing.
    for (const table of REPORT_TABLES) expect(report.tables[table].length, table).toBeGreaterThan(0)
    expect(report.tables.offers.reduce((n, r) => n + Number(r.households), 0)).toBeGreaterThan(20)
    await compare(RANGES)
  })

  it('after late events for days already rolled up', async () => {
    await store.write(sittings(11, [day(3), day(9), day(10), day(20), LAST_DAY], 300))
    await compare(RANGES)
  })

  it("after retention took the month's first days (marks forget the days that went)", async () => {
    expect(await store.enforceRetention(new Date(`${LAST_DAY}T12:00:00Z`), 20)).toBeGreaterThan(0)
    await compare(RANGES)
  })

  it('events written and not yet rolled up when the BFF stopped are in the report after it opens again', async () => {
    await store.write(sittings(13, [day(20), day(21)], 200))
    // A stop before the background rebuild: the days written are still unrolled when the store opens again.
    await store.close()
    await open()
    await compare(RANGES)
  })
})
