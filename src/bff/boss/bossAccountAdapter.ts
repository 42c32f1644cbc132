import type { Account, AccountStatus } from '../../contract/index.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossProtocolError } from './bossErrors.ts'
import { field, fromBossDate, fromBossFen, fromBossTimestamp, optional } from './bossFormat.ts'
import { toIsoBeijing } from '../time.ts'

/** The account figures the BOSS owns; the route adds who the viewer is from the token. */
export type AccountFigures = Omit<Account, 'customerId' | 'customerName' | 'cardNoMasked' | 'regionName'> & {
  accountId: string
}

const ACCT_STATUS: Record<string, AccountStatus> = { '1': 'normal', '2': 'arrears', '3': 'suspended' }

export function bossAccountAdapter(boss: BossCaller, now: () => Date = () => new Date()) {
  return {
    /** ACCT_BAL_QRY */
    async balance(customerId: string): Promise<AccountFigures> {
      const b = await boss.call('ACCT_BAL_QRY', { CUST_ID: customerId })
      const rawStatus = field(b, 'ACCT_STATUS')
      const status = ACCT_STATUS[rawStatus]
      if (!status) throw new BossProtocolError(`ACCT_STATUS "${rawStatus}" is not 1, 2 or 3`)
      const deductDate = optional(b.NEXT_DEDUCT_DATE as string | undefined, (v) => fromBossDate(v, 'NEXT_DEDUCT_DATE'))
      const qryTime = optional(b.QRY_TIME as string | undefined, (v) => fromBossTimestamp(v, 'QRY_TIME'))
      return {
        accountId: field(b, 'ACCT_ID'),
        status,
        balanceFen: fromBossFen(field(b, 'BALANCE'), 'BALANCE'),
        arrearsFen: fromBossFen(field(b, 'OWE_FEE'), 'OWE_FEE'),
        depositFen: optional(b.DEPOSIT as string | undefined, (v) => fromBossFen(v, 'DEPOSIT')) ?? 0,
        lowBalance: b.LOW_BAL_FLAG === 'Y',
        suspendOn: optional(b.PLAN_STOP_DATE as string | undefined, (v) => fromBossDate(v, 'PLAN_STOP_DATE')),
        suspendedSince: optional(b.STOP_TIME as string | undefined, (v) => fromBossTimestamp(v, 'STOP_TIME')),
        nextDeduction: deductDate
          ? {
              date: deductDate,
              amountFen:
                optional(b.NEXT_DEDUCT_FEE as string | undefined, (v) => fromBossFen(v, 'NEXT_DEDUCT_FEE')) ?? 0,
            }
          : null,
        asOf: qryTime ?? toIsoBeijing(now()),
      }
    },
  }
}
export type BossAccountAdapter = ReturnType<typeof bossAccountAdapter>
