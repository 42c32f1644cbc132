import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { formatDate } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { CUST_ID, required } from './params.ts'
import { findAccount, findCustomer } from './records.ts'
import type { Service } from './types.ts'

/** Highest monthly limit the BOSS accepts: 100,000 yuan. */
const MAX_LIMIT = 10_000_000

/** The household's monthly limit in fen, or null when none is set. */
export function monthLimit(db: DatabaseSync, custId: string): number | null {
  const row = db.prepare('SELECT month_limit FROM spend_limit WHERE cust_id = ?').get(custId) as
    { month_limit: number } | undefined
  return row ? row.month_limit : null
}

/** Order charges in the calendar month of `today` (yyyyMMdd); top-ups and monthly fees do not count. */
export function monthSpent(db: DatabaseSync, custId: string, today: string): number {
  const row = db
    .prepare(
      "SELECT COALESCE(SUM(fee), 0) AS spent FROM charge WHERE cust_id = ? AND reason = 'ORDER' AND substr(charge_time, 1, 6) = ?",
    )
    .get(custId, today.slice(0, 6)) as { spent: number }
  return Number(row.spent)
}

function limitFields(db: DatabaseSync, custId: string, today: string): Record<string, string> {
  const limit = monthLimit(db, custId)
  return {
    CUST_ID: custId,
    LIMIT_MONTH: today.slice(0, 6),
    MONTH_LIMIT: limit === null ? '' : String(limit),
    MONTH_SPENT: String(monthSpent(db, custId, today)),
  }
}

/** LIMIT_QRY: the household spending limit and what orders spent this month. */
export const limitQry: Service = {
  code: 'LIMIT_QRY',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    findCustomer(db, custId)
    return limitFields(db, custId, formatDate(now))
  },
}

/** LIMIT_SET: the account holder sets (or, with an empty MONTH_LIMIT, removes) the limit, behind the purchase PIN. */
export const limitSet: Service = {
  code: 'LIMIT_SET',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const pin = required(body, 'PIN', /^\d{6}$/)
    const raw = body.MONTH_LIMIT ?? ''
    if (raw !== '' && !/^\d{1,8}$/.test(raw)) throw new BossError('1002', 'MONTH_LIMIT 格式错误')
    if (raw !== '' && Number(raw) > MAX_LIMIT) throw new BossError('1002', `MONTH_LIMIT 超出范围 0-${MAX_LIMIT}`)
    findCustomer(db, custId)
    const acct = findAccount(db, custId)
    if (pin !== acct.pin) throw new BossError('3004')
    inTransaction(db, () => {
      if (raw === '') db.prepare('DELETE FROM spend_limit WHERE cust_id = ?').run(custId)
      else
        db.prepare(
          'INSERT INTO spend_limit (cust_id, month_limit) VALUES (?, ?) ON CONFLICT (cust_id) DO UPDATE SET month_limit = excluded.month_limit',
        ).run(custId, Number(raw))
    })
    return limitFields(db, custId, formatDate(now))
  },
}
