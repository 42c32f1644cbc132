/** Words for the repair report's choices, shared by the form and My tickets. */
import type { AppointmentSlot, TicketCategory, TicketSummary } from '../../contract/index.ts'
import { formatDate } from './format.ts'
import { currentLanguage, t } from './i18n.ts'
import { local } from './repairApi.ts'

export function categoryName(c: TicketCategory): string {
  return t(`repairCategory.${c}`)
}

/**
 * A ticket's one line: its category, then its description in the viewer's language. The BOSS keeps only
 * Chinese, so in English a description that is not one of the hall's presets (words typed at the counter)
 * is left out rather than shown half in Chinese; one that only repeats the category is left out too.
 */
export function ticketSummaryText(x: Pick<TicketSummary, 'category' | 'description' | 'descriptionText'>): string {
  const category = categoryName(x.category)
  const description = x.descriptionText ? local(x.descriptionText) : currentLanguage() === 'en' ? '' : x.description
  return description && description !== category ? category + '  ·  ' + description : category
}

export function slotText(s: AppointmentSlot | null): string {
  return s ? formatDate(s.date, currentLanguage()) + '  ' + local(s.label) : t('ticket.slotNone')
}

export function visitText(a: { date: string; period: 'am' | 'pm' } | null): string {
  return a
    ? t('tickets.appointment', {
        date: formatDate(a.date, currentLanguage()),
        period: t(a.period === 'am' ? 'period.am' : 'period.pm'),
      })
    : ''
}
