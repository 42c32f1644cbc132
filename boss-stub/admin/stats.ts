import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance } from 'fastify'
import { topupStats } from './topups.ts'

/** Counters tests assert on: how often each service was called and answered, and what money moved. */
export type RequestStats = {
  count(svcCode: string, rspCode: string): void
  snapshot(): { requests: Record<string, number>; results: Record<string, Record<string, number>> }
  reset(): void
}

export function createRequestStats(): RequestStats {
  let requests: Record<string, number> = {}
  let results: Record<string, Record<string, number>> = {}
  return {
    count(svc, code) {
      requests[svc] = (requests[svc] ?? 0) + 1
      results[svc] ??= {}
      results[svc][code] = (results[svc][code] ?? 0) + 1
    },
    snapshot: () => ({ requests: { ...requests }, results: structuredClone(results) }),
    reset() {
      requests = {}
      results = {}
    },
  }
}

export function registerStatsRoutes(app: FastifyInstance, db: DatabaseSync, stats: RequestStats): void {
  app.get('/admin/stats', async () => {
    const orders = db.prepare('SELECT order_no, COUNT(*) AS n FROM orders GROUP BY order_no').all() as Array<{
      order_no: string
      n: number
    }>
    const charges = db
      .prepare('SELECT ref_no, COUNT(*) AS n, SUM(fee) AS fee FROM charge GROUP BY ref_no')
      .all() as Array<{ ref_no: string; n: number; fee: number }>
    return {
      ...stats.snapshot(),
      topups: topupStats(db),
      orders: {
        count: orders.reduce((s, o) => s + o.n, 0),
        byOrderNo: Object.fromEntries(orders.map((o) => [o.order_no, o.n])),
      },
      charges: {
        count: charges.reduce((s, c) => s + c.n, 0),
        totalFen: charges.reduce((s, c) => s + c.fee, 0),
        byRef: Object.fromEntries(charges.map((c) => [c.ref_no, { count: c.n, totalFen: c.fee }])),
      },
    }
  })
  app.post('/admin/stats/reset', async () => {
    stats.reset()
    return { ok: true }
  })
}
