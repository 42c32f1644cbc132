import type { ExpiredPackage } from '../../contract/index.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { field, fromBossDate, list, toBossDate } from './bossFormat.ts'

/** How far back an ended package still explains "not authorised" (older ones the viewer has long noticed). */
const RECENT_DAYS = 31

/** SUBS_LIST_QRY, read for the self-help diagnosis: packages that ended recently and were not renewed. */
export function bossDiagnosisAdapter(boss: BossCaller, now: () => Date = () => new Date()) {
  return {
    async recentlyExpired(customerId: string): Promise<ExpiredPackage[]> {
      const subs = list(await boss.call('SUBS_LIST_QRY', { CUST_ID: customerId }), 'SUBS_LIST')
      const live = new Set(
        subs.filter((s) => s.SUBS_STATUS === '1' || s.SUBS_STATUS === '2').map((s) => String(s.PROD_ID)),
      )
      const since = toBossDate(new Date(now().getTime() - RECENT_DAYS * 86_400_000))
      const seen = new Set<string>()
      const out: ExpiredPackage[] = []
      for (const s of subs) {
        const prodId = field(s, 'PROD_ID')
        if (s.SUBS_STATUS !== '3' || s.PROD_TYPE !== 'PKG' || live.has(prodId) || seen.has(prodId)) continue
        if (field(s, 'EXP_DATE') < since) continue
        seen.add(prodId)
        out.push({
          productId: prodId,
          name: field(s, 'PROD_NAME'),
          expiredOn: fromBossDate(field(s, 'EXP_DATE'), 'EXP_DATE'),
        })
      }
      return out
    },
  }
}
export type BossDiagnosisAdapter = ReturnType<typeof bossDiagnosisAdapter>
