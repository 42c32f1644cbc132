import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DuckDbUsageStore } from '../../../../src/bff/analytics/duckdbStore.ts'
import type { AcceptedBatch } from '../../../../src/bff/analytics/eventStore.ts'
import { funnelRows, toCsv } from '../../../../src/bff/analytics/reports.ts'

describe('report helpers', () => {
  it('funnel: steps in order, who gave up at each, drop-off share', () => {
    const rows = funnelRows([
      { step: 'detail', sessions: 8 },
      { step: 'catalogue', sessions: 10 },
      { step: 'confirm', sessions: 4 },
      { step: 'done', sessions: 3 },
    ])
    expect(rows.map((r) => [r.step, r.sessions, r.gaveUp])).toEqual([
      ['catalogue', 10, 2],
      ['detail', 8, 4],
      ['confirm', 4, 4],
      ['pin', 0, 0],
      ['done', 3, 0],
    ])
    expect(rows[1].dropOff).toBe(0.5)
    expect(rows[3].dropOff).toBeNull()
  })
  it('CSV: quotes commas and quotes, neutralises spreadsheet formulas', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: '=HYPERLINK("evil")', d: 3, e: null }])).toBe(
      'a,b,c,d,e\r\n"x,y","say ""hi""","\'=HYPERLINK(""evil"")",3,\r\n',
    )
    expect(toCsv([])).toBe('')
  })
})

describe('DuckDB usage store', () => {
  let dir: string
  let store: DuckDbUsageStore
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usage-unit-'))
    store = await DuckDbUsageStore.open(join(dir, 'usage.duckdb'))
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const batch = (key: string, at: string, n = 1): AcceptedBatch => ({
    key,
    household: 'h1',
    keyId: 'k1',
    area: 'GZ01',
    session: 's1',
    receivedAt: at,
    events: Array.from({ length: n }, (_, i) => ({ id: `${key}e${i}xxxx`, at, type: 'screen', screen: 'home' })),
  })

  it('writes a batch once however often it comes, also twice within one write', async () => {
    expect(await store.write([batch('b1', '2026-12-01T10:00:00Z', 3), batch('b1', '2026-12-01T10:00:00Z', 3)])).toBe(3)
    expect(await store.write([batch('b1', '2026-12-01T10:00:00Z', 3)])).toBe(0)
    expect(await store.count()).toBe(3)
  })
  it('writes a big read of the stream in one go (more rows than one INSERT takes)', async () => {
    const before = await store.count()
    const batches = Array.from({ length: 12 }, (_, i) => batch(`big${i}`, '2026-12-01T11:00:00Z', 50))
    expect(await store.write(batches)).toBe(600)
    expect(await store.count()).toBe(before + 600)
  })
  it('counts days in Beijing time: 17:00 UTC is the next day', async () => {
    await store.write([batch('late', '2026-12-01T17:00:00Z')])
    const r = await store.report({ from: '2026-12-02', to: '2026-12-02' })
    expect(r.tables.daily).toEqual([{ day: '2026-12-02', households: 1, sessions: 1, events: 1 }])
  })
  it('enforces retention: events and batch keys older than the days kept go, the rest stay', async () => {
    await store.write([batch('old', '2026-05-01T10:00:00Z', 2)])
    const before = await store.count()
    expect(await store.enforceRetention(new Date('2026-12-01T12:00:00Z'), 180)).toBe(2)
    expect(await store.count()).toBe(before - 2)
    // The old batch key went with its events (the table does not grow forever).
    const keys = await store.reader.runAndReadAll(
      "SELECT count(*)::INTEGER AS n FROM usage_batches WHERE batch_key = 'old'",
    )
    expect(keys.getRowObjectsJson()[0].n).toBe(0)
  })
})
