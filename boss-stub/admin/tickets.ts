import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance } from 'fastify'

/**
 * What tests count to prove delivery happened exactly once: tickets and complaints opened through the
 * gateway, and how often a SERIAL came again (a caller repeating itself; the stub answered the same record).
 */
export function registerTicketAdminRoutes(app: FastifyInstance, db: DatabaseSync): void {
  app.get('/admin/tickets', async (request) => {
    const q = request.query as Record<string, string | undefined>
    const cust = q.customerId ?? null
    const t = db
      .prepare(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT x.serial) AS serials, COALESCE(SUM(x.repeat_hits), 0) AS repeats
      FROM ticket_extra x JOIN ticket t USING (ticket_id) WHERE ?1 IS NULL OR t.cust_id = ?1`,
      )
      .get(cust) as Record<string, number>
    const c = db
      .prepare(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT serial) AS serials, COALESCE(SUM(repeat_hits), 0) AS repeats
      FROM complaint WHERE ?1 IS NULL OR cust_id = ?1`,
      )
      .get(cust) as Record<string, number>
    return {
      tickets: { count: t.n, serials: t.serials, repeatedSerials: t.repeats },
      complaints: { count: c.n, serials: c.serials, repeatedSerials: c.repeats },
    }
  })
}
