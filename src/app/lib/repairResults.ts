/**
 * The ends of the repair flows in the viewer's words, for ResultPanel: a fault report sent (its number
 * large enough to read out to the hotline, when the engineer comes, or that the hall's reference stands
 * in until the BOSS gives a number), a complaint filed (and the earlier one a repeat was linked to), a
 * ticket rated.
 */
import { Router } from '@lightningjs/sdk'
import type { Complaint, Ticket } from '../../contract/index.ts'
import type { ResultContent } from '../components/ResultPanel.ts'
import { t } from './i18n.ts'
import { ticketNumber } from './ticketTimeline.ts'

const done = () => ({ ref: 'DoneButton', label: t('steps.done'), onSelect: () => Router.navigate('home') })

/** The sent ticket; `visit` says when the engineer comes (the chosen slot, worded). */
export function ticketResult(ticket: Ticket, visit: string): ResultContent {
  const number = ticketNumber(ticket)
  const pending = ticket.status === 'pending'
  return {
    tone: pending ? 'pending' : 'success',
    title: t('ticket.createdTitle'),
    highlight: number,
    detail: pending ? t('ticket.pendingNote', { number }) : visit,
    actions: [
      { ref: 'ViewTicketsButton', label: t('ticket.viewTickets'), onSelect: () => Router.navigate('repair/tickets') },
      done(),
    ],
    refs: { title: 'ResultTitle', highlight: 'TicketNumber', detail: 'ResultNote' },
  }
}

/** The filed complaint: its number (saved for later when the BOSS was busy), and the one a repeat joins. */
export function complaintResult(c: Complaint): ResultContent {
  const number = c.complaintId || c.reference || ''
  const pending = c.status === 'pending'
  const lines = [pending ? t('complaint.pending', { number }) : t('complaint.submitted', { number })]
  if (c.repeatOf) lines.push(t('complaint.repeat', { number: c.repeatOf }))
  return {
    tone: pending ? 'pending' : 'success',
    title: t('complaint.filedTitle'),
    detail: lines.join('\n'),
    actions: [done()],
    refs: { title: 'ComplaintResultTitle', detail: 'ComplaintResult' },
  }
}

/** A rated ticket: thanks, the stars given, and Back to the tickets. */
export function ratingResult(stars: number): ResultContent {
  return {
    tone: 'success',
    title: t('tickets.rated'),
    detail: t('tickets.yourRating', { stars }),
    actions: [{ ref: 'BackButton', label: t('common.back'), onSelect: () => Router.back() }],
    refs: { title: 'RatingResultTitle', detail: 'RatingTitle' },
  }
}
