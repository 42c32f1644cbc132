import type { FastifyBaseLogger } from 'fastify'
import type { BffConfig } from './config.ts'
import type { BossClient } from './boss/bossClient.ts'
import { bossCustomerAdapter, type BossCustomerAdapter } from './boss/bossCustomerAdapter.ts'
import { bossAccountAdapter, type BossAccountAdapter } from './boss/bossAccountAdapter.ts'
import { bossBillingAdapter, type BossBillingAdapter } from './boss/bossBillingAdapter.ts'
import { bossPaymentAdapter, type BossPaymentAdapter } from './boss/bossPaymentAdapter.ts'
import { bossTopupAdapter, type BossTopupAdapter } from './boss/bossTopupAdapter.ts'
import { bossCatalogueAdapter, type BossCatalogueAdapter } from './boss/bossCatalogueAdapter.ts'
import { bossOrderAdapter, type BossOrderAdapter } from './boss/bossOrderAdapter.ts'
import { bossSubscriptionAdapter, type BossSubscriptionAdapter } from './boss/bossSubscriptionAdapter.ts'
import { bossMessageAdapter, type BossMessageAdapter } from './boss/bossMessageAdapter.ts'
import { bossTicketAdapter, type BossTicketAdapter } from './boss/bossTicketAdapter.ts'
import { bossComplaintAdapter, type BossComplaintAdapter } from './boss/bossComplaintAdapter.ts'
import { bossDiagnosisAdapter, type BossDiagnosisAdapter } from './boss/bossDiagnosisAdapter.ts'
import { loadKnowledge, type Knowledge } from './data/knowledge.ts'
import { OutboxDeliverer } from './outbox/deliverer.ts'
import { reportHandlers } from './outbox/reports.ts'
import type { Store } from './store/store.ts'

/**
 * Everything a route plugin may use, built once by the composition root (app.ts) and handed to every
 * route plugin as its options: the BOSS adapters, the store, the outbox deliverer, the config. Nothing global.
 */
export interface BffServices {
  config: BffConfig
  boss: BossClient
  store: Store
  now: () => Date
  customers: BossCustomerAdapter
  accounts: BossAccountAdapter
  billing: BossBillingAdapter
  payments: BossPaymentAdapter
  topups: BossTopupAdapter
  /** The one catalogue cache of the BFF: the product list and the order quote read the same copy. */
  catalogue: BossCatalogueAdapter
  orders: BossOrderAdapter
  subscriptions: BossSubscriptionAdapter
  messages: BossMessageAdapter
  tickets: BossTicketAdapter
  complaints: BossComplaintAdapter
  diagnosis: BossDiagnosisAdapter
  knowledge: Knowledge
  /** Forwards accepted tickets and complaints to the BOSS; started and stopped by app.ts. */
  deliverer: OutboxDeliverer
}

export function createServices(
  config: BffConfig,
  deps: { boss: BossClient; store: Store; now: () => Date; logger: FastifyBaseLogger },
): BffServices {
  const { boss, store, now, logger } = deps
  const tickets = bossTicketAdapter(boss)
  const complaints = bossComplaintAdapter(boss)
  return {
    config,
    boss,
    store,
    now,
    customers: bossCustomerAdapter(boss),
    accounts: bossAccountAdapter(boss, now),
    billing: bossBillingAdapter(boss, now),
    payments: bossPaymentAdapter(boss, now),
    topups: bossTopupAdapter(boss, now),
    catalogue: bossCatalogueAdapter(boss, { ttlMs: config.bossCacheSeconds * 1000 }),
    orders: bossOrderAdapter(boss),
    subscriptions: bossSubscriptionAdapter(boss),
    messages: bossMessageAdapter(boss),
    tickets,
    complaints,
    diagnosis: bossDiagnosisAdapter(boss, now),
    knowledge: loadKnowledge(),
    deliverer: new OutboxDeliverer({
      store,
      handlers: reportHandlers({ tickets, complaints, logger }),
      logger: logger.child({ component: 'outbox' }),
      maxDelaySeconds: config.outboxMaxDelaySeconds,
    }),
  }
}
