import { BossError } from '../protocol/codes.ts'
import { formatDate, formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { ACCT_STATUS } from '../rules.ts'
import { PROD_ID } from './catalogue.ts'
import { findOrder, orderFields, ORDER_STATUS } from './orderRecords.ts'
import { CUST_ID, optional, required } from './params.ts'
import { findAccount, findCustomer } from './records.ts'
import { issueBody, planOrder } from './orderChecks.ts'
import type { Service } from './types.ts'

export const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/

/**
 * ORDER_CREATE: price from the catalogue, never from the caller. Balance deduction, charge record,
 * subscription and order commit in one transaction; a repeated ORDER_NO answers 3002 and moves nothing.
 */
export const orderCreate: Service = {
  code: 'ORDER_CREATE',
  moneyMoving: true,
  handle(body, { db, now, chnlId }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const orderNo = required(body, 'ORDER_NO', ORDER_NO)
    const prodId = required(body, 'PROD_ID', PROD_ID)
    const period = Number(required(body, 'PERIOD_MONTHS', /^\d{1,2}$/))
    const pin = required(body, 'PIN', /^\d{6}$/)
    const autoRenew = optional(body, 'AUTO_RENEW', /^[YN]$/, 'N')
    findCustomer(db, custId)
    const today = formatDate(now)
    const createTime = formatTime(now)

    return inTransaction(db, () => {
      const existing = findOrder(db, orderNo)
      if (existing) {
        // Someone else's order number: say it is taken, show nothing of it.
        throw new BossError('3002', undefined, existing.cust_id === custId ? orderFields(db, existing) : {})
      }
      const acct = findAccount(db, custId)
      // Suspension first, then the PIN, then product, conflicts, spending limit and balance (planOrder's order).
      if (acct.acct_status === ACCT_STATUS.suspended) throw new BossError('2003', '账户已欠费停机，请先缴清欠费')
      if (pin !== acct.pin) throw new BossError('3004')
      const plan = planOrder(db, acct, prodId, period, today)
      const refusal = plan.issues[0]
      if (refusal) throw new BossError(refusal.code, refusal.desc, issueBody(plan, acct, refusal))
      const debit = db
        .prepare('UPDATE account SET balance = balance - ? WHERE acct_id = ? AND balance >= ?')
        .run(plan.fee, acct.acct_id, plan.fee)
      if (Number(debit.changes) !== 1) throw new BossError('3001')
      db.prepare(
        'INSERT INTO charge (acct_id, cust_id, fee, reason, ref_no, charge_time) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(acct.acct_id, custId, plan.fee, 'ORDER', orderNo, createTime)

      const { effDate, expDate } = plan
      let subsId: string
      if (plan.extend) {
        // Renewal: the new period starts the day after the current one ends.
        subsId = plan.extend.subs_id
        db.prepare('UPDATE subscription SET exp_date = ?, auto_renew = ?, order_no = ? WHERE subs_id = ?').run(
          expDate,
          autoRenew,
          orderNo,
          subsId,
        )
      } else {
        const { n } = db.prepare('SELECT COUNT(*) AS n FROM subscription WHERE cust_id = ?').get(custId) as {
          n: number
        }
        subsId = `S${custId.slice(1)}${String(n + 1).padStart(2, '0')}`
        db.prepare('INSERT INTO subscription VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          subsId,
          custId,
          prodId,
          effDate,
          expDate,
          '1',
          autoRenew,
          period,
          plan.fee,
          orderNo,
        )
      }
      const { seq } = db.prepare('SELECT COUNT(*) + 1 AS seq FROM orders').get() as { seq: number }
      const orderId = `O${today}${String(seq).padStart(6, '0')}`
      db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        orderNo,
        orderId,
        custId,
        prodId,
        period,
        plan.fee,
        ORDER_STATUS.completed,
        autoRenew,
        createTime,
        subsId,
        effDate,
        expDate,
        chnlId,
      )
      return orderFields(db, findOrder(db, orderNo)!)
    })
  },
}

/** ORDER_QRY: did my order happen? The answer after a timeout. */
export const orderQry: Service = {
  code: 'ORDER_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const orderNo = required(body, 'ORDER_NO', ORDER_NO)
    findCustomer(db, custId)
    const order = findOrder(db, orderNo)
    if (!order || order.cust_id !== custId) throw new BossError('2002', '订单不存在')
    return orderFields(db, order)
  },
}
