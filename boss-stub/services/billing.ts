import { BossError } from '../protocol/codes.ts'
import { CUST_ID, required, requiredMonth } from './params.ts'
import { findCustomer } from './records.ts'
import type { Service } from './types.ts'

type BillRow = {
  bill_id: string
  bill_month: string
  total_fee: number
  paid_fee: number
  bill_status: string
  due_date: string
  cycle_begin: string
  cycle_end: string
}

const summary = (b: BillRow): Record<string, string> => ({
  BILL_ID: b.bill_id,
  BILL_MONTH: b.bill_month,
  TOTAL_FEE: String(b.total_fee),
  PAID_FEE: String(b.paid_fee),
  BILL_STATUS: b.bill_status,
  DUE_DATE: b.due_date,
})

/** BILL_LIST_QRY: monthly bills between two months, newest first. */
export const billListQry: Service = {
  code: 'BILL_LIST_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const begin = requiredMonth(body, 'BEGIN_MONTH')
    const end = requiredMonth(body, 'END_MONTH')
    if (begin > end) throw new BossError('1002', 'BEGIN_MONTH 晚于 END_MONTH')
    findCustomer(db, custId)
    const rows = db
      .prepare(
        `SELECT * FROM bill WHERE cust_id = ? AND bill_month BETWEEN ? AND ?
      ORDER BY bill_month DESC, bill_id DESC`,
      )
      .all(custId, begin, end) as BillRow[]
    return { BILL_LIST: rows.map(summary) }
  },
}

/** BILL_DETAIL_QRY: one bill and its items; someone else's bill is simply "not found". */
export const billDetailQry: Service = {
  code: 'BILL_DETAIL_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const billId = required(body, 'BILL_ID', /^[A-Za-z0-9_-]{1,40}$/)
    findCustomer(db, custId)
    const bill = db.prepare('SELECT * FROM bill WHERE bill_id = ? AND cust_id = ?').get(billId, custId) as
      BillRow | undefined
    if (!bill) throw new BossError('2002', '账单不存在')
    const items = db
      .prepare(
        'SELECT item_type, item_code, item_name, item_name_en, fee FROM bill_item WHERE bill_id = ? ORDER BY seq',
      )
      .all(billId) as Array<{
      item_type: string
      item_code: string
      item_name: string
      item_name_en: string
      fee: number
    }>
    return {
      ...summary(bill),
      CYCLE_BEGIN: bill.cycle_begin,
      CYCLE_END: bill.cycle_end,
      ITEM_LIST: items.map((i) => ({
        ITEM_TYPE: i.item_type,
        ITEM_CODE: i.item_code,
        ITEM_NAME: i.item_name,
        // The English wording the operator prints on English bills; empty where it has none (an older BOSS).
        ITEM_NAME_EN: i.item_name_en,
        FEE: String(i.fee),
      })),
    }
  },
}
