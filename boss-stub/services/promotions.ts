import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { formatDate, formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { CUST_ID, optionalInt, required } from './params.ts'
import { findAccount, findCustomer } from './records.ts'
import { liveSubscriptions } from './subscriptions.ts'
import type { Service } from './types.ts'

/** Days over which MSG_PUSH counts a household's targeted promotions against the campaign's cap. */
export const PUSH_WINDOW_DAYS = 30
const PUSH_ID = /^[A-Za-z0-9_-]{8,64}$/
const PROD_ID = /^[A-Za-z0-9_]{1,32}$/

/** Whether the household takes promotions (营销免打扰 off); a household never asked takes them. */
export function takesOffers(db: DatabaseSync, custId: string): boolean {
  const row = db.prepare('SELECT offer_flag FROM marketing_pref WHERE cust_id = ?').get(custId) as
    { offer_flag: string } | undefined
  return row?.offer_flag !== 'N'
}

const windowStart = (now: Date) => formatTime(new Date(now.getTime() - PUSH_WINDOW_DAYS * 86_400_000))

/** MKT_PREF_QRY: the household's marketing consent. */
export const mktPrefQry: Service = {
  code: 'MKT_PREF_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    findCustomer(db, custId)
    return { CUST_ID: custId, OFFER_FLAG: takesOffers(db, custId) ? 'Y' : 'N' }
  },
}

/** MKT_PREF_SET: the viewer's own choice (OFFER_FLAG N: no targeted promotions); repeating it changes nothing. */
export const mktPrefSet: Service = {
  code: 'MKT_PREF_SET',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const flag = required(body, 'OFFER_FLAG', /^[YN]$/)
    findCustomer(db, custId)
    db.prepare(
      `INSERT INTO marketing_pref (cust_id, offer_flag, update_time) VALUES (?, ?, ?)
      ON CONFLICT (cust_id) DO UPDATE SET offer_flag = excluded.offer_flag, update_time = excluded.update_time`,
    ).run(custId, flag, formatTime(now))
    return { CUST_ID: custId, OFFER_FLAG: flag }
  },
}

/**
 * MSG_PUSH: a campaign pushes one package's promotion to one household (TMF681 communication message).
 * The BOSS decides whether it may: consent, standing, the package not held, not offered in the last
 * 30 days, and no more than MAX_IN_30D promotions in 30 days. PUSH_ID makes a retried push answer
 * what the first one did (DUPLICATE Y). PUSH_STATUS: SENT, OPTED_OUT, NOT_ELIGIBLE, HELD, ALREADY_OFFERED, CAPPED.
 */
export const msgPush: Service = {
  code: 'MSG_PUSH',
  moneyMoving: true,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const pushId = required(body, 'PUSH_ID', PUSH_ID)
    const prodId = required(body, 'PROD_ID', PROD_ID)
    const cap = optionalInt(body, 'MAX_IN_30D', 1, 30, 2)
    findCustomer(db, custId)
    const product = db
      .prepare(
        `SELECT p.prod_id, min(pp.period_months) AS period_months FROM product p JOIN product_price pp ON pp.prod_id = p.prod_id
      WHERE p.prod_id = ? AND p.orderable = 1 AND p.prod_type = 'PKG' GROUP BY p.prod_id`,
      )
      .get(prodId) as { prod_id: string; period_months: number } | undefined
    if (!product) throw new BossError('2002', '产品不存在或不可订购')
    const answer = (status: string, msgId = '') => ({
      CUST_ID: custId,
      PUSH_ID: pushId,
      PROD_ID: prodId,
      PUSH_STATUS: status,
      MSG_ID: msgId,
      DUPLICATE: 'N',
    })
    return inTransaction(db, () => {
      const done = db.prepare('SELECT push_seq, cust_id, prod_id FROM promotion_push WHERE push_id = ?').get(pushId) as
        { push_seq: number; cust_id: string; prod_id: string } | undefined
      if (done) {
        if (done.cust_id !== custId || done.prod_id !== prodId) throw new BossError('3002', 'PUSH_ID 已用于其他推送')
        return { ...answer('SENT', `OFR-${done.push_seq}`), DUPLICATE: 'Y' }
      }
      if (!takesOffers(db, custId)) return answer('OPTED_OUT')
      if (findAccount(db, custId).acct_status !== '1') return answer('NOT_ELIGIBLE')
      if (liveSubscriptions(db, custId, formatDate(now)).some((s) => s.prod_id === prodId)) return answer('HELD')
      const recent = db
        .prepare('SELECT prod_id FROM promotion_push WHERE cust_id = ? AND push_time >= ?')
        .all(custId, windowStart(now)) as Array<{ prod_id: string }>
      if (recent.some((r) => r.prod_id === prodId)) return answer('ALREADY_OFFERED')
      if (recent.length >= cap) return answer('CAPPED')
      const seq = db
        .prepare(
          'INSERT INTO promotion_push (push_id, cust_id, prod_id, period_months, push_time) VALUES (?, ?, ?, ?, ?)',
        )
        .run(pushId, custId, prodId, product.period_months, formatTime(now)).lastInsertRowid
      return answer('SENT', `OFR-${Number(seq)}`)
    })
  },
}

export type PushRow = { push_seq: number; prod_id: string; period_months: number; push_time: string }

/** The household's targeted promotions of the last 30 days, as MSG_LIST_QRY lists them. */
export function recentPushes(db: DatabaseSync, custId: string, now: Date): PushRow[] {
  return db
    .prepare(
      'SELECT push_seq, prod_id, period_months, push_time FROM promotion_push WHERE cust_id = ? AND push_time >= ? ORDER BY push_seq',
    )
    .all(custId, windowStart(now)) as PushRow[]
}
