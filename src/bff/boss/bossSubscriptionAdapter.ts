import type { SpendingLimit } from '../../contract/index.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { english, field, fromBossDate, fromBossFen, fromBossMonth, list } from './bossFormat.ts'
import { WrongPinError } from '../domain/errors.ts'
import type { Holding } from '../domain/types.ts'

const SUBS_STATUS: Record<string, Holding['state']> = { '1': 'active', '2': 'suspended', '3': 'ended' }

export function spendingLimitFrom(b: Record<string, unknown>): SpendingLimit {
  const raw = field(b, 'MONTH_LIMIT')
  const limitFen = raw === '' ? null : fromBossFen(raw, 'MONTH_LIMIT')
  const spentFen = fromBossFen(field(b, 'MONTH_SPENT'), 'MONTH_SPENT')
  return {
    month: fromBossMonth(field(b, 'LIMIT_MONTH'), 'LIMIT_MONTH'),
    limitFen,
    spentFen,
    remainingFen: limitFen === null ? null : Math.max(0, limitFen - spentFen),
  }
}

/** SUBS_LIST_QRY, SUBS_RENEW_MOD, LIMIT_QRY, LIMIT_SET. */
export function bossSubscriptionAdapter(boss: BossCaller) {
  return {
    async list(customerId: string): Promise<Holding[]> {
      const answer = await boss.call('SUBS_LIST_QRY', { CUST_ID: customerId })
      return list(answer, 'SUBS_LIST').map((s) => {
        const state = SUBS_STATUS[field(s, 'SUBS_STATUS')]
        if (!state) throw new BossProtocolError(`SUBS_STATUS "${field(s, 'SUBS_STATUS')}" is not 1, 2 or 3`)
        return {
          subscriptionId: field(s, 'SUBS_ID'),
          productId: field(s, 'PROD_ID'),
          productName: field(s, 'PROD_NAME'),
          productNameEn: english(s, 'PROD_NAME', field(s, 'PROD_NAME')),
          kind: field(s, 'PROD_TYPE') === 'MAINT' ? 'maintenance' : 'package',
          state,
          startDate: fromBossDate(field(s, 'EFF_DATE'), 'EFF_DATE'),
          expiryDate: fromBossDate(field(s, 'EXP_DATE'), 'EXP_DATE'),
          autoRenew: field(s, 'AUTO_RENEW') === 'Y',
          periodMonths: Number(field(s, 'PERIOD_MONTHS')) || 1,
          priceFen: fromBossFen(field(s, 'PRICE'), 'PRICE'),
        }
      })
    },

    /** Switch auto-renewal off. Resolves false when the BOSS refuses (ended, maintenance fee); 2002 propagates (404). */
    async stopAutoRenew(customerId: string, subscriptionId: string): Promise<boolean> {
      try {
        await boss.call('SUBS_RENEW_MOD', { CUST_ID: customerId, SUBS_ID: subscriptionId, AUTO_RENEW: 'N' })
        return true
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.productConflict) return false
        throw err
      }
    },

    async spendingLimit(customerId: string): Promise<SpendingLimit> {
      return spendingLimitFrom(await boss.call('LIMIT_QRY', { CUST_ID: customerId }))
    },

    /** LIMIT_SET behind the PIN; throws WrongPinError on 3004. */
    async setSpendingLimit(customerId: string, limitFen: number | null, pin: string): Promise<SpendingLimit> {
      try {
        return spendingLimitFrom(
          await boss.call('LIMIT_SET', {
            CUST_ID: customerId,
            PIN: pin,
            MONTH_LIMIT: limitFen === null ? '' : String(limitFen),
          }),
        )
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.wrongPin) throw new WrongPinError()
        throw err
      }
    },
  }
}
export type BossSubscriptionAdapter = ReturnType<typeof bossSubscriptionAdapter>
