import { BossError } from '../protocol/codes.ts'
import { formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { CUST_ID, optionalInt, required } from './params.ts'
import { findCustomer } from './records.ts'
import { findQrPay, newPayNo, PAY_NO, qrPayFields, QR_STATUS } from './qrPayRecords.ts'
import { SERIAL } from './topupsCard.ts'
import type { Service, ServiceContext } from './types.ts'

/** The largest single QR payment the stub accepts, in fen (5,000 yuan). */
export const QR_MAX_AMOUNT = 500_000
export const QR_DEFAULT_EXPIRE_S = 300

const publicUrlOf = (ctx: ServiceContext): string => ctx.publicUrl ?? ''

/**
 * QR_PAY_CREATE: a payment waiting for a phone. Nothing is credited yet; the pay page's Pay credits it.
 * A repeated SERIAL answers 3002 with the existing payment and creates nothing.
 */
export const qrPayCreate: Service = {
  code: 'QR_PAY_CREATE',
  // It creates state the caller must learn about after a timeout, so commitThenTimeout hits it too.
  moneyMoving: true,
  handle(body, ctx) {
    const { db, now, chnlId } = ctx
    const custId = required(body, 'CUST_ID', CUST_ID)
    const serial = required(body, 'SERIAL', SERIAL)
    const amount = Number(required(body, 'AMOUNT', /^\d{1,9}$/))
    if (amount < 1 || amount > QR_MAX_AMOUNT) throw new BossError('1002', `AMOUNT 超出范围 1-${QR_MAX_AMOUNT}`)
    const expireS = optionalInt(body, 'EXPIRE_SECONDS', 1, 3600, QR_DEFAULT_EXPIRE_S)
    findCustomer(db, custId)
    return inTransaction(db, () => {
      const existing = findQrPay(db, { serial })
      if (existing) {
        throw new BossError(
          '3002',
          '流水号已使用',
          existing.cust_id === custId ? qrPayFields(db, existing, now, publicUrlOf(ctx)) : {},
        )
      }
      const payNo = newPayNo(now)
      db.prepare('INSERT INTO qr_pay VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        payNo,
        serial,
        custId,
        amount,
        QR_STATUS.waiting,
        formatTime(now),
        formatTime(new Date(now.getTime() + expireS * 1000)),
        '',
        '',
        chnlId,
      )
      return qrPayFields(db, findQrPay(db, { payNo })!, now, publicUrlOf(ctx))
    })
  },
}

/** QR_PAY_QRY: by SERIAL (the caller's) or PAY_NO; 2002 when it is not this customer's. */
export const qrPayQry: Service = {
  code: 'QR_PAY_QRY',
  moneyMoving: false,
  handle(body, ctx) {
    const { db, now } = ctx
    const custId = required(body, 'CUST_ID', CUST_ID)
    const serial = body.SERIAL ? required(body, 'SERIAL', SERIAL) : undefined
    const payNo = serial === undefined ? required(body, 'PAY_NO', PAY_NO) : undefined
    findCustomer(db, custId)
    const row = findQrPay(db, serial !== undefined ? { serial } : { payNo })
    if (!row || row.cust_id !== custId) throw new BossError('2002', '支付记录不存在')
    return qrPayFields(db, row, now, publicUrlOf(ctx))
  },
}
