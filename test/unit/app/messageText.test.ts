import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Message, MessageListResponse } from '../../../src/contract/index.ts'
import type { TKey } from '../../../src/app/lib/i18nKeys.ts'
import { messageText, pendingBootNotice, type Translate } from '../../../src/app/lib/messageText.ts'

const translations = JSON.parse(
  readFileSync(new URL('../../../static/translations.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, string>>
const tFor =
  (lang: 'zh-CN' | 'en'): Translate =>
  (key: TKey, params?: Record<string, string | number>) => {
    const s = translations[lang][key]
    if (s === undefined) throw new Error('missing key ' + key)
    return s.replace(/\{(\w+)\}/g, (_, k: string) => (params && k in params ? String(params[k]) : `{${k}}`))
  }

const base = { createdAt: '2026-11-20T09:00:00+08:00', read: false, readAt: null, bootNotice: false }
const messages: Message[] = [
  {
    ...base,
    id: 'a',
    kind: 'arrears',
    priority: 2,
    action: 'topup',
    arrears: { amountFen: 1234, suspendOn: '2026-12-01', suspendedSince: null },
  },
  {
    ...base,
    id: 's',
    kind: 'suspension',
    priority: 1,
    action: 'topup',
    arrears: { amountFen: 50, suspendOn: null, suspendedSince: '2026-10-01T03:06:33+08:00' },
  },
  {
    ...base,
    id: 'e',
    kind: 'expiry',
    priority: 4,
    action: 'renew',
    product: { productId: 'P_SPORTS', name: '体育包', amountFen: 5600, periodMonths: 3, expiresOn: '2026-11-25' },
  },
  { ...base, id: 't', kind: 'ticket', priority: 5, action: 'tickets', ticket: { ticketId: 'T1', status: 'on-site' } },
  {
    ...base,
    id: 'n',
    kind: 'notice',
    priority: 6,
    action: null,
    text: { title: { 'zh-CN': '维护', en: 'Maintenance' }, body: { 'zh-CN': '周六', en: 'Saturday' } },
    window: { from: '2026-11-21T00:00:00+08:00', until: '2026-11-28T06:00:00+08:00' },
  },
]

describe('messageText', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`words every kind in ${lang}, with no placeholder left and money as formatFen shows it`, () => {
      for (const m of messages) {
        const text = messageText(m, lang, tFor(lang), '2026-11-22')
        for (const s of [text.title, text.body, text.kind]) expect(s, m.id).not.toMatch(/\{\w+\}|undefined|NaN/)
        expect(text.actionLabel === '', m.id).toBe(m.action === null)
      }
      expect(messageText(messages[0], lang, tFor(lang), '2026-11-22').body).toContain('¥12.34')
      const expiry = messageText(messages[2], lang, tFor(lang), '2026-11-22')
      expect(expiry.body).toContain('¥56.00')
      expect(expiry.body).toContain('3')
      expect(messageText(messages[4], lang, tFor(lang), '2026-11-22').title).toBe(
        lang === 'en' ? 'Maintenance' : '维护',
      )
    })
  }

  it('says "today" for a package ending today', () => {
    const today = messageText(messages[2], 'en', tFor('en'), '2026-11-25').title
    expect(today).toBe('体育包 ends today')
    expect(messageText(messages[2], 'en', tFor('en'), '2026-11-22').title).toBe('体育包 ends soon')
  })
})

describe('pendingBootNotice', () => {
  const list = (items: Message[]): MessageListResponse => ({ items, unreadCount: items.filter((m) => !m.read).length })
  it('offers the marked notice once: not when this box showed it already, not when read', () => {
    const marked = { ...messages[0], bootNotice: true }
    expect(pendingBootNotice(list([marked, messages[2]]), [])?.id).toBe('a')
    expect(pendingBootNotice(list([marked]), ['a'])).toBeNull()
    expect(pendingBootNotice(list([{ ...marked, read: true }]), [])).toBeNull()
    expect(pendingBootNotice(list(messages), [])).toBeNull()
  })
})
