import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import type { ReportQuery, UsageReport } from '../../contract/usage.ts'
import type { AcceptedBatch, OfferQuery, OfferTarget, UsageStore } from './eventStore.ts'
import { buildReport, offerTargetsSql } from './reports.ts'
import { beijingDay } from '../time.ts'
import {
  FORGET_MARKS_SQL,
  REFRESH_SQL,
  ROLLUP_SCHEMA,
  ROLLUP_TABLES,
  RESET_ROLLUPS_SQL,
  ROLLUP_VERSION,
  ROLLUP_VERSION_SQL,
  UNROLLED_DAYS_SQL,
} from './rollups.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS usage_batches (batch_key VARCHAR PRIMARY KEY, received_at TIMESTAMPTZ NOT NULL);
CREATE TABLE IF NOT EXISTS usage_events (
  occurred_at TIMESTAMPTZ NOT NULL, day DATE NOT NULL, household VARCHAR NOT NULL, key_id VARCHAR NOT NULL,
  area VARCHAR NOT NULL, session VARCHAR NOT NULL, event_id VARCHAR NOT NULL, type VARCHAR NOT NULL,
  screen VARCHAR, flow VARCHAR, step VARCHAR, outcome VARCHAR, symptom VARCHAR, category VARCHAR,
  code VARCHAR, product VARCHAR, method VARCHAR, amount_fen BIGINT
);
-- How to reach a household with an offer: its customer id sealed under the household key (household.ts).
CREATE TABLE IF NOT EXISTS usage_contacts (household VARCHAR PRIMARY KEY, key_id VARCHAR NOT NULL, contact VARCHAR NOT NULL, seen_at TIMESTAMPTZ NOT NULL);`

const OPEN = new Map<string, Promise<DuckDbUsageStore>>()
// Up to this many events a report rebuilds the dirty days' rollups first (well under a second here).
const INLINE_REFRESH_MAX_EVENTS = 1_000_000
const COLUMNS = 18
// How each column's text becomes its type (the values travel as JSON strings).
const COLUMN_CASTS = ['::TIMESTAMPTZ', '::DATE', ...Array<string>(COLUMNS - 3).fill(''), '::BIGINT']

function rowsOf(batch: AcceptedBatch): (string | number | null)[][] {
  return batch.events.map((e) => [
    e.at,
    beijingDay(e.at),
    batch.household,
    batch.keyId,
    batch.area,
    batch.session,
    e.id,
    e.type,
    e.screen ?? null,
    e.flow ?? null,
    e.step ?? null,
    e.outcome ?? null,
    e.symptom ?? null,
    e.category ?? null,
    e.code ?? null,
    e.product ?? null,
    e.method ?? null,
    e.amountFen ?? null,
  ])
}

/**
 * DuckDB in one file: columnar, so a month of millions of boxes' events aggregates in a scan rather
 * than row by row. One connection writes (calls are chained so transactions never interleave), another reads.
 */
export class DuckDbUsageStore implements UsageStore {
  #chain: Promise<unknown> = Promise.resolve()

  readonly instance: DuckDBInstance
  readonly writer: DuckDBConnection
  readonly reader: DuckDBConnection

  readonly #key: string | null

  private constructor(
    instance: DuckDBInstance,
    writer: DuckDBConnection,
    reader: DuckDBConnection,
    key: string | null,
  ) {
    this.#key = key
    this.instance = instance
    this.writer = writer
    this.reader = reader
  }

  #users = 1
  /** Days written since their rollups were built (rollups.ts). */
  readonly #dirty = new Set<string>()
  /** Events in the store (about: retention and restarts recount it). */
  #size = 0

  /**
   * DuckDB's file lock is per process: two BFFs in one process (tests) opening one file would each
   * write it behind the other's back. They share one store instead, closed when the last one closes.
   */
  static async open(path: string): Promise<DuckDbUsageStore> {
    const key = path === ':memory:' ? null : resolve(path)
    const shared = key ? OPEN.get(key) : undefined
    if (shared) {
      const store = await shared
      store.#users += 1
      return store
    }
    const opening = (async () => {
      if (key) mkdirSync(dirname(key), { recursive: true })
      const instance = await DuckDBInstance.create(key ?? ':memory:')
      const writer = await instance.connect()
      await writer.run(SCHEMA)
      await writer.run(ROLLUP_SCHEMA)
      const built = await writer.runAndReadAll(ROLLUP_VERSION_SQL)
      if (built.getRowObjectsJson()[0]?.version !== ROLLUP_VERSION) {
        await writer.run('BEGIN TRANSACTION')
        for (const sql of RESET_ROLLUPS_SQL) await writer.run(sql)
        await writer.run('COMMIT')
      }
      const store = new DuckDbUsageStore(instance, writer, await instance.connect(), key)
      store.#size = await store.count()
      for (const row of (await writer.runAndReadAll(UNROLLED_DAYS_SQL)).getRowObjectsJson())
        store.#dirty.add(`${row.day as string}`)
      return store
    })()
    if (key) OPEN.set(key, opening)
    try {
      return await opening
    } catch (err) {
      if (key) OPEN.delete(key)
      throw err
    }
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(work, work)
    this.#chain = next.catch(() => undefined)
    return next
  }

  write(batches: AcceptedBatch[]): Promise<number> {
    return this.#serial(async () => {
      const db = this.writer
      await db.run('BEGIN TRANSACTION')
      try {
        // Rows travel as one JSON parameter, unnested in SQL: one statement per table whatever the size of the read
        // (a parameter per value, or a list per column, were 4 times slower for a stream read of thousands).
        const fresh = new Map(batches.map((b) => [b.key, b]))
        if (fresh.size === 0) {
          await db.run('COMMIT')
          return 0
        }
        const known = await db.runAndReadAll(
          `SELECT b.batch_key AS k FROM usage_batches b JOIN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')) AS k) n ON b.batch_key = n.k`,
          [JSON.stringify([...fresh.keys()])],
        )
        for (const row of known.getRowObjectsJson()) fresh.delete(`${row.k as string}`)
        const todo = [...fresh.values()]
        const rows = todo.flatMap(rowsOf)
        if (todo.length > 0) {
          await db.run(
            `INSERT INTO usage_batches SELECT r[1], r[2]::TIMESTAMPTZ FROM (SELECT unnest(from_json($1::JSON, '["VARCHAR[]"]')) AS r)`,
            [JSON.stringify(todo.map((b) => [b.key, b.receivedAt]))],
          )
        }
        if (rows.length > 0) {
          const columns = COLUMN_CASTS.map((cast, c) => `r[${c + 1}]${cast}`).join(', ')
          await db.run(
            `INSERT INTO usage_events SELECT ${columns} FROM (SELECT unnest(from_json($1::JSON, '["VARCHAR[]"]')) AS r)`,
            [JSON.stringify(rows.map((r) => r.map((v) => (v === null ? null : String(v)))))],
          )
        }
        const contacts = new Map(
          todo.filter((b) => b.contact).map((b) => [b.household, [b.household, b.keyId, b.contact, b.receivedAt]]),
        )
        if (contacts.size > 0) {
          await db.run(
            `INSERT OR REPLACE INTO usage_contacts SELECT r[1], r[2], r[3], r[4]::TIMESTAMPTZ FROM (SELECT unnest(from_json($1::JSON, '["VARCHAR[]"]')) AS r)`,
            [JSON.stringify([...contacts.values()])],
          )
        }
        // The days written lose their "rolled up" mark in the same transaction: a BFF that stops before the
        // background rebuild finds them unrolled when it opens again (UNROLLED_DAYS_SQL), so no event is lost to the reports.
        const days = [...new Set(rows.map((r) => String(r[1])))]
        if (days.length > 0)
          await db.run(`DELETE FROM usage_rollup_days WHERE day IN (SELECT unnest(from_json($1::JSON, '["DATE"]')))`, [
            JSON.stringify(days),
          ])
        await db.run('COMMIT')
        for (const d of days) this.#dirty.add(d)
        this.#size += rows.length
        return rows.length
      } catch (err) {
        await db.run('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  }

  /**
   * Rebuild the rollups of the days written since the last time; answers how many days. A large store a day at a
   * time, each in its own transaction: the stream's writes go in between (a day of 5 million boxes takes 20-40 s),
   * and rebuilding a whole month (rollups of another version) fills in day by day instead of holding the writer for
   * it. A small one all its days in one transaction (thirty small ones cost more than one).
   */
  async refreshRollups(): Promise<number> {
    const days = [...this.#dirty].sort()
    const chunks = this.#size <= INLINE_REFRESH_MAX_EVENTS ? [days] : days.map((d) => [d])
    let rebuilt = 0
    for (const chunk of chunks) {
      rebuilt += await this.#serial(async () => {
        // Another caller's turn rebuilt them meanwhile.
        const todo = chunk.filter((d) => this.#dirty.delete(d))
        if (todo.length === 0) return 0
        const params = { days: JSON.stringify(todo), lo: todo[0], hi: todo[todo.length - 1] }
        const db = this.writer
        try {
          await db.run('BEGIN TRANSACTION')
          for (const sql of REFRESH_SQL) await db.run(sql, params)
          await db.run('COMMIT')
        } catch (err) {
          await db.run('ROLLBACK').catch(() => undefined)
          for (const d of todo) this.#dirty.add(d)
          throw err
        }
        return todo.length
      })
    }
    return rebuilt
  }

  /**
   * A small store rebuilds its dirty days before answering, so a report is exact to the event. A large one
   * (an operator's millions of boxes) answers from the rollups the writer rebuilds every 30 s in the
   * background: rebuilding a day of a million boxes' events takes seconds, the report must take under one.
   */
  async #fresh(): Promise<void> {
    if (this.#size <= INLINE_REFRESH_MAX_EVENTS) await this.refreshRollups()
  }

  async report(query: Required<Pick<ReportQuery, 'from' | 'to'>> & { area?: string }): Promise<UsageReport> {
    await this.#fresh()
    return buildReport(async (sql, params) => {
      const reader = await this.reader.runAndReadAll(sql, params)
      return reader.getRowObjectsJson() as Record<string, string | number | null>[]
    }, query)
  }

  async offerTargets(q: OfferQuery): Promise<OfferTarget[]> {
    // The offer job is no interactive report: it waits for the rollups to hold every event.
    await this.refreshRollups()
    const reader = await this.reader.runAndReadAll(offerTargetsSql(q.minDetailViews), {
      from: q.from,
      to: q.to,
      area: q.area ?? null,
      keyId: q.keyId,
    })
    // Every column is VARCHAR NOT NULL (or a NOT NULL event column): strings.
    return reader.getRowObjectsJson().map((r) => ({
      household: `${r.household as string}`,
      contact: `${r.contact as string}`,
      product: `${r.product as string}`,
    }))
  }

  /**
   * Whole days go (in the operator's time, as the reports count them), so no rollup keeps a day that lost part of
   * its events. The offer marks of the days kept forget the days that went, as the events do.
   */
  enforceRetention(now: Date, days: number): Promise<number> {
    return this.#serial(async () => {
      const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString()
      const firstDay = beijingDay(cutoff)
      const db = this.writer
      const gone = await db.run('DELETE FROM usage_events WHERE day < $1::DATE', [firstDay])
      this.#size = Math.max(0, this.#size - Number(gone.rowsChanged))
      await db.run('DELETE FROM usage_batches WHERE received_at < $1::TIMESTAMPTZ', [cutoff])
      await db.run('DELETE FROM usage_contacts WHERE seen_at < $1::TIMESTAMPTZ', [cutoff])
      for (const t of ROLLUP_TABLES) await db.run(`DELETE FROM ${t} WHERE day < $1::DATE`, [firstDay])
      await db.run(FORGET_MARKS_SQL, [firstDay])
      return Number(gone.rowsChanged)
    })
  }

  async count(): Promise<number> {
    const reader = await this.reader.runAndReadAll('SELECT count(*)::INTEGER AS n FROM usage_events')
    return Number(reader.getRowObjectsJson()[0]?.n ?? 0)
  }

  async dump(): Promise<Record<string, unknown>[]> {
    const reader = await this.reader.runAndReadAll('SELECT * FROM usage_events ORDER BY occurred_at')
    return reader.getRowObjectsJson()
  }

  close(): Promise<void> {
    if (--this.#users > 0) return Promise.resolve()
    if (this.#key) OPEN.delete(this.#key)
    return this.#serial(async () => {
      this.reader.closeSync()
      this.writer.closeSync()
      this.instance.closeSync()
    })
  }
}
