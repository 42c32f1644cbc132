import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { addDays, formatDate } from '../protocol/time.ts'
import { serviceData } from '../db/seedExtras.ts'
import { CUST_ID, required } from './params.ts'
import { findCustomer } from './records.ts'
import type { Service } from './types.ts'

export type SlotRow = {
  slot_id: string
  region_code: string
  slot_date: string
  slot_period: string
  capacity: number
  booked: number
}

export const SLOT_ID = /^[A-Za-z0-9]{1,32}$/
export const SLOT_DAYS = 7

export const periodName = (code: string): string => serviceData.slotPeriods.find((p) => p.code === code)?.name ?? code

/** Free visit slots for a region, tomorrow up to 7 days ahead (today's visits are already planned). */
export function freeSlots(db: DatabaseSync, regionCode: string, today: string): SlotRow[] {
  return db
    .prepare(
      `SELECT * FROM appointment_slot WHERE region_code = ? AND slot_date > ? AND slot_date <= ? AND booked < capacity
    ORDER BY slot_date, slot_period`,
    )
    .all(regionCode, today, addDays(today, SLOT_DAYS)) as SlotRow[]
}

/** Books one place in a slot, or 5001 when it is not the customer's area, not ahead, or full. */
export function bookSlot(db: DatabaseSync, slotId: string, regionCode: string, today: string): SlotRow {
  const slot = db.prepare('SELECT * FROM appointment_slot WHERE slot_id = ?').get(slotId) as SlotRow | undefined
  if (!slot || slot.region_code !== regionCode) throw new BossError('5001', '预约时段不存在或不属于您所在区域')
  if (slot.slot_date <= today || slot.slot_date > addDays(today, SLOT_DAYS))
    throw new BossError('5001', '预约时段不在可预约范围内')
  const booked = db
    .prepare('UPDATE appointment_slot SET booked = booked + 1 WHERE slot_id = ? AND booked < capacity')
    .run(slotId)
  if (Number(booked.changes) !== 1) throw new BossError('5001', '预约时段已约满')
  return slot
}

export function releaseSlot(db: DatabaseSync, slotId: string): void {
  if (slotId) db.prepare('UPDATE appointment_slot SET booked = booked - 1 WHERE slot_id = ? AND booked > 0').run(slotId)
}

/** SLOT_QRY: free appointment slots for the customer's area in the next 7 days. */
export const slotQry: Service = {
  code: 'SLOT_QRY',
  moneyMoving: false,
  handle(body, { db, now }) {
    const cust = findCustomer(db, required(body, 'CUST_ID', CUST_ID))
    return {
      REGION_CODE: cust.region_code,
      SLOT_LIST: freeSlots(db, cust.region_code, formatDate(now)).map((s) => ({
        SLOT_ID: s.slot_id,
        SLOT_DATE: s.slot_date,
        SLOT_PERIOD: s.slot_period,
        PERIOD_NAME: periodName(s.slot_period),
        FREE_NUM: String(s.capacity - s.booked),
      })),
    }
  },
}
