/** A repair ticket as a row of the viewer's ticket list: category, number, status and date; open ones in amber. */
import type { TicketSummary } from '../../contract/index.ts'
import type { RowContent } from '../components/RecordRow.ts'
import { formatDate } from './format.ts'
import { currentLanguage, t } from './i18n.ts'
import { ticketNumber } from './ticketTimeline.ts'
import { categoryName } from './ticketFormText.ts'
import { Colors } from './theme.ts'

function statusName(status: TicketSummary['status']): string {
  return t(`messages.ticketStatus.${status}`)
}

export function ticketRow(x: TicketSummary): RowContent {
  const open = x.status !== 'closed' && x.status !== 'cancelled' && x.status !== 'resolved'
  return {
    title: categoryName(x.category),
    detail: ticketNumber(x) + '  ·  ' + statusName(x.status) + '  ·  ' + formatDate(x.createdAt, currentLanguage()),
    detailColor: open ? Colors.warning : Colors.textMuted,
    fen: null,
  }
}

/** The same tickets in the same order (then the rows are updated in place and keep the focus). */
export function sameTickets(a: TicketSummary[], b: TicketSummary[]): boolean {
  return a.length === b.length && a.every((x, i) => x.reference === b[i].reference && x.ticketId === b[i].ticketId)
}
