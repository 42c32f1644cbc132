/** Words for the repair report's choices, shared by the form and My tickets. */
import type { AppointmentSlot, TicketCategory } from '../../contract/index.ts'
import { formatDate } from './format.ts'
import { currentLanguage, t } from './i18n.ts'
import type { TKey } from './i18nKeys.ts'
import { local } from './repairApi.ts'

export function categoryName(c: TicketCategory): string {
  return t(('repairCategory.' + c) as TKey)
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
