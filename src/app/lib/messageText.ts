/**
 * A message's words in the viewer's language. The BFF sends facts (amounts, dates, product); the
 * sentences are ours, through i18n, so money goes through formatFen and dates through formatDate.
 * Pure apart from `t`, which the caller passes in, so it is unit-tested without Lightning.
 */
import type { Message, MessageAction, MessageListResponse } from '../../contract/index.ts'
import { formatDate, formatDateTime, formatFen, type LanguageCode } from './format.ts'
import type { TKey } from './i18nKeys.ts'

export type Translate = (key: TKey, params?: Record<string, string | number>) => string

export interface MessageText {
  kind: string
  title: string
  body: string
  /** Label of the button that acts on it; empty when there is nothing to do from the TV. */
  actionLabel: string
}

/** Today's date (YYYY-MM-DD) in the hall's time zone, Beijing (UTC+8), which the BOSS dates messages in. */
export const hallToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** The screen each action opens. Renewing is ordering the package again; tickets live under repair. */
export const ACTION_ROUTE: Record<MessageAction, string> = {
  topup: 'topup',
  renew: 'packages',
  tickets: 'repair',
  packages: 'packages',
}

export function messageText(m: Message, lang: LanguageCode, t: Translate, today: string): MessageText {
  const kind = t(`messages.kind.${m.kind}`)
  const actionLabel = m.action ? t(`messages.action.${m.action}`) : ''
  const local = (v: { 'zh-CN': string; en: string }) => v[lang] || v['zh-CN']
  if ((m.kind === 'arrears' || m.kind === 'suspension') && m.arrears) {
    const amount = formatFen(m.arrears.amountFen)
    if (m.kind === 'suspension') {
      return {
        kind,
        actionLabel,
        title: t('messages.suspension.title'),
        body: t('messages.suspension.body', { amount, date: formatDateTime(m.arrears.suspendedSince, lang) }),
      }
    }
    const body = m.arrears.suspendOn
      ? t('messages.arrears.body', { amount, date: formatDate(m.arrears.suspendOn, lang) })
      : t('messages.arrears.bodyNoDate', { amount })
    return { kind, actionLabel, title: t('messages.arrears.title', { amount }), body }
  }
  if (m.kind === 'expiry' && m.product) {
    const p = m.product
    const params = {
      product: p.name,
      date: formatDate(p.expiresOn, lang),
      months: p.periodMonths,
      amount: formatFen(p.amountFen),
    }
    const title = p.expiresOn === today ? t('messages.expiry.titleToday', params) : t('messages.expiry.title', params)
    return { kind, actionLabel, title, body: t('messages.expiry.body', params) }
  }
  if (m.kind === 'ticket' && m.ticket) {
    const status = t(`messages.ticketStatus.${m.ticket.status}`)
    return {
      kind,
      actionLabel,
      title: t('messages.ticket.title', { status }),
      body: t('messages.ticket.body', { id: m.ticket.ticketId, status }),
    }
  }
  const title = m.text ? local(m.text.title) : kind
  let body = m.text ? local(m.text.body) : ''
  if (m.kind === 'promotion' && m.product)
    body +=
      '\n' +
      t('messages.promotion.offer', {
        product: m.product.name,
        months: m.product.periodMonths,
        amount: formatFen(m.product.amountFen),
      })
  if (m.kind === 'notice' && m.window)
    body +=
      '\n' +
      t('messages.notice.window', {
        from: formatDateTime(m.window.from, lang),
        until: formatDateTime(m.window.until, lang),
      })
  return { kind, actionLabel, title, body }
}

/** The boot notice to show now, if any: marked by the BFF, unread, and not shown on this box before. */
export function pendingBootNotice(list: MessageListResponse, shown: string[]): Message | null {
  for (const m of list.items) if (m.bootNotice && !m.read && shown.indexOf(m.id) < 0) return m
  return null
}
