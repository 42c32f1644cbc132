import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { createSchema, readMeta, SCHEMA_VERSION } from './schema.ts'
import { seedBoss } from './seed.ts'

export function openBossDb(dbPath: string): DatabaseSync {
  if (dbPath !== ':memory:') mkdirSync(dirname(resolve(dbPath)), { recursive: true })
  const db = new DatabaseSync(dbPath)
  db.exec('PRAGMA foreign_keys = ON')
  if (dbPath !== ':memory:') db.exec('PRAGMA journal_mode = WAL')
  // A second process (a test peeking at the file) waits for the write lock instead of failing.
  db.exec('PRAGMA busy_timeout = 5000')
  createSchema(db)
  return db
}

/**
 * Seeds an empty database, one from an older schema, or one seeded on an earlier day: the seed's dates
 * (expiry in 3 days, arrears since last month) are relative to its day and would drift otherwise.
 */
export function ensureSeeded(db: DatabaseSync, today: string, force: boolean): boolean {
  const stale = readMeta(db, 'schema_version') !== SCHEMA_VERSION || readMeta(db, 'seed_today') !== today
  if (!force && !stale) return false
  seedBoss(db, { today })
  return true
}
