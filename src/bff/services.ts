import type { BffConfig } from './config.ts'
import type { BossClient } from './boss/bossClient.ts'
import type { BossCustomerAdapter } from './boss/bossCustomerAdapter.ts'
import type { BossAccountAdapter } from './boss/bossAccountAdapter.ts'
import type { BossBillingAdapter } from './boss/bossBillingAdapter.ts'
import type { BossPaymentAdapter } from './boss/bossPaymentAdapter.ts'
import type { BossTopupAdapter } from './boss/bossTopupAdapter.ts'
import type { Store } from './store/store.ts'

/** What route plugins get as options: the BOSS adapters, the store and the config, nothing global. */
export interface BffServices {
  config: BffConfig
  boss: BossClient
  customers: BossCustomerAdapter
  accounts: BossAccountAdapter
  billing: BossBillingAdapter
  payments: BossPaymentAdapter
  topups: BossTopupAdapter
  store: Store
  now: () => Date
}
