import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { recurringItems, sumFees } from '../rules.ts'

/** Row shapes and the lookups most services start with. */
export type CustomerRow = {
  cust_id: string
  cust_name: string
  phone: string
  address: string
  region_code: string
  stb_id: string
  card_no: string
  open_date: string
  elder: number
  scenario: string
  demo_rank: number | null
}
export type AccountRow = {
  acct_id: string
  cust_id: string
  balance: number
  owe_fee: number
  deposit: number
  acct_status: string
  plan_stop_date: string
  stop_time: string
  pin: string
}

export function findCustomer(db: DatabaseSync, custId: string): CustomerRow {
  const row = db.prepare('SELECT * FROM customer WHERE cust_id = ?').get(custId) as CustomerRow | undefined
  if (!row) throw new BossError('2001', '客户不存在')
  return row
}

export function findAccount(db: DatabaseSync, custId: string): AccountRow {
  const row = db.prepare('SELECT * FROM account WHERE cust_id = ?').get(custId) as AccountRow | undefined
  if (!row) throw new BossError('2001', '客户不存在')
  return row
}

export function regionName(db: DatabaseSync, regionCode: string): string {
  const row = db.prepare('SELECT region_name FROM region WHERE region_code = ?').get(regionCode) as
    { region_name: string } | undefined
  return row?.region_name ?? ''
}

/**
 * What next month's bill run will deduct: maintenance plus the auto-renewing packages the household
 * holds (a suspended household's too, as they resume on payment), less the discounts they earn.
 */
export function nextMonthlyFee(db: DatabaseSync, custId: string, elder: boolean): number {
  const rows = db
    .prepare(
      `
    SELECT DISTINCT p.prod_id, p.prod_name, p.prod_name_en, pp.price FROM subscription s
    JOIN product p ON p.prod_id = s.prod_id AND p.prod_type = 'PKG'
    JOIN product_price pp ON pp.prod_id = p.prod_id AND pp.period_months = 1
    WHERE s.cust_id = ? AND s.auto_renew = 'Y' AND s.period_months = 1 AND s.subs_status IN ('1', '2')`,
    )
    .all(custId) as Array<{ prod_id: string; prod_name: string; prod_name_en: string; price: number }>
  return sumFees(
    recurringItems(
      rows.map((r) => ({ prodId: r.prod_id, name: r.prod_name, nameEn: r.prod_name_en, monthlyPrice: r.price })),
      elder,
    ),
  )
}
