import { BossError } from '../protocol/codes.ts'
import { CUST_ID, optionalInt, required, requiredDay } from './params.ts'
import { findCustomer } from './records.ts'
import type { Service } from './types.ts'

/** PAY_HIS_QRY: money paid in (counter, TV, prepaid card, QR, bank), newest first, a page at a time. */
export const payHisQry: Service = {
  code: 'PAY_HIS_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const begin = requiredDay(body, 'BEGIN_DATE')
    const end = requiredDay(body, 'END_DATE')
    if (begin > end) throw new BossError('1002', 'BEGIN_DATE 晚于 END_DATE')
    const pageNo = optionalInt(body, 'PAGE_NO', 1, 100_000, 1)
    const pageSize = optionalInt(body, 'PAGE_SIZE', 1, 50, 20)
    findCustomer(db, custId)
    const range = [custId, `${begin}000000`, `${end}235959`] as const
    const { n } = db
      .prepare('SELECT COUNT(*) AS n FROM payment WHERE cust_id = ? AND pay_time BETWEEN ? AND ?')
      .get(...range) as { n: number }
    const rows = db
      .prepare(
        `SELECT pay_id, pay_channel, pay_fee, pay_time FROM payment
      WHERE cust_id = ? AND pay_time BETWEEN ? AND ? ORDER BY pay_time DESC, pay_id DESC LIMIT ? OFFSET ?`,
      )
      .all(...range, pageSize, (pageNo - 1) * pageSize) as Array<{
      pay_id: string
      pay_channel: string
      pay_fee: number
      pay_time: string
    }>
    return {
      TOTAL_COUNT: String(n),
      PAY_LIST: rows.map((p) => ({
        PAY_ID: p.pay_id,
        PAY_CHANNEL: p.pay_channel,
        PAY_FEE: String(p.pay_fee),
        PAY_TIME: p.pay_time,
      })),
    }
  },
}
