import type { DatabaseSync } from 'node:sqlite'
import { BossError, type RspCode } from '../protocol/codes.ts'
import { addDays, addMonths, formatDate } from '../protocol/time.ts'
import { ACCT_STATUS } from '../rules.ts'
import { PROD_ID } from './catalogue.ts'
import { CUST_ID, required } from './params.ts'
import { findAccount, findCustomer, type AccountRow } from './records.ts'
import type { Service } from './types.ts'
import { monthLimit, monthSpent } from './spendingLimit.ts'
import { liveSubscriptions, type SubscriptionRow } from './subscriptions.ts'

/** One reason the BOSS would refuse an order; ORDER_CHECK lists them all, ORDER_CREATE throws the first. */
export type OrderIssue = { code: RspCode; desc: string; conflictProdId: string }

export type OrderPlan = {
  fee: number
  prodName: string
  prodNameEn: string
  /** The held fixed-period subscription a renewal extends. */
  extend: SubscriptionRow | undefined
  effDate: string
  expDate: string
  limit: number | null
  spent: number
  /** In refusal order: 2003, 3003..., 3005, 3001. */
  issues: OrderIssue[]
}

/**
 * What an order of `prodId` for `period` months would cost and start, and everything that stands in its way.
 * Unknown product (2002) and a period the product does not offer (1002) are thrown: nothing to plan then.
 * The PIN is not checked here (ORDER_CHECK has none); ORDER_CREATE checks it after a suspension.
 */
export function planOrder(
  db: DatabaseSync,
  acct: AccountRow,
  prodId: string,
  period: number,
  today: string,
): OrderPlan {
  const product = db.prepare('SELECT prod_name, prod_name_en, orderable FROM product WHERE prod_id = ?').get(prodId) as
    { prod_name: string; prod_name_en: string; orderable: number } | undefined
  if (!product) throw new BossError('2002', '产品不存在')
  const price = db
    .prepare('SELECT price FROM product_price WHERE prod_id = ? AND period_months = ?')
    .get(prodId, period) as { price: number } | undefined
  if (!price) throw new BossError('1002', `${product.prod_name}不提供 ${period} 个月的订购周期`)

  const issues: OrderIssue[] = []
  const issue = (code: RspCode, desc: string, conflictProdId = '') => issues.push({ code, desc, conflictProdId })
  if (acct.acct_status === ACCT_STATUS.suspended) issue('2003', '账户已欠费停机，请先缴清欠费')
  if (!product.orderable) issue('3003', `${product.prod_name}无需订购`, prodId)

  const live = liveSubscriptions(db, acct.cust_id, today)
  const same = live.find((s) => s.prod_id === prodId)
  if (same && same.auto_renew === 'Y') issue('3003', `已订购${product.prod_name}（自动续订）`, prodId)
  const excluded = db.prepare('SELECT excl_prod_id FROM product_exclusion WHERE prod_id = ?').all(prodId) as Array<{
    excl_prod_id: string
  }>
  for (const clash of live.filter((s) => excluded.some((e) => e.excl_prod_id === s.prod_id))) {
    const other = db.prepare('SELECT prod_name FROM product WHERE prod_id = ?').get(clash.prod_id) as {
      prod_name: string
    }
    issue('3003', `与已订购的${other.prod_name}互斥`, clash.prod_id)
  }
  const limit = monthLimit(db, acct.cust_id)
  const spent = monthSpent(db, acct.cust_id, today)
  if (limit !== null && spent + price.price > limit)
    issue('3005', `超出家庭每月消费限额（限额${limit}分，本月已用${spent}分）`)
  if (acct.balance < price.price) issue('3001', '账户余额不足')

  // A fixed-period renewal starts the day after the current period ends; anything else starts today.
  const extend = same && same.auto_renew === 'N' ? same : undefined
  const effDate = extend ? addDays(extend.exp_date, 1) : today
  const expDate = addDays(addMonths(effDate, period), -1)
  return {
    fee: price.price,
    prodName: product.prod_name,
    prodNameEn: product.prod_name_en,
    extend,
    effDate,
    expDate,
    limit,
    spent,
    issues,
  }
}

/** The BODY extras that go with an issue when ORDER_CREATE refuses with it. */
export function issueBody(plan: OrderPlan, acct: AccountRow, issue: OrderIssue): Record<string, string> {
  if (issue.code === '3003') return { CONFLICT_PROD_ID: issue.conflictProdId }
  if (issue.code === '3001') return { BALANCE: String(acct.balance), FEE: String(plan.fee) }
  if (issue.code === '3005')
    return { MONTH_LIMIT: String(plan.limit ?? ''), MONTH_SPENT: String(plan.spent), FEE: String(plan.fee) }
  return {}
}

/**
 * ORDER_CHECK (订购试算): what ORDER_CREATE would charge and start, and every reason it would refuse,
 * without a PIN and without moving anything. The refusals come as CHECK_LIST, not as RSP_CODE.
 */
export const orderCheck: Service = {
  code: 'ORDER_CHECK',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const prodId = required(body, 'PROD_ID', PROD_ID)
    const period = Number(required(body, 'PERIOD_MONTHS', /^\d{1,2}$/))
    findCustomer(db, custId)
    const acct = findAccount(db, custId)
    const plan = planOrder(db, acct, prodId, period, formatDate(now))
    return {
      CUST_ID: custId,
      PROD_ID: prodId,
      PROD_NAME: plan.prodName,
      PROD_NAME_EN: plan.prodNameEn,
      PERIOD_MONTHS: String(period),
      FEE: String(plan.fee),
      EFF_DATE: plan.effDate,
      EXP_DATE: plan.expDate,
      RENEW_SUBS_ID: plan.extend?.subs_id ?? '',
      BALANCE: String(acct.balance),
      BALANCE_AFTER: String(acct.balance - plan.fee),
      LIMIT_MONTH: formatDate(now).slice(0, 6),
      MONTH_LIMIT: plan.limit === null ? '' : String(plan.limit),
      MONTH_SPENT: String(plan.spent),
      CHECK_LIST: plan.issues.map((i) => ({
        CHECK_CODE: i.code,
        CHECK_DESC: i.desc,
        CONFLICT_PROD_ID: i.conflictProdId,
      })),
    }
  },
}
