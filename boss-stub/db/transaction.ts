import type { DatabaseSync } from 'node:sqlite'

/**
 * All-or-nothing: money moves and its records (charge, order, subscription) commit together or not at all.
 * IMMEDIATE takes the write lock up front so a second process on the same file cannot interleave.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (err) {
    db.exec('ROLLBACK')
    throw err
  }
}
