import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type { AttemptReservation, CounterState, IdempotencyClaim, OutboxMessage, Store } from './store.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status_code INTEGER,
  body TEXT,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (available_at);
CREATE TABLE IF NOT EXISTS kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`

type Row = Record<string, unknown>

/** Single-process store on node:sqlite. Statements are synchronous and short, so no locking is needed within one process. */
export class SqliteStore implements Store {
  readonly #db: DatabaseSync
  readonly #now: () => number
  readonly #q: Record<string, StatementSync>

  constructor(path: string, opts: { now?: () => number } = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.#db = new DatabaseSync(path)
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;')
    this.#db.exec(SCHEMA)
    // Stores made before the outbox had owners get the column (and its index) added in place.
    const outboxColumns = this.#db.prepare('PRAGMA table_info(outbox)').all() as Row[]
    if (!outboxColumns.some((c) => c.name === 'owner'))
      this.#db.exec("ALTER TABLE outbox ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
    this.#db.exec('CREATE INDEX IF NOT EXISTS outbox_owner ON outbox (owner, topic)')
    // Claims made before leases existed have none: they count as run out (the crash they may hide is settled).
    const idemColumns = this.#db.prepare('PRAGMA table_info(idempotency)').all() as Row[]
    if (!idemColumns.some((c) => c.name === 'lease_until'))
      this.#db.exec('ALTER TABLE idempotency ADD COLUMN lease_until INTEGER')
    this.#now = opts.now ?? Date.now
    const p = (sql: string) => this.#db.prepare(sql)
    this.#q = {
      idemDeleteExpired: p('DELETE FROM idempotency WHERE key = ? AND expires_at <= ?'),
      idemInsert: p(
        'INSERT OR IGNORE INTO idempotency (key, fingerprint, expires_at, lease_until) VALUES (?, ?, ?, ?)',
      ),
      idemTakeOver: p(
        'UPDATE idempotency SET lease_until = ? WHERE key = ? AND status_code IS NULL AND COALESCE(lease_until, 0) <= ?',
      ),
      idemStale: p(`UPDATE idempotency SET lease_until = ? WHERE key IN (
          SELECT key FROM idempotency WHERE status_code IS NULL AND COALESCE(lease_until, 0) <= ? AND expires_at > ?
            AND substr(key, 1, length(?)) = ? LIMIT ?)
        RETURNING key`),
      idemGet: p('SELECT fingerprint, status_code, body FROM idempotency WHERE key = ?'),
      idemComplete: p('UPDATE idempotency SET status_code = ?, body = ? WHERE key = ?'),
      idemRelease: p('DELETE FROM idempotency WHERE key = ? AND status_code IS NULL'),
      hit: p(`INSERT INTO counters (key, count, expires_at) VALUES (?, 1, ?)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN expires_at <= ? THEN 1 ELSE count + 1 END,
          expires_at = CASE WHEN expires_at <= ? THEN excluded.expires_at ELSE expires_at END
        RETURNING count, expires_at`),
      peek: p('SELECT count, expires_at FROM counters WHERE key = ? AND expires_at > ?'),
      clear: p('DELETE FROM counters WHERE key = ?'),
      counterGet: p('SELECT count, expires_at FROM counters WHERE key = ?'),
      counterSet: p(`INSERT INTO counters (key, count, expires_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET count = excluded.count, expires_at = excluded.expires_at`),
      release: p('UPDATE counters SET count = count - 1 WHERE key = ? AND count > 0 AND expires_at > ?'),
      enqueue: p('INSERT INTO outbox (topic, payload, available_at, created_at, owner) VALUES (?, ?, ?, ?, ?)'),
      pending: p(
        'SELECT id, topic, payload, attempts, created_at FROM outbox WHERE owner = ? AND topic = ? ORDER BY id',
      ),
      kvPut: p(
        'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      ),
      kvGet: p('SELECT value FROM kv WHERE key = ? AND expires_at > ?'),
      kvDelete: p('DELETE FROM kv WHERE key = ?'),
      kvTake: p('DELETE FROM kv WHERE key = ? RETURNING value, expires_at'),
      sweepKv: p('DELETE FROM kv WHERE expires_at <= ?'),
      lease: p(`UPDATE outbox SET attempts = attempts + 1, available_at = ?
        WHERE id IN (SELECT id FROM outbox WHERE available_at <= ? ORDER BY id LIMIT ?)
        RETURNING id, topic, payload, attempts, created_at`),
      ack: p('DELETE FROM outbox WHERE id = ?'),
      retry: p('UPDATE outbox SET available_at = ? WHERE id = ?'),
      sweepIdem: p('DELETE FROM idempotency WHERE expires_at <= ?'),
      sweepCounters: p('DELETE FROM counters WHERE expires_at <= ?'),
      ping: p('SELECT 1 AS ok'),
    }
  }

  #counter(row: Row): CounterState {
    return {
      count: Number(row.count),
      resetInSeconds: Math.max(0, Math.ceil((Number(row.expires_at) - this.#now()) / 1000)),
    }
  }

  async claimIdempotency(
    key: string,
    fingerprint: string,
    ttlSeconds: number,
    leaseSeconds = 30,
  ): Promise<IdempotencyClaim> {
    const now = this.#now()
    const leaseUntil = now + leaseSeconds * 1000
    this.#q.idemDeleteExpired.run(key, now)
    if (this.#q.idemInsert.run(key, fingerprint, now + ttlSeconds * 1000, leaseUntil).changes === 1)
      return { state: 'claimed' }
    const row = this.#q.idemGet.get(key) as Row
    if (row.status_code === null) {
      if (row.fingerprint === fingerprint && this.#q.idemTakeOver.run(leaseUntil, key, now).changes === 1) {
        return { state: 'claimed', recovered: true }
      }
      return { state: 'pending', fingerprint: String(row.fingerprint) }
    }
    return {
      state: 'done',
      fingerprint: String(row.fingerprint),
      statusCode: Number(row.status_code),
      body: String(row.body),
    }
  }

  async takeStaleClaims(prefix: string, limit: number, leaseSeconds: number): Promise<string[]> {
    const now = this.#now()
    const rows = this.#q.idemStale.all(now + leaseSeconds * 1000, now, now, prefix, prefix, limit) as Row[]
    return rows.map((r) => String(r.key))
  }

  async completeIdempotency(key: string, statusCode: number, body: string): Promise<void> {
    this.#q.idemComplete.run(statusCode, body, key)
  }

  async releaseIdempotency(key: string): Promise<void> {
    this.#q.idemRelease.run(key)
  }

  async hit(key: string, windowSeconds: number): Promise<CounterState> {
    const now = this.#now()
    return this.#counter(this.#q.hit.get(key, now + windowSeconds * 1000, now, now) as Row)
  }

  async peek(key: string): Promise<CounterState | null> {
    const row = this.#q.peek.get(key, this.#now()) as Row | undefined
    return row ? this.#counter(row) : null
  }

  async clear(key: string): Promise<void> {
    this.#q.clear.run(key)
  }

  async reserveAttempt(key: string, max: number, windowSeconds: number): Promise<AttemptReservation> {
    const now = this.#now()
    // IMMEDIATE takes the write lock before the read: two BFF processes on one file cannot both pass the check.
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const row = this.#q.counterGet.get(key) as Row | undefined
      const live = row && Number(row.expires_at) > now
      const count = live ? Number(row.count) : 0
      if (count >= max) {
        this.#db.exec('COMMIT')
        return { granted: false, ...this.#counter(row!) }
      }
      const next = count + 1
      const expiresAt = next >= max || !live ? now + windowSeconds * 1000 : Number(row.expires_at)
      this.#q.counterSet.run(key, next, expiresAt)
      this.#db.exec('COMMIT')
      return { granted: true, ...this.#counter({ count: next, expires_at: expiresAt }) }
    } catch (err) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw err
    }
  }

  async releaseAttempt(key: string): Promise<void> {
    this.#q.release.run(key, this.#now())
  }

  async enqueue(topic: string, payload: unknown, owner = ''): Promise<number> {
    const now = this.#now()
    return Number(this.#q.enqueue.run(topic, JSON.stringify(payload), now, now, owner).lastInsertRowid)
  }

  async pending(topic: string, owner: string): Promise<OutboxMessage[]> {
    return (this.#q.pending.all(owner, topic) as Row[]).map((r) => this.#message(r))
  }

  async putValue(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.#q.kvPut.run(key, value, this.#now() + ttlSeconds * 1000)
  }

  async getValue(key: string): Promise<string | null> {
    const row = this.#q.kvGet.get(key, this.#now()) as Row | undefined
    return row ? String(row.value) : null
  }

  async takeValue(key: string): Promise<string | null> {
    const row = this.#q.kvTake.get(key) as Row | undefined
    return row && Number(row.expires_at) > this.#now() ? String(row.value) : null
  }

  async deleteValue(key: string): Promise<void> {
    this.#q.kvDelete.run(key)
  }

  #message(r: Row): OutboxMessage {
    return {
      id: Number(r.id),
      topic: String(r.topic),
      payload: JSON.parse(String(r.payload)) as unknown,
      attempts: Number(r.attempts),
      createdAt: Number(r.created_at),
    }
  }

  async lease(limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
    const now = this.#now()
    const rows = this.#q.lease.all(now + leaseSeconds * 1000, now, limit) as Row[]
    return rows
      .map((r) => ({
        id: Number(r.id),
        topic: String(r.topic),
        payload: JSON.parse(String(r.payload)) as unknown,
        attempts: Number(r.attempts),
        createdAt: Number(r.created_at),
      }))
      .sort((a, b) => a.id - b.id)
  }

  async ack(id: number): Promise<void> {
    this.#q.ack.run(id)
  }

  async retry(id: number, delaySeconds: number): Promise<void> {
    this.#q.retry.run(this.#now() + Math.round(delaySeconds * 1000), id)
  }

  async sweep(): Promise<void> {
    const now = this.#now()
    this.#q.sweepIdem.run(now)
    this.#q.sweepCounters.run(now)
    this.#q.sweepKv.run(now)
  }

  async ping(): Promise<void> {
    const row = this.#q.ping.get() as Row | undefined
    if (row?.ok !== 1) throw new Error('store did not answer')
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }
}
