import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import { inTransaction } from './db/transaction.ts'
import { formatTime } from './protocol/time.ts'

/**
 * STB provisioning as the operator's CA/BOSS does it: every box gets a secret device key when it is
 * provisioned, kept in the box's secure storage and in the BOSS, never printed on it. The box proves it is
 * that box by an HMAC-SHA256 of the hall's one-time challenge under its key; the BOSS checks it (STB_AUTH),
 * so the key never leaves the BOSS towards the BFF.
 */

export const DEVICE_ID = /^[A-Za-z0-9_-]{4,32}$/

/** What the box signs: purpose, box, card and the hall's challenge, so a signature serves one log-in only. */
export function loginMessage(stbId: string, cardNo: string, challenge: string): string {
  return `TVHALL-LOGIN|${stbId}|${cardNo}|${challenge}`
}

export function signLogin(deviceKey: string, stbId: string, cardNo: string, challenge: string): string {
  return createHmac('sha256', Buffer.from(deviceKey, 'hex'))
    .update(loginMessage(stbId, cardNo, challenge), 'utf8')
    .digest('hex')
}

export function deviceKeyOf(db: DatabaseSync, stbId: string): string | null {
  const row = db.prepare('SELECT device_key FROM device WHERE stb_id = ?').get(stbId) as
    { device_key: string } | undefined
  return row?.device_key ?? null
}

/** Constant time: a forger learns nothing byte by byte. */
export function loginSignatureValid(
  db: DatabaseSync,
  stbId: string,
  cardNo: string,
  challenge: string,
  sign: string,
): boolean {
  const key = deviceKeyOf(db, stbId)
  if (!key || !/^[0-9a-fA-F]{64}$/.test(sign)) return false
  const expected = Buffer.from(signLogin(key, stbId, cardNo, challenge), 'hex')
  return timingSafeEqual(expected, Buffer.from(sign, 'hex'))
}

/** Provision a box: a new random key (replacing any earlier one: a box re-provisioned after repair). */
export function provisionDevice(db: DatabaseSync, stbId: string, now = new Date()): string {
  const key = randomBytes(32).toString('hex')
  db.prepare(
    `INSERT INTO device (stb_id, device_key, provisioned_time) VALUES (?, ?, ?)
    ON CONFLICT (stb_id) DO UPDATE SET device_key = excluded.device_key, provisioned_time = excluded.provisioned_time`,
  ).run(stbId, key, formatTime(now))
  return key
}

/**
 * Every box of the seed that has no key yet gets one (a fresh database, or boxes added by a reseed). One
 * transaction for all of them: a commit per box made every stack start (each test file's) wait seconds on fsync.
 */
export function provisionSeededDevices(db: DatabaseSync, now = new Date()): void {
  const missing = db.prepare('SELECT stb_id FROM customer WHERE stb_id NOT IN (SELECT stb_id FROM device)').all() as {
    stb_id: string
  }[]
  inTransaction(db, () => {
    for (const { stb_id } of missing) provisionDevice(db, stb_id, now)
  })
}
