import type { DatabaseSync } from 'node:sqlite'
import type { FastifyInstance } from 'fastify'

/** Who to log in as, for the emulator and tests: demo households first, with their PINs. */
const STATUS_NAME: Record<string, string> = { '1': 'normal', '2': 'arrears', '3': 'suspended' }

type Row = {
  stb_id: string
  card_no: string
  cust_id: string
  cust_name: string
  scenario: string
  demo_rank: number | null
  acct_status: string
  balance: number
  owe_fee: number
  pin: string
  region_code: string
  device_key: string | null
}

export function registerSubscriberRoutes(app: FastifyInstance, db: DatabaseSync, opts: { deviceKeys: boolean }): void {
  app.get('/admin/subscribers', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>
    const limit = q.limit === undefined ? 50 : Number(q.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
      return reply.code(400).send({ error: 'limit: integer 1..5000' })
    const rows = db
      .prepare(
        `
      SELECT c.stb_id, c.card_no, c.cust_id, c.cust_name, c.scenario, c.demo_rank, c.region_code,
             a.acct_status, a.balance, a.owe_fee, a.pin, d.device_key
      FROM customer c JOIN account a ON a.cust_id = c.cust_id LEFT JOIN device d ON d.stb_id = c.stb_id
      ORDER BY c.demo_rank IS NULL, c.demo_rank, c.cust_id LIMIT ?`,
      )
      .all(limit) as Row[]
    return rows.map((r) => ({
      deviceId: r.stb_id,
      cardNo: r.card_no,
      customerId: r.cust_id,
      name: r.cust_name,
      scenario: r.scenario,
      demo: r.demo_rank !== null,
      status: STATUS_NAME[r.acct_status] ?? r.acct_status,
      balanceFen: r.balance,
      arrearsFen: r.owe_fee,
      pin: r.pin,
      regionCode: r.region_code,
      // Development-only provisioning path: production keeps device keys in the BOSS.
      ...(opts.deviceKeys ? { deviceKey: r.device_key ?? undefined } : {}),
    }))
  })
}
