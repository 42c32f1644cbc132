import type { FastifyBaseLogger as BaseLogger } from 'fastify'
import type { BossTicketAdapter } from '../boss/bossTicketAdapter.ts'
import type { BossComplaintAdapter } from '../boss/bossComplaintAdapter.ts'
import type { ComplaintOrder, TicketOrder } from '../domain/types.ts'
import { BossAnswerError, BossRefusedError, BossTimeoutError, BossUnavailableError } from '../domain/errors.ts'
import type { OutboxMessage } from '../store/store.ts'
import type { DeliveryHandler, DeliveryOutcome } from './deliverer.ts'

/** Outbox topics of the reports a viewer makes on the TV. */
export const Topic = { ticket: 'ticket', complaint: 'complaint' } as const

/** What the outbox keeps of an accepted ticket: the order for the BOSS, and when the viewer made it. */
export interface TicketMessage {
  order: TicketOrder
  acceptedAt: string
  /** Shown while pending; the BOSS stores the same text. */
  presetId: string
}

export interface ComplaintMessage {
  order: ComplaintOrder
  acceptedAt: string
}

function failure(err: unknown): DeliveryOutcome {
  if (err instanceof BossUnavailableError) return { kind: 'retry', reason: err.message, stopBatch: true }
  // Slow, not down: the next message may well get through.
  if (err instanceof BossTimeoutError) return { kind: 'retry', reason: err.message, stopBatch: false }
  if (err instanceof BossAnswerError) return { kind: 'park', reason: err.message }
  throw err
}

/**
 * Delivery of tickets and complaints. From the second attempt on, the BOSS is first asked by serial
 * whether an earlier attempt arrived (it may have, if that attempt timed out or the BFF died after sending);
 * the create itself carries the serial too, so the BOSS would answer the same record anyway.
 */
export function reportHandlers(deps: {
  tickets: BossTicketAdapter
  complaints: BossComplaintAdapter
  logger: BaseLogger
}): Record<string, DeliveryHandler> {
  const ticket: DeliveryHandler = async (m: OutboxMessage) => {
    const { order } = m.payload as TicketMessage
    try {
      if (m.attempts > 1) {
        const found = await deps.tickets.get(order.customerId, { serial: order.serial })
        if (found) return { kind: 'done', result: found }
      }
      try {
        return { kind: 'done', result: await deps.tickets.create(order) }
      } catch (err) {
        // The slot filled up while the ticket waited: keep the ticket, the engineer calls to arrange the visit.
        if (err instanceof BossRefusedError && err.refusal === 'slotTaken' && order.slotId) {
          deps.logger.warn({ reference: order.serial }, 'outbox: appointment slot gone; ticket sent without it')
          return { kind: 'done', result: await deps.tickets.create({ ...order, slotId: null }) }
        }
        throw err
      }
    } catch (err) {
      return failure(err)
    }
  }
  const complaint: DeliveryHandler = async (m: OutboxMessage) => {
    const { order } = m.payload as ComplaintMessage
    try {
      if (m.attempts > 1) {
        const found = await deps.complaints.bySerial(order.customerId, order.serial)
        if (found) return { kind: 'done', result: found }
      }
      return { kind: 'done', result: await deps.complaints.create(order) }
    } catch (err) {
      return failure(err)
    }
  }
  return { [Topic.ticket]: ticket, [Topic.complaint]: complaint }
}
