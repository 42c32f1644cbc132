import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { optional, required } from './params.ts'
import type { Service } from './types.ts'

type ProductRow = {
  prod_id: string
  prod_name: string
  prod_type: string
  category: string
  description: string
  orderable: number
  prod_name_en: string
  category_en: string
  description_en: string
}

export const PROD_ID = /^[A-Z0-9_]{1,32}$/

function productFields(db: DatabaseSync, p: ProductRow): Record<string, string> {
  const prices = db
    .prepare('SELECT period_months, price FROM product_price WHERE prod_id = ? ORDER BY period_months')
    .all(p.prod_id) as Array<{ period_months: number; price: number }>
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM product_channel WHERE prod_id = ?').get(p.prod_id) as {
    n: number
  }
  const excl = db
    .prepare('SELECT excl_prod_id FROM product_exclusion WHERE prod_id = ? ORDER BY excl_prod_id')
    .all(p.prod_id) as Array<{ excl_prod_id: string }>
  return {
    PROD_ID: p.prod_id,
    PROD_NAME: p.prod_name,
    PROD_TYPE: p.prod_type,
    CATEGORY: p.category,
    PROD_DESC: p.description,
    PROD_NAME_EN: p.prod_name_en,
    CATEGORY_EN: p.category_en,
    PROD_DESC_EN: p.description_en,
    ORDERABLE: p.orderable ? 'Y' : 'N',
    MONTH_PRICE: String(prices.find((x) => x.period_months === 1)?.price ?? ''),
    PERIODS: prices.map((x) => x.period_months).join(','),
    CHANNEL_COUNT: String(n),
    EXCL_PROD_IDS: excl.map((e) => e.excl_prod_id).join(','),
  }
}

/** PROD_LIST_QRY: the catalogue, optionally one category. */
export const prodListQry: Service = {
  code: 'PROD_LIST_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const category = optional(body, 'CATEGORY', /^.{1,20}$/u, '')
    const rows = db
      .prepare(`SELECT * FROM product WHERE (? = '' OR category = ?) ORDER BY sort_no`)
      .all(category, category) as ProductRow[]
    return { PROD_LIST: rows.map((p) => productFields(db, p)) }
  },
}

/** PROD_DETAIL_QRY: one product with its price per period and its channels. */
export const prodDetailQry: Service = {
  code: 'PROD_DETAIL_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const prodId = required(body, 'PROD_ID', PROD_ID)
    const p = db.prepare('SELECT * FROM product WHERE prod_id = ?').get(prodId) as ProductRow | undefined
    if (!p) throw new BossError('2002', '产品不存在')
    const prices = db
      .prepare('SELECT period_months, price FROM product_price WHERE prod_id = ? ORDER BY period_months')
      .all(prodId) as Array<{ period_months: number; price: number }>
    const channels = db
      .prepare(
        'SELECT channel_no, channel_name, channel_name_en, hd FROM product_channel WHERE prod_id = ? ORDER BY seq',
      )
      .all(prodId) as Array<{ channel_no: string; channel_name: string; channel_name_en: string; hd: number }>
    return {
      ...productFields(db, p),
      PRICE_LIST: prices.map((x) => ({ PERIOD_MONTHS: String(x.period_months), PRICE: String(x.price) })),
      CHANNEL_LIST: channels.map((c) => ({
        CHANNEL_NO: c.channel_no,
        CHANNEL_NAME: c.channel_name,
        CHANNEL_NAME_EN: c.channel_name_en,
        HD_FLAG: c.hd ? 'Y' : 'N',
      })),
    }
  },
}
