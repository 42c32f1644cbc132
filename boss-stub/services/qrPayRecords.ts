import { randomBytes } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import { formatTime, parseTime } from '../protocol/time.ts'
import { findAccount } from './records.ts'

/** QR payment rows and their wire form, shared by QR_PAY_CREATE, QR_PAY_QRY and the pay page. */
export type QrPayRow = {
  pay_no: string
  serial: string
  cust_id: string
  amount: number
  pay_status: string
  create_time: string
  expire_time: string
  finish_time: string
  pay_id: string
  chnl_id: string
}

/** PAY_STATUS on the wire: 0 waiting for the phone, 1 paid, 2 cancelled, 3 expired unpaid. */
export const QR_STATUS = { waiting: '0', paid: '1', cancelled: '2', expired: '3' } as const

/** The stub's merchant name, shown on the pay page. */
export const MERCHANT = '南京有线电视 · 电视营业厅'

/** PAY_NO goes into a URL anyone with the phone sees: random, so other payments cannot be guessed from it. */
export const newPayNo = (now: Date): string => `QP${formatTime(now)}${randomBytes(5).toString('hex').toUpperCase()}`

export const PAY_NO = /^QP\d{14}[0-9A-F]{10}$/

export function findQrPay(db: DatabaseSync, by: { payNo?: string; serial?: string }): QrPayRow | undefined {
  if (by.payNo !== undefined)
    return db.prepare('SELECT * FROM qr_pay WHERE pay_no = ?').get(by.payNo) as QrPayRow | undefined
  return db.prepare('SELECT * FROM qr_pay WHERE serial = ?').get(by.serial ?? '') as QrPayRow | undefined
}

/** There is no batch to expire codes: a waiting code past its time is expired whenever it is looked at. */
export function effectiveQrStatus(row: QrPayRow, now: Date): string {
  if (row.pay_status !== QR_STATUS.waiting) return row.pay_status
  const expires = parseTime(row.expire_time)
  return expires && expires.getTime() <= now.getTime() ? QR_STATUS.expired : row.pay_status
}

/** Writes the expiry down the first time it is noticed, so the finish time does not move afterwards. */
export function settleExpiry(db: DatabaseSync, row: QrPayRow, now: Date): QrPayRow {
  if (row.pay_status === QR_STATUS.waiting && effectiveQrStatus(row, now) === QR_STATUS.expired) {
    db.prepare('UPDATE qr_pay SET pay_status = ?, finish_time = ? WHERE pay_no = ? AND pay_status = ?').run(
      QR_STATUS.expired,
      row.expire_time,
      row.pay_no,
      QR_STATUS.waiting,
    )
    return findQrPay(db, { payNo: row.pay_no })!
  }
  return row
}

export const qrUrl = (publicUrl: string, payNo: string): string => `${publicUrl.replace(/\/+$/, '')}/pay/${payNo}`

export function qrPayFields(db: DatabaseSync, r: QrPayRow, now: Date, publicUrl: string): Record<string, string> {
  const a = findAccount(db, r.cust_id)
  return {
    PAY_NO: r.pay_no,
    SERIAL: r.serial,
    CUST_ID: r.cust_id,
    AMOUNT: String(r.amount),
    PAY_STATUS: effectiveQrStatus(r, now),
    QR_URL: qrUrl(publicUrl, r.pay_no),
    CREATE_TIME: r.create_time,
    EXPIRE_TIME: r.expire_time,
    FINISH_TIME: r.finish_time,
    PAY_ID: r.pay_id,
    BALANCE: String(a.balance),
    OWE_FEE: String(a.owe_fee),
    ACCT_STATUS: a.acct_status,
  }
}
