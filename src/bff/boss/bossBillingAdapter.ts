import type { BillDetail, BillLine, BillLineKind, BillStatus, BillSummary } from '../../contract/index.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import {
  bossMonthShift,
  english,
  field,
  fromBossDate,
  fromBossFen,
  fromBossMonth,
  list,
  toBossMonth,
} from './bossFormat.ts'

const BILL_STATUS: Record<string, BillStatus> = { '0': 'unpaid', '1': 'partial', '2': 'settled' }

const ITEM_KIND: Record<string, BillLineKind> = {
  '01': 'maintenance',
  '02': 'package',
  '03': 'ppv',
  '04': 'adjustment',
  '05': 'discount',
  '99': 'other',
}

function summary(r: Record<string, unknown>): BillSummary {
  const rawStatus = field(r, 'BILL_STATUS')
  const status = BILL_STATUS[rawStatus]
  if (!status) throw new BossProtocolError(`BILL_STATUS "${rawStatus}" is not 0, 1 or 2`)
  return {
    billId: field(r, 'BILL_ID'),
    month: fromBossMonth(field(r, 'BILL_MONTH'), 'BILL_MONTH'),
    // Adjustments can make a month's total negative (a credit), so allow it.
    totalFen: fromBossFen(field(r, 'TOTAL_FEE'), 'TOTAL_FEE', { allowNegative: true }),
    paidFen: fromBossFen(field(r, 'PAID_FEE'), 'PAID_FEE'),
    status,
    dueDate: fromBossDate(field(r, 'DUE_DATE'), 'DUE_DATE'),
  }
}

function line(r: Record<string, unknown>): BillLine {
  // A type code we do not know yet is still money on the bill: show it as "other" rather than fail.
  const kind = ITEM_KIND[field(r, 'ITEM_TYPE')] ?? 'other'
  const code = typeof r.ITEM_CODE === 'string' && r.ITEM_CODE !== '' ? r.ITEM_CODE : kind
  return {
    kind,
    itemKey: code,
    name: field(r, 'ITEM_NAME'),
    nameEn: english(r, 'ITEM_NAME', field(r, 'ITEM_NAME')),
    amountFen: fromBossFen(field(r, 'FEE'), 'FEE', { allowNegative: true }),
  }
}

/** Newest month first, then bill id, so cursors over the list are stable. */
export const billOrder = (a: BillSummary, b: BillSummary) =>
  a.month === b.month ? (a.billId < b.billId ? 1 : a.billId > b.billId ? -1 : 0) : a.month < b.month ? 1 : -1

export function bossBillingAdapter(boss: BossCaller, now: () => Date = () => new Date()) {
  return {
    /**
     * BILL_LIST_QRY: the bills of the newest `months` billing months. A BOSS usually bills a month
     * after it ends, so the window reaches one month further back than the current month minus
     * `months`, and is then trimmed: the viewer gets 12 bills whether or not this month's exists yet.
     */
    async listBills(customerId: string, months = 12): Promise<BillSummary[]> {
      const today = now()
      const b = await boss.call('BILL_LIST_QRY', {
        CUST_ID: customerId,
        BEGIN_MONTH: bossMonthShift(today, -months),
        END_MONTH: toBossMonth(today),
      })
      const bills = list(b, 'BILL_LIST').map(summary).sort(billOrder)
      const keep = new Set([...new Set(bills.map((x) => x.month))].slice(0, months))
      return bills.filter((x) => keep.has(x.month))
    },

    /** BILL_DETAIL_QRY; null when the bill is not this customer's (or does not exist: we do not say which). */
    async billDetail(customerId: string, billId: string): Promise<BillDetail | null> {
      let b
      try {
        b = await boss.call('BILL_DETAIL_QRY', { CUST_ID: customerId, BILL_ID: billId })
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return null
        throw err
      }
      const head = summary(b)
      if (head.billId !== billId) throw new BossProtocolError('BILL_DETAIL_QRY answered for another bill')
      return {
        ...head,
        periodStart: fromBossDate(field(b, 'CYCLE_BEGIN'), 'CYCLE_BEGIN'),
        periodEnd: fromBossDate(field(b, 'CYCLE_END'), 'CYCLE_END'),
        lines: list(b, 'ITEM_LIST').map(line),
      }
    },
  }
}
export type BossBillingAdapter = ReturnType<typeof bossBillingAdapter>
