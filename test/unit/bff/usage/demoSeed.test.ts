import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBatches } from '../../../../src/bff/analytics/demoSeed.ts'
import { DuckDbUsageStore } from '../../../../src/bff/analytics/duckdbStore.ts'
import { pseudonymizer } from '../../../../src/bff/analytics/household.ts'
import { schemaErrors } from '../../../../mocks/schemaCheck.ts'
import { UsageEvent, type UsageReport } from '../../../../src/contract/usage.ts'

const now = new Date('2026-12-06T12:00:00Z')

describe('the demo month of usage (npm start)', () => {
  let dir: string
  let store: DuckDbUsageStore
  let report: UsageReport
  const batches = demoBatches({ households: 300, days: 30, now, pseudo: pseudonymizer('demo') })
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usage-seed-'))
    store = await DuckDbUsageStore.open(join(dir, 'usage.duckdb'))
    await store.write(batches)
    report = await store.report({ from: '2026-11-06', to: '2026-12-06' })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is made of events the contract would accept, none in the future', () => {
    const events = batches.flatMap((b) => b.events)
    expect(events.length).toBeGreaterThan(5_000)
    for (const e of events.slice(0, 2_000)) expect(schemaErrors(UsageEvent, e)).toEqual([])
    expect(events.every((e) => Date.parse(e.at) <= now.getTime() + 3_600_000)).toBe(true)
  })
  it('fills every report: a funnel that narrows, deflection, calls saved, offer audiences', async () => {
    const funnel = report.tables.funnel.map((r) => Number(r.sessions))
    expect(funnel[0]).toBeGreaterThan(50)
    for (let i = 1; i < funnel.length; i++) expect(funnel[i]).toBeLessThanOrEqual(funnel[i - 1])
    expect(report.deflectionRate).toBeGreaterThan(0.3)
    expect(report.deflectionRate).toBeLessThan(0.8)
    for (const t of [
      'daily',
      'services',
      'flows',
      'topups',
      'faults',
      'complaints',
      'errors',
      'callsSaved',
      'offers',
    ]) {
      expect(report.tables[t].length, t).toBeGreaterThan(0)
    }
    expect(await store.count()).toBe(batches.reduce((n, b) => n + b.events.length, 0))
  })
})
