import type { DatabaseSync } from 'node:sqlite'
import { readFileSync } from 'node:fs'
import { readMeta } from '../db/schema.ts'
import { addDays, diffDays, formatDate, formatTime } from '../protocol/time.ts'
import type { AccountRow, CustomerRow } from './records.ts'
import { effectiveStatus, liveSubscriptions, type SubscriptionRow } from './subscriptions.ts'
import { recentPushes } from './promotions.ts'

/**
 * Where MSG_LIST_QRY's messages come from. Nothing is stored per message: each one is derived from the
 * account, subscriptions, tickets and the notice file at query time, and its MSG_ID names the event
 * (the arrears episode, the subscription and the expiry day it is about...), so the same event keeps
 * its id and a read mark sticks to it, while a new event (a renewal moves EXP_DATE) is a new message.
 */

/** MSG_TYPE on the wire. */
export const MSG_TYPE = {
  arrears: '01',
  suspension: '02',
  expiry: '03',
  ticket: '04',
  notice: '05',
  promotion: '06',
} as const

/** Days before EXP_DATE a fixed-period package is reminded of (the regulator's five days). */
export const EXPIRY_REMINDER_DAYS = 5

export type WireMessage = Record<string, string>

type Notice = {
  noticeId: string
  regions: string[]
  startInDays: number
  startTime: string
  endInDays: number
  endTime: string
  title: string
  content: string
  titleEn: string
  contentEn: string
}
type Promotion = {
  promoId: string
  prodId: string
  periodMonths: number
  title: string
  content: string
  titleEn: string
  contentEn: string
}

export const messageData = JSON.parse(readFileSync(new URL('../data/messages.json', import.meta.url), 'utf8')) as {
  notices: Notice[]
  promotions: Promotion[]
}

const yuan = (fen: number): string => (fen / 100).toFixed(2)

function message(
  fields: Partial<WireMessage> & {
    MSG_ID: string
    MSG_TYPE: string
    PRIORITY: string
    TITLE: string
    CONTENT: string
    CREATE_TIME: string
  },
): WireMessage {
  const empty = {
    PROD_ID: '',
    PROD_NAME: '',
    FEE: '',
    PERIOD_MONTHS: '',
    EXP_DATE: '',
    OWE_FEE: '',
    PLAN_STOP_DATE: '',
    STOP_TIME: '',
    REF_ID: '',
    REF_STATUS: '',
    BEGIN_TIME: '',
    END_TIME: '',
    TITLE_EN: '',
    CONTENT_EN: '',
  }
  return { ...empty, ...fields }
}

/** Arrears (ACCT_STATUS 2) or suspension (3): one message per episode, named by its stop date or time. */
export function accountMessages(acct: AccountRow, today: string): WireMessage[] {
  if (acct.acct_status === '2') {
    return [
      message({
        MSG_ID: `ARR-${acct.cust_id}-${acct.plan_stop_date || today.slice(0, 6)}`,
        MSG_TYPE: MSG_TYPE.arrears,
        PRIORITY: '2',
        TITLE: '欠费提醒',
        CONTENT: `您的账户已欠费 ${yuan(acct.owe_fee)} 元，请在 ${acct.plan_stop_date} 前缴清，以免停机。`,
        OWE_FEE: String(acct.owe_fee),
        PLAN_STOP_DATE: acct.plan_stop_date,
        CREATE_TIME: `${today.slice(0, 6)}01090000`,
      }),
    ]
  }
  if (acct.acct_status === '3') {
    return [
      message({
        MSG_ID: `SUS-${acct.cust_id}-${acct.stop_time}`,
        MSG_TYPE: MSG_TYPE.suspension,
        PRIORITY: '1',
        TITLE: '欠费停机通知',
        CONTENT: `您的账户因欠费 ${yuan(acct.owe_fee)} 元已停机，缴清欠费后自动恢复收看。`,
        OWE_FEE: String(acct.owe_fee),
        STOP_TIME: acct.stop_time,
        CREATE_TIME: acct.stop_time,
      }),
    ]
  }
  return []
}

/**
 * Fixed-period packages whose last day is within the next five days (today included). Auto-renewing
 * monthly packages do not end (the monthly bill renews them) and are not reminded of; a product held
 * twice counts by its latest expiry, so a renewed package is not reminded of.
 */
