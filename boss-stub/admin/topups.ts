import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance } from 'fastify'

/**
 * Top-up figures for `/admin/stats`, from the database: what was credited, by the caller's serial,
 * so tests can assert that one top-up credited exactly once.
 */
export function topupStats(db: DatabaseSync) {
  const credits = db
    .prepare("SELECT ref_no, COUNT(*) AS n, SUM(pay_fee) AS fee FROM payment WHERE ref_no != '' GROUP BY ref_no")
    .all() as Array<{ ref_no: string; n: number; fee: number }>
  const cards = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(fee), 0) AS fee FROM card_recharge').get() as {
    n: number
    fee: number
  }
  const qr = db.prepare('SELECT pay_status, COUNT(*) AS n FROM qr_pay GROUP BY pay_status').all() as Array<{
    pay_status: string
    n: number
  }>
  return {
    count: credits.reduce((s, c) => s + c.n, 0),
    totalFen: credits.reduce((s, c) => s + c.fee, 0),
    bySerial: Object.fromEntries(credits.map((c) => [c.ref_no, { count: c.n, totalFen: c.fee }])),
    cardRecharges: { count: cards.n, totalFen: cards.fee },
    qrPays: Object.fromEntries(qr.map((q) => [q.pay_status, q.n])) as Record<string, number>,
  }
}

/**
 * `GET /admin/prepaid-cards?status=unused&region=320100&limit=20`: cards with their passwords, so operators
 * and tests have cards to redeem beyond the fixed demo ones (like the PINs in /admin/subscribers).
 */
export function registerPrepaidCardRoutes(app: FastifyInstance, db: DatabaseSync): void {
  app.get('/admin/prepaid-cards', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>
    const limit = Number(q.limit ?? 20)
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return reply.code(400).send({ error: 'limit: 1..500' })
    const rows = db
      .prepare(
        `SELECT card_no, password, face_value, region_code, exp_date, card_status, used_by, scenario FROM prepaid_card
      WHERE (? IS NULL OR card_status = ?) AND (? IS NULL OR region_code = ?) AND (? IS NULL OR scenario = ?) ORDER BY card_no LIMIT ?`,
      )
      .all(
        q.status ?? null,
        q.status ?? null,
        q.region ?? null,
        q.region ?? null,
        q.scenario ?? null,
        q.scenario ?? null,
        limit,
      ) as Array<Record<string, string | number>>
    return rows.map((r) => ({
      cardNo: r.card_no,
      password: r.password,
      faceValueFen: r.face_value,
      regionCode: r.region_code,
      expDate: r.exp_date,
      status: r.card_status,
      usedBy: r.used_by,
      scenario: r.scenario,
    }))
  })
}
