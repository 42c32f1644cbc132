import { BossError } from '../protocol/codes.ts'
import { formatDate, formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { serviceData } from '../db/seedExtras.ts'
import { CUST_ID, optional, required } from './params.ts'
import { findCustomer } from './records.ts'
import { bookSlot, releaseSlot, SLOT_ID } from './slots.ts'
import {
  addStep,
  advanceTickets,
  districtOf,
  findTicket,
  progressList,
  stepNote,
  ticketFields,
  TICKET_STATUS,
} from './ticketRecords.ts'
import type { Service, ServiceContext } from './types.ts'

export const SERIAL = /^[A-Za-z0-9]{1,32}$/
const TICKET_ID = /^[A-Za-z0-9]{1,32}$/
export const PHONE = /^1[3-9]\d{9}$/
const ENGINEERS = ['王师傅', '李师傅', '张师傅', '刘师傅', '陈师傅', '杨师傅']

function byIdOrSerial(body: Record<string, string>): { ticketId?: string; serial?: string } {
  const ticketId = optional(body, 'TICKET_ID', TICKET_ID, '')
  const serial = optional(body, 'SERIAL', SERIAL, '')
  if (!ticketId && !serial) throw new BossError('1002', 'TICKET_ID 或 SERIAL 缺失')
  return ticketId ? { ticketId } : { serial }
}

function withProgress(ctx: ServiceContext, custId: string, by: { ticketId?: string; serial?: string }) {
  const t = findTicket(ctx.db, custId, by)
  return { ...ticketFields(ctx.db, t), PROGRESS_LIST: progressList(ctx.db, t.ticket_id) }
}

/**
 * TICKET_CREATE: open a repair ticket. SERIAL is the caller's stable reference: a repeated SERIAL answers
 * the ticket it already opened (0000, nothing new), so a caller unsure whether its first try arrived may send it again.
 */
export const ticketCreate: Service = {
  code: 'TICKET_CREATE',
  moneyMoving: true,
  handle(body, ctx) {
    const { db, now } = ctx
    const custId = required(body, 'CUST_ID', CUST_ID)
    const serial = required(body, 'SERIAL', SERIAL)
    const faultCode = required(body, 'FAULT_CODE', /^F\d{2}$/)
    const faultDesc = required(body, 'FAULT_DESC')
    if ([...faultDesc].length > 100) throw new BossError('1002', 'FAULT_DESC 超长（最多 100 字）')
    if (!serviceData.faultTypes.some((f) => f.code === faultCode)) throw new BossError('1002', 'FAULT_CODE 不存在')
    const phone = optional(body, 'CONTACT_PHONE', PHONE, '')
    const slotId = optional(body, 'SLOT_ID', SLOT_ID, '')
    const cust = findCustomer(db, custId)

    return inTransaction(db, () => {
      const existing = db.prepare('SELECT ticket_id FROM ticket_extra WHERE serial = ?').get(serial) as
        { ticket_id: string } | undefined
      if (existing) {
        db.prepare('UPDATE ticket_extra SET repeat_hits = repeat_hits + 1 WHERE serial = ?').run(serial)
        return withProgress(ctx, custId, { ticketId: existing.ticket_id })
      }
      const today = formatDate(now)
      if (slotId) bookSlot(db, slotId, cust.region_code, today)
      const prefix = `T${today.slice(0, 6)}`
      const last = db.prepare('SELECT MAX(ticket_id) AS id FROM ticket WHERE ticket_id LIKE ?').get(`${prefix}%`) as {
        id: string | null
      }
      const ticketId = `${prefix}${String(Number(last.id?.slice(prefix.length) ?? 0) + 1).padStart(5, '0')}`
      const time = formatTime(now)
      db.prepare('INSERT INTO ticket VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        ticketId,
        custId,
        faultCode,
        faultDesc,
        TICKET_STATUS.acknowledged,
        time,
        time,
        slotId,
        '',
      )
      const engineer = ENGINEERS[Number(ticketId.slice(-5)) % ENGINEERS.length]
      db.prepare(
        'INSERT INTO ticket_extra (ticket_id, serial, chnl_id, contact_phone, created_ms, engineer) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(ticketId, serial, ctx.chnlId, phone || cust.phone, now.getTime(), engineer)
      addStep(
        db,
        ticketId,
        TICKET_STATUS.acknowledged,
        time,
        stepNote(TICKET_STATUS.acknowledged, districtOf(db, custId), null),
      )
      return withProgress(ctx, custId, { ticketId })
    })
  },
}

/** TICKET_QRY: one ticket by TICKET_ID or SERIAL, with its progress list; how a caller learns whether a timed-out create arrived. */
export const ticketQry: Service = {
  code: 'TICKET_QRY',
  moneyMoving: false,
  handle(body, ctx) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const by = byIdOrSerial(body)
    findCustomer(ctx.db, custId)
    advanceTickets(ctx.db, custId, ctx.now, ctx.ticketSpeed)
    return withProgress(ctx, custId, by)
  },
}

/** TICKET_LIST_QRY: a customer's tickets, newest first, without progress. */
export const ticketListQry: Service = {
  code: 'TICKET_LIST_QRY',
  moneyMoving: false,
  handle(body, ctx) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    findCustomer(ctx.db, custId)
    advanceTickets(ctx.db, custId, ctx.now, ctx.ticketSpeed)
    const ids = ctx.db
      .prepare('SELECT ticket_id FROM ticket WHERE cust_id = ? ORDER BY create_time DESC, ticket_id DESC')
      .all(custId) as Array<{ ticket_id: string }>
    return { TICKET_LIST: ids.map((r) => ticketFields(ctx.db, findTicket(ctx.db, custId, { ticketId: r.ticket_id }))) }
  },
}

