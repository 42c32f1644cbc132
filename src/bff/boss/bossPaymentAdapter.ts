import type { Payment, PaymentChannel } from '../../contract/index.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossProtocolError } from './bossErrors.ts'
import { field, fromBossFen, fromBossTimestamp, list, toBossDate } from './bossFormat.ts'

const PAY_CHANNEL: Record<string, PaymentChannel> = {
  '01': 'counter',
  '02': 'tv',
  '03': 'card',
  '04': 'qr',
  '05': 'bank',
}

/** PAY_HIS_QRY caps a page at 50. */
export const MAX_PAY_PAGE = 50

function payment(r: Record<string, unknown>): Payment {
  const raw = field(r, 'PAY_CHANNEL')
  const channel = PAY_CHANNEL[raw]
  if (!channel) throw new BossProtocolError(`PAY_CHANNEL "${raw}" is unknown`)
  return {
    paymentId: field(r, 'PAY_ID'),
    channel,
    amountFen: fromBossFen(field(r, 'PAY_FEE'), 'PAY_FEE'),
    paidAt: fromBossTimestamp(field(r, 'PAY_TIME'), 'PAY_TIME'),
  }
}

export function bossPaymentAdapter(boss: BossCaller, now: () => Date = () => new Date()) {
  return {
    /** The largest page the BOSS gives; the route's cursor never asks for more. */
    maxPageSize: MAX_PAY_PAGE,
    /** PAY_HIS_QRY: one page of the last year's payments, newest first. */
    async listPayments(
      customerId: string,
      page: { pageNo: number; pageSize: number },
    ): Promise<{ total: number; items: Payment[] }> {
      const today = now()
      const yearAgo = new Date(today.getTime() - 365 * 24 * 3600 * 1000)
      const b = await boss.call('PAY_HIS_QRY', {
        CUST_ID: customerId,
        BEGIN_DATE: toBossDate(yearAgo),
        END_DATE: toBossDate(today),
        PAGE_NO: String(page.pageNo),
        PAGE_SIZE: String(Math.min(page.pageSize, MAX_PAY_PAGE)),
      })
      return {
        total: fromBossFen(field(b, 'TOTAL_COUNT'), 'TOTAL_COUNT'),
        items: list(b, 'PAY_LIST').map(payment),
      }
    },
  }
}
export type BossPaymentAdapter = ReturnType<typeof bossPaymentAdapter>
