import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { addDays, addMonths, formatDate, formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { ACCT_STATUS } from '../rules.ts'
import { PROD_ID } from './catalogue.ts'
import { findOrder, orderFields, ORDER_STATUS } from './order-records.ts'
import { CUST_ID, optional, required } from './params.ts'
import { findAccount, findCustomer, type AccountRow } from './records.ts'
import { liveSubscriptions, type SubscriptionRow } from './subscriptions.ts'
import type { Service } from './types.ts'

export const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/

type Plan = { fee: number; prodName: string; extend: SubscriptionRow | undefined }

/**
 * Every rule that can refuse an order, checked before any money moves.
 * Order of checks: suspended (2003), PIN (3004), product (2002/1002/3003), conflicts (3003), balance (3001).
 */
function checkOrder(db: DatabaseSync, acct: AccountRow, prodId: string, period: number, pin: string, today: string): Plan {
  if (acct.acct_status === ACCT_STATUS.suspended) throw new BossError('2003', '账户已欠费停机，请先缴清欠费')
  if (pin !== acct.pin) throw new BossError('3004')
  const product = db.prepare('SELECT prod_name, orderable FROM product WHERE prod_id = ?').get(prodId) as { prod_name: string; orderable: number } | undefined
  if (!product) throw new BossError('2002', '产品不存在')
  if (!product.orderable) throw new BossError('3003', `${product.prod_name}无需订购`)
  const price = db.prepare('SELECT price FROM product_price WHERE prod_id = ? AND period_months = ?').get(prodId, period) as { price: number } | undefined
  if (!price) throw new BossError('1002', `${product.prod_name}不提供 ${period} 个月的订购周期`)

  const live = liveSubscriptions(db, acct.cust_id, today)
  const same = live.find((s) => s.prod_id === prodId)
  if (same && same.auto_renew === 'Y') {
    throw new BossError('3003', `已订购${product.prod_name}（自动续订）`, { CONFLICT_PROD_ID: prodId })
  }
  const excluded = db.prepare('SELECT excl_prod_id FROM product_exclusion WHERE prod_id = ?').all(prodId) as Array<{ excl_prod_id: string }>
  const clash = live.find((s) => excluded.some((e) => e.excl_prod_id === s.prod_id))
  if (clash) {
    const other = db.prepare('SELECT prod_name FROM product WHERE prod_id = ?').get(clash.prod_id) as { prod_name: string }
    throw new BossError('3003', `与已订购的${other.prod_name}互斥`, { CONFLICT_PROD_ID: clash.prod_id })
  }
  if (acct.balance < price.price) {
    throw new BossError('3001', undefined, { BALANCE: String(acct.balance), FEE: String(price.price) })
  }
  return { fee: price.price, prodName: product.prod_name, extend: same }
}

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
      const plan = checkOrder(db, acct, prodId, period, pin, today)
      const debit = db.prepare('UPDATE account SET balance = balance - ? WHERE acct_id = ? AND balance >= ?').run(plan.fee, acct.acct_id, plan.fee)
      if (Number(debit.changes) !== 1) throw new BossError('3001')
      db.prepare('INSERT INTO charge (acct_id, cust_id, fee, reason, ref_no, charge_time) VALUES (?, ?, ?, ?, ?, ?)')
        .run(acct.acct_id, custId, plan.fee, 'ORDER', orderNo, createTime)

      let subsId: string
      let effDate: string
      let expDate: string
      if (plan.extend) {
        // Renewal: the new period starts the day after the current one ends.
        subsId = plan.extend.subs_id
        effDate = addDays(plan.extend.exp_date, 1)
        expDate = addDays(addMonths(effDate, period), -1)
        db.prepare('UPDATE subscription SET exp_date = ?, auto_renew = ?, order_no = ? WHERE subs_id = ?').run(expDate, autoRenew, orderNo, subsId)
      } else {
        const { n } = db.prepare('SELECT COUNT(*) AS n FROM subscription WHERE cust_id = ?').get(custId) as { n: number }
        subsId = `S${custId.slice(1)}${String(n + 1).padStart(2, '0')}`
        effDate = today
        expDate = addDays(addMonths(today, period), -1)
        db.prepare('INSERT INTO subscription VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(subsId, custId, prodId, effDate, expDate, '1', autoRenew, period, plan.fee, orderNo)
      }
      const { seq } = db.prepare('SELECT COUNT(*) + 1 AS seq FROM orders').get() as { seq: number }
      const orderId = `O${today}${String(seq).padStart(6, '0')}`
      db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        orderNo, orderId, custId, prodId, period, plan.fee, ORDER_STATUS.completed, autoRenew, createTime, subsId, effDate, expDate, chnlId,
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
