/** Words and labels for bills and payments that are not plain translations. */
import type { BillLine, BillStatus, BillSummary, Payment, PaymentChannel } from '../../contract/index.ts'
import type { LanguageCode } from './format.ts'
import type { TKey } from './i18nKeys.ts'
import type { RowContent } from '../components/RecordRow.ts'
import { formatDate, formatDateTime, formatMonth } from './format.ts'
import { currentLanguage, t } from './i18n.ts'
import { Colors, themed } from './theme.ts'

/** Owing is red, partly paid amber, settled green: the same on the chart, the list and the detail. */
export const STATUS_COLOR = themed<BillStatus>({ unpaid: 'danger', partial: 'warning', settled: 'ok' })

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Under a chart bar: `3月` / `Mar`; January carries its year so the chart reads across a year end. */
export function shortMonth(month: string, lang: LanguageCode): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return '--'
  const n = Number(m[2])
  const name = lang === 'en' ? MONTHS_EN[n - 1] : n + '月'
  return n === 1 ? (lang === 'en' ? name + ' ' + m[1].slice(2) : m[1].slice(2) + '年' + name) : name
}

/** Han characters and full-width punctuation: what an English screen must not show in a line's name. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/

/**
 * A bill line's name in the viewer's language: in English the BOSS's English wording, or, where the BOSS
 * has only a Chinese one (an older BOSS, a fee its operator never translated), what kind of charge it is.
 */
export function lineName(l: Pick<BillLine, 'kind' | 'name' | 'nameEn'>, lang = currentLanguage()): string {
  if (lang !== 'en') return l.name
  return CJK.test(l.nameEn) ? t(`billLine.${l.kind}`) : l.nameEn
}

export function billStatusKey(status: BillStatus): TKey {
  return `bill.${status}`
}

export function channelKey(channel: PaymentChannel): TKey {
  return `payments.${channel}`
}

/** A bill as a row of the bills list: month, status and due date, total. */
export function billRow(b: BillSummary): RowContent {
  const lang = currentLanguage()
  return {
    title: formatMonth(b.month, lang),
    detail: t(billStatusKey(b.status)) + '    ' + t('bills.dueOn', { date: formatDate(b.dueDate, lang) }),
    detailColor: STATUS_COLOR[b.status],
    fen: b.totalFen,
  }
}

/** A payment or top-up as a row of the payments list: channel, time, the amount paid in (green, signed). */
export function paymentRow(p: Payment): RowContent {
  return {
    title: t(channelKey(p.channel)),
    detail: formatDateTime(p.paidAt, currentLanguage()),
    fen: p.amountFen,
    signed: true,
    amountColor: Colors.ok,
  }
}