/** TICKET_CANCEL: the customer withdraws a ticket before it is resolved; its booked slot is freed. */
export const ticketCancel: Service = {
  code: 'TICKET_CANCEL',
  moneyMoving: false,
  handle(body, ctx) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const by = byIdOrSerial(body)
    findCustomer(ctx.db, custId)
    advanceTickets(ctx.db, custId, ctx.now, ctx.ticketSpeed)
    return inTransaction(ctx.db, () => {
      const t = findTicket(ctx.db, custId, by)
      if (!['1', '2', '3'].includes(t.ticket_status)) throw new BossError('5002', '工单已完成或已撤销，不能撤销')
      addStep(
        ctx.db,
        t.ticket_id,
        TICKET_STATUS.cancelled,
        formatTime(ctx.now),
        stepNote(TICKET_STATUS.cancelled, '', null),
      )
      releaseSlot(ctx.db, t.slot_id)
      return withProgress(ctx, custId, { ticketId: t.ticket_id })
    })
  },
}

/** TICKET_RATE: the follow-up (回访) of a resolved ticket, 1-5; closes it. */
export const ticketRate: Service = {
  code: 'TICKET_RATE',
  moneyMoving: false,
  handle(body, ctx) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const by = byIdOrSerial(body)
    const rating = required(body, 'RATING', /^[1-5]$/)
    findCustomer(ctx.db, custId)
    advanceTickets(ctx.db, custId, ctx.now, ctx.ticketSpeed)
    return inTransaction(ctx.db, () => {
      const t = findTicket(ctx.db, custId, by)
      if (t.ticket_status !== TICKET_STATUS.resolved) throw new BossError('5002', '只有已处理完成的工单可以评价')
      ctx.db.prepare('UPDATE ticket SET rating = ? WHERE ticket_id = ?').run(rating, t.ticket_id)
      addStep(ctx.db, t.ticket_id, TICKET_STATUS.closed, formatTime(ctx.now), stepNote(TICKET_STATUS.closed, '', null))
      return withProgress(ctx, custId, { ticketId: t.ticket_id })
    })
  },
}
