/**
 * A ticket's progress as the TV draws it: the fixed path acknowledged → dispatched → on site → resolved
 * → closed, each step done (with time and note), current, or still ahead. The BOSS's events fill it in;
 * a cancelled ticket ends at its cancel step, a pending one has not reached the BOSS yet.
 */
import type { Ticket, TicketEvent, TicketStatus } from '../../contract/index.ts'
import type { LanguageCode } from './format.ts'
import type { Translate } from './messageText.ts'

export const PATH: TicketStatus[] = ['acknowledged', 'dispatched', 'on-site', 'resolved', 'closed']

export interface TimelineStep {
  status: TicketStatus
  state: 'done' | 'current' | 'ahead'
  at: string | null
  note: string
}

export function timelineSteps(t: Pick<Ticket, 'status' | 'timeline' | 'createdAt'>): TimelineStep[] {
  const last = new Map<TicketStatus, TicketEvent>()
  for (const e of t.timeline) last.set(e.status, e)
  if (t.status === 'pending') {
    return [{ status: 'pending', state: 'current', at: t.createdAt, note: '' }, ...PATH.map((s) => ahead(s))]
  }
  if (t.status === 'cancelled') {
    const reached = PATH.filter((s) => last.has(s))
    const cancel = last.get('cancelled')
    return [
      ...reached.map((s) => done(s, last.get(s)!)),
      { status: 'cancelled', state: 'current', at: cancel ? cancel.at : null, note: cancel ? cancel.note : '' },
    ]
  }
  const at = PATH.indexOf(t.status)
  return PATH.map((s, i) => {
    const e = last.get(s)
    if (i < at) return e ? done(s, e) : { status: s, state: 'done', at: null, note: '' }
    if (i === at)
      return { status: s, state: s === 'closed' ? 'done' : 'current', at: e ? e.at : null, note: e ? e.note : '' }
    return ahead(s)
  })
}

function done(status: TicketStatus, e: TicketEvent): TimelineStep {
  return { status, state: 'done', at: e.at, note: e.note }
}

function ahead(status: TicketStatus): TimelineStep {
  return { status, state: 'ahead', at: null, note: '' }
}

/** The number a viewer quotes on the phone: the BOSS's ticket number, else the hall's reference. */
export function ticketNumber(t: { ticketId: string | null; reference: string | null }): string {
  return t.ticketId || t.reference || ''
}

/**
 * The BOSS's notes are its staff's Chinese free text, with no English an operator could supply: in English
 * the hall says what the step means instead; in Chinese it shows the BOSS's note, or that meaning when none came.
 */
export function stepNote(s: TimelineStep, lang: LanguageCode, t: Translate): string {
  if (s.state === 'ahead') return ''
  const meaning = t(`tickets.stepNote.${s.status}`)
  return lang === 'en' || !s.note ? meaning : s.note
}
