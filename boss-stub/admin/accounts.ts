import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance } from 'fastify'
import type { AccountRow } from '../services/records.ts'

/** The raw account record, so tests can hold what the TV shows against what the BOSS holds. */
export function registerAccountRoutes(app: FastifyInstance, db: DatabaseSync): void {
  app.get('/admin/accounts/:customerId', async (request, reply) => {
    const { customerId } = request.params as { customerId: string }
    const a = db.prepare('SELECT * FROM account WHERE cust_id = ?').get(customerId) as AccountRow | undefined
    if (!a) return reply.code(404).send({ error: 'no such customer' })
    return {
      customerId: a.cust_id,
      accountId: a.acct_id,
      balanceFen: a.balance,
      arrearsFen: a.owe_fee,
      depositFen: a.deposit,
      acctStatus: a.acct_status,
      status: ({ '1': 'normal', '2': 'arrears', '3': 'suspended' } as Record<string, string>)[a.acct_status],
      planStopDate: a.plan_stop_date,
      stopTime: a.stop_time,
      pin: a.pin,
    }
  })
}