export function expiryMessages(db: DatabaseSync, custId: string, today: string): WireMessage[] {
  const rows = db
    .prepare(
      `SELECT s.*, p.prod_name, pp.price AS renew_price FROM subscription s
    JOIN product p ON p.prod_id = s.prod_id AND p.prod_type = 'PKG'
    LEFT JOIN product_price pp ON pp.prod_id = s.prod_id AND pp.period_months = s.period_months
    WHERE s.cust_id = ? AND s.subs_status IN ('1', '2')`,
    )
    .all(custId) as Array<SubscriptionRow & { prod_name: string; renew_price: number | null }>
  const live = rows.filter((s) => effectiveStatus(s, today) !== '3')
  const out: WireMessage[] = []
  for (const s of live) {
    if (s.auto_renew !== 'N') continue
    if (live.some((o) => o.prod_id === s.prod_id && o !== s && (o.auto_renew === 'Y' || o.exp_date > s.exp_date)))
      continue
    const days = diffDays(today, s.exp_date)
    if (days < 0 || days > EXPIRY_REMINDER_DAYS) continue
    const fee = s.renew_price ?? s.price
    const remindDay =
      addDays(s.exp_date, -EXPIRY_REMINDER_DAYS) > s.eff_date ? addDays(s.exp_date, -EXPIRY_REMINDER_DAYS) : s.eff_date
    out.push(
      message({
        MSG_ID: `EXP-${s.subs_id}-${s.exp_date}`,
        MSG_TYPE: MSG_TYPE.expiry,
        PRIORITY: days === 0 ? '3' : '4',
        TITLE: `${s.prod_name}即将到期`,
        CONTENT: `您订购的${s.prod_name}将于 ${s.exp_date} 到期，续订 ${s.period_months} 个月需 ${yuan(fee)} 元。`,
        PROD_ID: s.prod_id,
        PROD_NAME: s.prod_name,
        FEE: String(fee),
        PERIOD_MONTHS: String(s.period_months),
        EXP_DATE: s.exp_date,
        REF_ID: s.subs_id,
        CREATE_TIME: `${remindDay}090000`,
      }),
    )
  }
  return out
}

/** One message per ticket and state it reached in the last 30 days: each step of a repair is news. */
export function ticketMessages(db: DatabaseSync, custId: string, today: string): WireMessage[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket'").get()
  if (!exists) return []
  const since = `${addDays(today, -30)}000000`
  const rows = db
    .prepare(
      'SELECT ticket_id, ticket_status, update_time, fault_desc FROM ticket WHERE cust_id = ? AND update_time >= ? ORDER BY update_time DESC',
    )
    .all(custId, since) as Array<{ ticket_id: string; ticket_status: string; update_time: string; fault_desc: string }>
  return rows.map((t) =>
    message({
      MSG_ID: `TKT-${t.ticket_id}-${t.ticket_status}`,
      MSG_TYPE: MSG_TYPE.ticket,
      PRIORITY: '5',
      TITLE: '工单进展',
      CONTENT: `您的报修工单 ${t.ticket_id} 有新进展。`,
      REF_ID: t.ticket_id,
      REF_STATUS: t.ticket_status,
      CREATE_TIME: t.update_time,
    }),
  )
}

/** Operator notices for the household's district (or the whole city) that have started and not yet ended. */
export function noticeMessages(db: DatabaseSync, cust: CustomerRow, now: Date): WireMessage[] {
  const seedDay = readMeta(db, 'seed_today') ?? formatDate(now)
  const nowTime = formatTime(now)
  const stamp = (days: number, hhmmss: string) => `${addDays(seedDay, days)}${hhmmss}`
  const current = (n: Notice) => stamp(n.startInDays, n.startTime) <= nowTime && nowTime < stamp(n.endInDays, n.endTime)
  return messageData.notices
    .filter((n) => (n.regions.includes('all') || n.regions.includes(cust.region_code)) && current(n))
    .map((n) =>
      message({
        MSG_ID: `NTC-${n.noticeId}`,
        MSG_TYPE: MSG_TYPE.notice,
        PRIORITY: '6',
        TITLE: n.title,
        CONTENT: n.content,
        TITLE_EN: n.titleEn,
        CONTENT_EN: n.contentEn,
        BEGIN_TIME: stamp(n.startInDays, n.startTime),
        END_TIME: stamp(n.endInDays, n.endTime),
        CREATE_TIME: stamp(n.startInDays, n.startTime),
      }),
    )
}

