import type { LocalText, Ticket, TicketSummary } from '../../contract/index.ts'
import { maskPhone } from '../log.ts'
import type { OutboxMessage } from '../store/store.ts'
import type { TicketMessage } from '../outbox/reports.ts'

/** A ticket the hall accepted but the BOSS has not yet taken, shown in the contract's shape. */
export function pendingTicket(m: OutboxMessage, visitOf: (slotId: string) => Ticket['appointment']): Ticket {
  const { order, acceptedAt } = m.payload as TicketMessage
  const visit = order.slotId ? visitOf(order.slotId) : null
  return {
    ticketId: null,
    reference: order.serial,
    category: order.category,
    description: order.description,
    descriptionText: null,
    status: 'pending',
    createdAt: acceptedAt,
    updatedAt: acceptedAt,
    appointment: visit,
    rating: null,
    canCancel: false,
    canRate: false,
    contactPhoneMasked: order.contactPhone ? maskPhone(order.contactPhone) : null,
    timeline: [{ status: 'pending', at: acceptedAt, note: '报修已受理，正在提交，请稍候' }],
  }
}

/** A ticket whose description is one of the hall's presets, given in both languages (the BOSS has only Chinese). */
export function withPresetText<T extends TicketSummary>(t: T, presetText: (zh: string) => LocalText | undefined): T {
  const text = presetText(t.description)
  return text ? { ...t, descriptionText: text } : t
}

export function toSummary(t: Ticket): TicketSummary {
  const { contactPhoneMasked: _phone, timeline: _timeline, ...summary } = t
  return summary
}
