import type { DatabaseSync } from 'node:sqlite'

/**
 * Top-up figures for `/admin/stats`, from the database: what was credited, by the caller's serial,
 * so tests can assert that one top-up credited exactly once.
 */
export function topupStats(db: DatabaseSync) {
  const credits = db.prepare("SELECT ref_no, COUNT(*) AS n, SUM(pay_fee) AS fee FROM payment WHERE ref_no != '' GROUP BY ref_no")
    .all() as Array<{ ref_no: string; n: number; fee: number }>
  const cards = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(fee), 0) AS fee FROM card_recharge').get() as { n: number; fee: number }
  const qr = db.prepare('SELECT pay_status, COUNT(*) AS n FROM qr_pay GROUP BY pay_status').all() as Array<{ pay_status: string; n: number }>
  return {
    count: credits.reduce((s, c) => s + c.n, 0),
    totalFen: credits.reduce((s, c) => s + c.fee, 0),
    bySerial: Object.fromEntries(credits.map((c) => [c.ref_no, { count: c.n, totalFen: c.fee }])),
    cardRecharges: { count: cards.n, totalFen: cards.fee },
    qrPays: Object.fromEntries(qr.map((q) => [q.pay_status, q.n])) as Record<string, number>,
  }
}
