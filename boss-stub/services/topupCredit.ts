import type { DatabaseSync } from 'node:sqlite'
import { formatDate, formatTime, lastDayOf, shiftMonth } from '../protocol/time.ts'
import { ACCT_STATUS, BILL_STATUS, SUBS_STATUS } from '../rules.ts'
import { findAccount } from './records.ts'

/**
 * Money paid in (prepaid card, QR). Called inside the caller's transaction, so the payment, the bills
 * it settles, the account and a lifted suspension commit together with the card or QR record, or not at all.
 */
export type Credit = { payId: string; payTime: string; balance: number; oweFee: number; acctStatus: string }

/** PAY_CHANNEL on the wire (PAY_HIS_QRY). */
export const PAY_CHANNEL = { card: '03', qr: '04' } as const

export function creditAccount(
  db: DatabaseSync,
  p: { custId: string; amount: number; channel: string; refNo: string; now: Date },
): Credit {
  const acct = findAccount(db, p.custId)
  const payTime = formatTime(p.now)
  const { n } = db.prepare("SELECT COUNT(*) AS n FROM payment WHERE ref_no != ''").get() as { n: number }
  const payId = `PT${payTime}${String(n + 1).padStart(6, '0')}`
  db.prepare('INSERT INTO payment VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    payId,
    p.custId,
    acct.acct_id,
    p.channel,
    p.amount,
    payTime,
    p.refNo,
  )

  // A top-up first settles unpaid bills, oldest first; only the rest is balance.
  let settle = Math.min(p.amount, acct.owe_fee)
  const oweFee = acct.owe_fee - settle
  const unpaid = db
    .prepare(
      'SELECT bill_id, total_fee, paid_fee FROM bill WHERE cust_id = ? AND paid_fee < total_fee ORDER BY bill_month',
    )
    .all(p.custId) as Array<{ bill_id: string; total_fee: number; paid_fee: number }>
  const payBill = db.prepare('UPDATE bill SET paid_fee = ?, bill_status = ? WHERE bill_id = ?')
  for (const b of unpaid) {
    if (settle <= 0) break
    const pay = Math.min(settle, b.total_fee - b.paid_fee)
    const paid = b.paid_fee + pay
    payBill.run(paid, paid >= b.total_fee ? BILL_STATUS.settled : BILL_STATUS.partial, b.bill_id)
    settle -= pay
  }
  const balance = acct.balance + p.amount - (acct.owe_fee - oweFee)

  let status = acct.acct_status
  let planStop = acct.plan_stop_date
  let stopTime = acct.stop_time
  if (oweFee === 0) {
    if (acct.acct_status === ACCT_STATUS.suspended) resumeSubscriptions(db, p.custId, p.now)
    status = ACCT_STATUS.normal
    planStop = ''
    stopTime = ''
  } else if (acct.acct_status === ACCT_STATUS.arrears) {
    // Still in arrears: the stop date follows the oldest bill left unpaid (two months after its month).
    const oldest = db
      .prepare('SELECT bill_month FROM bill WHERE cust_id = ? AND paid_fee < total_fee ORDER BY bill_month LIMIT 1')
      .get(p.custId) as { bill_month: string } | undefined
    if (oldest) planStop = `${shiftMonth(oldest.bill_month, 2)}01`
  }
  db.prepare(
    'UPDATE account SET balance = ?, owe_fee = ?, acct_status = ?, plan_stop_date = ?, stop_time = ? WHERE acct_id = ?',
  ).run(balance, oweFee, status, planStop, stopTime, acct.acct_id)
  return { payId, payTime, balance, oweFee, acctStatus: status }
}

/**
 * Lifting a suspension (复机): suspended subscriptions run again from today. Monthly auto-renewing ones are
 * paid to the end of this month again; fixed-period ones keep their own end date (if it has not passed).
 */
function resumeSubscriptions(db: DatabaseSync, custId: string, now: Date): void {
  const today = formatDate(now)
  db.prepare(
    `UPDATE subscription SET subs_status = ?, exp_date = ? WHERE cust_id = ? AND subs_status = ? AND auto_renew = 'Y'`,
  ).run(SUBS_STATUS.active, lastDayOf(today.slice(0, 6)), custId, SUBS_STATUS.suspended)
  db.prepare(
    `UPDATE subscription SET subs_status = CASE WHEN exp_date >= ? THEN ? ELSE ? END WHERE cust_id = ? AND subs_status = ?`,
  ).run(today, SUBS_STATUS.active, SUBS_STATUS.ended, custId, SUBS_STATUS.suspended)
}
