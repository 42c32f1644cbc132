import type { DatabaseSync } from 'node:sqlite'
import { formatDate } from '../protocol/time.ts'
import { CUST_ID, optional, required } from './params.ts'
import { findCustomer } from './records.ts'
import type { Service } from './types.ts'

export type SubscriptionRow = {
  subs_id: string
  cust_id: string
  prod_id: string
  eff_date: string
  exp_date: string
  subs_status: string
  auto_renew: string
  period_months: number
  price: number
  order_no: string
}

/**
 * A fixed-period subscription past its expiry day has ended, whatever the stored status says:
 * the stub has no nightly batch to flip it.
 */
export function effectiveStatus(
  s: Pick<SubscriptionRow, 'subs_status' | 'exp_date' | 'auto_renew'>,
  today: string,
): string {
  if (s.subs_status !== '3' && s.auto_renew === 'N' && s.exp_date < today) return '3'
  return s.subs_status
}

/** Subscriptions that still count for conflicts and renewals (active or suspended, not ended). */
export function liveSubscriptions(db: DatabaseSync, custId: string, today: string): SubscriptionRow[] {
  const rows = db
    .prepare("SELECT * FROM subscription WHERE cust_id = ? AND subs_status IN ('1', '2')")
    .all(custId) as SubscriptionRow[]
  return rows.filter((s) => effectiveStatus(s, today) !== '3')
}

/** SUBS_LIST_QRY: what the household has, had, and until when. Live ones first, soonest expiry first. */
export const subsListQry: Service = {
  code: 'SUBS_LIST_QRY',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const wanted = optional(body, 'SUBS_STATUS', /^[123]$/, '')
    findCustomer(db, custId)
    const today = formatDate(now)
    const rows = db
      .prepare(
        `SELECT s.*, p.prod_name, p.prod_name_en, p.prod_type FROM subscription s JOIN product p USING (prod_id)
      WHERE s.cust_id = ? ORDER BY s.exp_date, s.subs_id`,
      )
      .all(custId) as Array<SubscriptionRow & { prod_name: string; prod_name_en: string; prod_type: string }>
    const list = rows
      .map((s) => ({ s, status: effectiveStatus(s, today) }))
      .filter(({ status }) => wanted === '' || status === wanted)
      .sort(
        (a, b) =>
          (a.status === '3' ? 1 : 0) - (b.status === '3' ? 1 : 0) ||
          (a.status === '3' ? b.s.exp_date.localeCompare(a.s.exp_date) : 0),
      )
    return {
      SUBS_LIST: list.map(({ s, status }) => ({
        SUBS_ID: s.subs_id,
        PROD_ID: s.prod_id,
        PROD_NAME: s.prod_name,
        PROD_NAME_EN: s.prod_name_en,
        PROD_TYPE: s.prod_type,
        SUBS_STATUS: status,
        EFF_DATE: s.eff_date,
        EXP_DATE: s.exp_date,
        AUTO_RENEW: s.auto_renew,
        PERIOD_MONTHS: String(s.period_months),
        PRICE: String(s.price),
      })),
    }
  },
}
