import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { formatTime } from '../protocol/time.ts'
import { city } from '../db/catalogue.ts'
import { serviceData } from '../db/seedExtras.ts'
import { periodName, type SlotRow } from './slots.ts'

/** Ticket rows, their wire form, and the clock that moves tickets on by themselves. */
export type TicketRow = {
  ticket_id: string
  cust_id: string
  fault_code: string
  fault_desc: string
  ticket_status: string
  create_time: string
  update_time: string
  slot_id: string
  rating: string
  serial: string | null
  contact_phone: string | null
  created_ms: number | null
  engineer: string | null
}

/** TICKET_STATUS on the wire: 1 acknowledged, 2 dispatched, 3 engineer on site, 4 resolved, 5 closed (rated), 6 cancelled. */
export const TICKET_STATUS = {
  acknowledged: '1',
  dispatched: '2',
  onSite: '3',
  resolved: '4',
  closed: '5',
  cancelled: '6',
} as const

/** At ticketSpeed 1 a ticket moves one state every half hour; ticketSpeed 1800 makes that one second. */
export const STEP_MS = 30 * 60_000

const SELECT = `SELECT t.*, x.serial, x.contact_phone, x.created_ms, x.engineer FROM ticket t LEFT JOIN ticket_extra x USING (ticket_id)`

export function findTicket(db: DatabaseSync, custId: string, by: { ticketId?: string; serial?: string }): TicketRow {
  const row = (
    by.ticketId
      ? db.prepare(`${SELECT} WHERE t.ticket_id = ?`).get(by.ticketId)
      : db.prepare(`${SELECT} WHERE x.serial = ?`).get(by.serial ?? '')
  ) as TicketRow | undefined
  // Another customer's ticket is "not found", like a made-up one.
  if (!row || row.cust_id !== custId) throw new BossError('2002', '工单不存在')
  return row
}

export function districtOf(db: DatabaseSync, custId: string): string {
  const row = db.prepare('SELECT region_code FROM customer WHERE cust_id = ?').get(custId) as { region_code: string }
  return city.districts.find((d) => d.regionCode === row.region_code)?.name ?? ''
}

export function stepNote(status: string, district: string, engineer: string | null): string {
  const text = serviceData.ticketSteps[status]?.replace('{district}', district) ?? ''
  return engineer && ['2', '3', '4'].includes(status) ? `${text}（维修人员：${engineer}）` : text
}

export function addStep(db: DatabaseSync, ticketId: string, status: string, time: string, note: string): void {
  const seq = (
    db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM ticket_progress WHERE ticket_id = ?').get(ticketId) as {
      n: number
    }
  ).n
  db.prepare('INSERT INTO ticket_progress VALUES (?, ?, ?, ?, ?)').run(ticketId, seq, time, status, note)
  db.prepare('UPDATE ticket SET ticket_status = ?, update_time = ? WHERE ticket_id = ?').run(status, time, ticketId)
}

/**
 * Tickets opened through the gateway move acknowledged → dispatched → on site → resolved by themselves,
 * one state per STEP_MS / ticketSpeed since they were opened. Worked out when read, so no timers run.
 * Seeded tickets stay as seeded: they are the demo's fixed picture.
 */
export function advanceTickets(db: DatabaseSync, custId: string, now: Date, speed = 1): void {
  if (!(speed > 0)) return
  const open = db
    .prepare(`${SELECT} WHERE t.cust_id = ? AND x.created_ms IS NOT NULL AND t.ticket_status IN ('1', '2', '3')`)
    .all(custId) as TicketRow[]
  if (open.length === 0) return
  const stepMs = STEP_MS / speed
  const district = districtOf(db, custId)
  for (const t of open) {
    const due = Math.min(4, 1 + Math.floor((now.getTime() - Number(t.created_ms)) / stepMs))
    for (let s = Number(t.ticket_status) + 1; s <= due; s++) {
      addStep(
        db,
        t.ticket_id,
        String(s),
        formatTime(new Date(Number(t.created_ms) + (s - 1) * stepMs)),
        stepNote(String(s), district, t.engineer),
      )
    }
  }
}

export function ticketFields(db: DatabaseSync, t: TicketRow): Record<string, string> {
  const slot = t.slot_id
    ? (db.prepare('SELECT * FROM appointment_slot WHERE slot_id = ?').get(t.slot_id) as SlotRow | undefined)
    : undefined
  const fault = serviceData.faultTypes.find((f) => f.code === t.fault_code)
  return {
    TICKET_ID: t.ticket_id,
    SERIAL: t.serial ?? '',
    CUST_ID: t.cust_id,
    FAULT_CODE: t.fault_code,
    FAULT_NAME: fault?.name ?? '',
    FAULT_DESC: t.fault_desc,
    TICKET_STATUS: t.ticket_status,
    CREATE_TIME: t.create_time,
    UPDATE_TIME: t.update_time,
    SLOT_ID: t.slot_id,
    SLOT_DATE: slot?.slot_date ?? '',
    SLOT_PERIOD: slot?.slot_period ?? '',
    PERIOD_NAME: slot ? periodName(slot.slot_period) : '',
    CONTACT_PHONE: t.contact_phone ?? '',
    RATING: t.rating,
  }
}

export function progressList(db: DatabaseSync, ticketId: string): Array<Record<string, string>> {
  const rows = db.prepare('SELECT * FROM ticket_progress WHERE ticket_id = ? ORDER BY seq').all(ticketId) as Array<{
    seq: number
    step_time: string
    ticket_status: string
    note: string
  }>
  return rows.map((r) => ({ SEQ: String(r.seq), STEP_TIME: r.step_time, TICKET_STATUS: r.ticket_status, NOTE: r.note }))
}
