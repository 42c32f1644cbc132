import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossProtocolError } from './bossErrors.ts'
import { field } from './bossFormat.ts'

/** What the BOSS did with one targeted promotion (MSG_PUSH's PUSH_STATUS). */
export type PushOutcome = 'sent' | 'optedOut' | 'notEligible' | 'held' | 'alreadyOffered' | 'capped'

const OUTCOME: Record<string, PushOutcome> = {
  SENT: 'sent',
  OPTED_OUT: 'optedOut',
  NOT_ELIGIBLE: 'notEligible',
  HELD: 'held',
  ALREADY_OFFERED: 'alreadyOffered',
  CAPPED: 'capped',
}

/** The BOSS's marketing side: the household's consent to offers, and pushing one offer into its messages. */
export function bossOfferAdapter(boss: BossCaller) {
  const consent = (b: Record<string, unknown>): boolean => field(b, 'OFFER_FLAG') === 'Y'
  return {
    /** MKT_PREF_QRY: whether the household takes targeted offers. */
    async takesOffers(customerId: string): Promise<boolean> {
      return consent(await boss.call('MKT_PREF_QRY', { CUST_ID: customerId }))
    },

    /** MKT_PREF_SET: the viewer's choice; answers what the BOSS now holds. */
    async setTakesOffers(customerId: string, on: boolean): Promise<boolean> {
      return consent(await boss.call('MKT_PREF_SET', { CUST_ID: customerId, OFFER_FLAG: on ? 'Y' : 'N' }))
    },

    /** MSG_PUSH: one package's offer to one household; a push repeated under its pushId answers alreadyOffered. */
    async push(customerId: string, productId: string, pushId: string, capIn30Days: number): Promise<PushOutcome> {
      const b = await boss.call('MSG_PUSH', {
        CUST_ID: customerId,
        PROD_ID: productId,
        PUSH_ID: pushId,
        MAX_IN_30D: String(capIn30Days),
      })
      const status = field(b, 'PUSH_STATUS')
      const outcome = OUTCOME[status]
      if (!outcome)
        throw new BossProtocolError(`PUSH_STATUS "${status}" is not one of ${Object.keys(OUTCOME).join(', ')}`)
      // A push repeated (same PUSH_ID) was delivered before, not now.
      return outcome === 'sent' && b.DUPLICATE === 'Y' ? 'alreadyOffered' : outcome
    },
  }
}
export type BossOfferAdapter = ReturnType<typeof bossOfferAdapter>