/**
 * At most one promotion, and only to a household in good standing: the first package of the promotion
 * list it neither holds nor is barred from by a package it holds. Named per month, so it is news monthly.
 */
export function promotionMessages(db: DatabaseSync, acct: AccountRow, today: string): WireMessage[] {
  if (acct.acct_status !== '1') return []
  const held = db
    .prepare(
      `SELECT s.prod_id, s.exp_date, s.subs_status, s.auto_renew FROM subscription s WHERE s.cust_id = ? AND s.subs_status IN ('1', '2')`,
    )
    .all(acct.cust_id) as Array<Pick<SubscriptionRow, 'prod_id' | 'exp_date' | 'subs_status' | 'auto_renew'>>
  const heldIds = new Set(held.filter((s) => effectiveStatus(s, today) !== '3').map((s) => s.prod_id))
  const barred = (prodId: string) =>
    (
      db.prepare('SELECT excl_prod_id FROM product_exclusion WHERE prod_id = ?').all(prodId) as Array<{
        excl_prod_id: string
      }>
    ).some((e) => heldIds.has(e.excl_prod_id))
  const promo = messageData.promotions.find((p) => !heldIds.has(p.prodId) && !barred(p.prodId))
  if (!promo) return []
  const row = db
    .prepare(
      `SELECT p.prod_name, pp.price FROM product p JOIN product_price pp ON pp.prod_id = p.prod_id AND pp.period_months = ?
    WHERE p.prod_id = ? AND p.orderable = 1`,
    )
    .get(promo.periodMonths, promo.prodId) as { prod_name: string; price: number } | undefined
  if (!row) return []
  return [
    message({
      MSG_ID: `PRM-${promo.promoId}-${today.slice(0, 6)}`,
      MSG_TYPE: MSG_TYPE.promotion,
      PRIORITY: '7',
      TITLE: promo.title,
      CONTENT: promo.content,
      TITLE_EN: promo.titleEn,
      CONTENT_EN: promo.contentEn,
      PROD_ID: promo.prodId,
      PROD_NAME: row.prod_name,
      FEE: String(row.price),
      PERIOD_MONTHS: String(promo.periodMonths),
      CREATE_TIME: `${today.slice(0, 6)}01100000`,
    }),
  ]
}

/**
 * Promotions a campaign pushed to this household (MSG_PUSH) in the last 30 days, while the package is
 * still not held: the package's own promotion wording when there is one, else its name.
 */
export function pushedPromotionMessages(db: DatabaseSync, custId: string, now: Date, today: string): WireMessage[] {
  const held = new Set(liveSubscriptions(db, custId, today).map((s) => s.prod_id))
  const out: WireMessage[] = []
  for (const push of recentPushes(db, custId, now)) {
    if (held.has(push.prod_id)) continue
    const row = db
      .prepare(
        `SELECT p.prod_name, p.prod_name_en, pp.price FROM product p JOIN product_price pp ON pp.prod_id = p.prod_id AND pp.period_months = ?
      WHERE p.prod_id = ?`,
      )
      .get(push.period_months, push.prod_id) as { prod_name: string; prod_name_en: string; price: number } | undefined
    if (!row) continue
    const promo = messageData.promotions.find((p) => p.prodId === push.prod_id && p.periodMonths === push.period_months)
    const nameEn = row.prod_name_en || row.prod_name
    out.push(
      message({
        MSG_ID: `OFR-${push.push_seq}`,
        MSG_TYPE: MSG_TYPE.promotion,
        PRIORITY: '7',
        TITLE: promo?.title ?? `为您推荐：${row.prod_name}`,
        CONTENT:
          promo?.content ??
          `您最近看过${row.prod_name}，${push.period_months} 个月 ${yuan(row.price)} 元，按确定键即可订购。`,
        TITLE_EN: promo?.titleEn ?? `For you: ${nameEn}`,
        CONTENT_EN:
          promo?.contentEn ??
          `You looked at ${nameEn} lately: ${push.period_months} month(s) for ${yuan(row.price)} yuan. Press OK to order.`,
        PROD_ID: push.prod_id,
        PROD_NAME: row.prod_name,
        FEE: String(row.price),
        PERIOD_MONTHS: String(push.period_months),
        CREATE_TIME: push.push_time,
      }),
    )
  }
  return out
}
