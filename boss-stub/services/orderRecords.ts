import type { DatabaseSync } from 'node:sqlite'

/** Order rows and their wire form, shared by ORDER_CREATE (including its 3002 answer) and ORDER_QRY. */
export type OrderRow = {
  order_no: string
  order_id: string
  cust_id: string
  prod_id: string
  period_months: number
  fee: number
  order_status: string
  auto_renew: string
  create_time: string
  subs_id: string
  eff_date: string
  exp_date: string
  chnl_id: string
}

/** ORDER_STATUS on the wire: 1 in progress, 2 completed, 3 failed, 4 cancelled. The stub completes orders at once. */
export const ORDER_STATUS = { inProgress: '1', completed: '2', failed: '3', cancelled: '4' } as const

export function findOrder(db: DatabaseSync, orderNo: string): OrderRow | undefined {
  return db.prepare('SELECT * FROM orders WHERE order_no = ?').get(orderNo) as OrderRow | undefined
}

export function orderFields(db: DatabaseSync, o: OrderRow): Record<string, string> {
  const p = db.prepare('SELECT prod_name, prod_name_en FROM product WHERE prod_id = ?').get(o.prod_id) as
    { prod_name: string; prod_name_en: string } | undefined
  const a = db.prepare('SELECT balance FROM account WHERE cust_id = ?').get(o.cust_id) as { balance: number }
  return {
    ORDER_NO: o.order_no,
    ORDER_ID: o.order_id,
    CUST_ID: o.cust_id,
    PROD_ID: o.prod_id,
    PROD_NAME: p?.prod_name ?? '',
    PROD_NAME_EN: p?.prod_name_en ?? '',
    PERIOD_MONTHS: String(o.period_months),
    FEE: String(o.fee),
    ORDER_STATUS: o.order_status,
    AUTO_RENEW: o.auto_renew,
    CREATE_TIME: o.create_time,
    SUBS_ID: o.subs_id,
    EFF_DATE: o.eff_date,
    EXP_DATE: o.exp_date,
    BALANCE: String(a.balance),
  }
}
