import type { FastifyInstance } from 'fastify'
import { bossTicketAdapter, type BossTicketAdapter } from '../boss/bossTicketAdapter.ts'
import { bossComplaintAdapter, type BossComplaintAdapter } from '../boss/bossComplaintAdapter.ts'
import { bossDiagnosisAdapter, type BossDiagnosisAdapter } from '../boss/bossDiagnosisAdapter.ts'
import { loadKnowledge, type Knowledge } from '../data/knowledge.ts'
import type { BffServices } from '../services.ts'
import selfhelpRoutes from '../routes/selfhelp.ts'
import ticketRoutes from '../routes/tickets.ts'
import complaintRoutes from '../routes/complaints.ts'
import phonePageRoutes from '../phone/complaintPage.ts'
import { OutboxDeliverer } from './deliverer.ts'
import { reportHandlers } from './reports.ts'

/** What the self-help, ticket and complaint routes get: the BFF's services plus their own adapters and the deliverer. */
export interface ReportServices extends BffServices {
  knowledge: Knowledge
  tickets: BossTicketAdapter
  complaints: BossComplaintAdapter
  diagnosis: BossDiagnosisAdapter
  deliverer: OutboxDeliverer
}

/**
 * Self-help, repair tickets and complaints, with the background deliverer that forwards accepted
 * reports to the BOSS. The deliverer stops before the server closes (preClose), while the BOSS
 * client and the store are still open; what it did not deliver stays in the outbox for the next start.
 */
export default async function reportsPlugin(app: FastifyInstance, s: BffServices) {
  const tickets = bossTicketAdapter(s.boss)
  const complaints = bossComplaintAdapter(s.boss)
  const deliverer = new OutboxDeliverer({
    store: s.store,
    handlers: reportHandlers({ tickets, complaints, logger: app.log }),
    logger: app.log.child({ component: 'outbox' }),
    maxDelaySeconds: s.config.outboxMaxDelaySeconds,
  })
  const r: ReportServices = {
    ...s,
    knowledge: loadKnowledge(),
    tickets,
    complaints,
    diagnosis: bossDiagnosisAdapter(s.boss, s.now),
    deliverer,
  }
  app.addHook('onReady', async () => deliverer.start())
  app.addHook('preClose', async () => deliverer.stop())

  await app.register(selfhelpRoutes, r)
  await app.register(ticketRoutes, r)
  await app.register(complaintRoutes, r)
  await app.register(phonePageRoutes, r)
}
