import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../db/transaction.ts'
import { formatTime } from '../protocol/time.ts'
import {
  effectiveQrStatus,
  findQrPay,
  PAY_NO,
  QR_STATUS,
  settleExpiry,
  type QrPayRow,
} from '../services/qrPayRecords.ts'
import { creditAccount, PAY_CHANNEL } from '../services/topupCredit.ts'
import { notFoundPage, payPage } from './page.ts'

/**
 * `GET /pay/:payNo` (the QR code's address), `POST /pay/:payNo/confirm` (Pay) and `/cancel`.
 * Actions answer 303 back to the page (post/redirect/get), so reloading the result never posts twice;
 * Pay credits the account at most once, in one transaction with the status change.
 */
export function registerPayPage(app: FastifyInstance, db: DatabaseSync): void {
  app.register(async (scope) => {
    // HTML forms post urlencoded; the actions need nothing from the body.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    )

    const html = (reply: FastifyReply, code: number, text: string) =>
      reply.code(code).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(text)

    const load = (payNo: string): QrPayRow | undefined => (PAY_NO.test(payNo) ? findQrPay(db, { payNo }) : undefined)

    scope.get('/pay/:payNo', async (request, reply) => {
      const now = new Date()
      const row = load((request.params as { payNo: string }).payNo)
      if (!row) return html(reply, 404, notFoundPage())
      return html(reply, 200, payPage(row, effectiveQrStatus(row, now)))
    })

    scope.post('/pay/:payNo/:action', async (request, reply) => {
      const { payNo, action } = request.params as { payNo: string; action: string }
      if (action !== 'confirm' && action !== 'cancel') return html(reply, 404, notFoundPage())
      const now = new Date()
      const found = inTransaction(db, () => {
        const row = load(payNo)
        if (!row) return false
        const current = settleExpiry(db, row, now)
        if (current.pay_status !== QR_STATUS.waiting) return true
        if (action === 'cancel') {
          db.prepare('UPDATE qr_pay SET pay_status = ?, finish_time = ? WHERE pay_no = ? AND pay_status = ?').run(
            QR_STATUS.cancelled,
            formatTime(now),
            payNo,
            QR_STATUS.waiting,
          )
          return true
        }
        const credit = creditAccount(db, {
          custId: row.cust_id,
          amount: row.amount,
          channel: PAY_CHANNEL.qr,
          refNo: row.serial,
          now,
        })
        db.prepare(
          'UPDATE qr_pay SET pay_status = ?, finish_time = ?, pay_id = ? WHERE pay_no = ? AND pay_status = ?',
        ).run(QR_STATUS.paid, credit.payTime, credit.payId, payNo, QR_STATUS.waiting)
        return true
      })
      if (!found) return html(reply, 404, notFoundPage())
      // Relative to /pay/:payNo/:action, so it also works behind a proxy that adds a path prefix.
      return reply.code(303).header('location', `../${payNo}`).send()
    })
  })
}
