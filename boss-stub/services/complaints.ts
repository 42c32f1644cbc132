import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { CUST_ID, optional, required } from './params.ts'
import { findCustomer } from './records.ts'
import { PHONE, SERIAL } from './tickets.ts'
import type { Service } from './types.ts'

type ComplaintRow = {
  cmpl_id: string
  serial: string
  cust_id: string
  cmpl_type: string
  subject_code: string
  subject: string
  content: string
  contact_phone: string
  cmpl_status: string
  create_time: string
  related_id: string
}

/** CMPL_TYPE: 01 service, 02 quality, 03 billing, 04 suggestion. CMPL_STATUS: 1 open, 2 in progress, 3 closed. */
const CMPL_TYPE = /^0[1-4]$/
const SUBJECT_CODE = /^[a-z0-9-]{1,40}$/

function fields(c: ComplaintRow): Record<string, string> {
  return {
    CMPL_ID: c.cmpl_id,
    SERIAL: c.serial,
    CUST_ID: c.cust_id,
    CMPL_TYPE: c.cmpl_type,
    SUBJECT_CODE: c.subject_code,
    SUBJECT: c.subject,
    CONTENT: c.content,
    CMPL_STATUS: c.cmpl_status,
    CREATE_TIME: c.create_time,
    RELATED_ID: c.related_id,
    REPEAT_FLAG: c.related_id ? 'Y' : 'N',
  }
}

function find(db: DatabaseSync, custId: string, serial: string): ComplaintRow | undefined {
  const row = db.prepare('SELECT * FROM complaint WHERE serial = ?').get(serial) as ComplaintRow | undefined
  return row && row.cust_id === custId ? row : undefined
}

/**
 * COMPLAINT_CREATE: a complaint or suggestion. A repeat (same customer, type and subject while an earlier one is
 * not closed) is linked to the earliest such one in RELATED_ID. A repeated SERIAL answers the complaint it already made.
 */
export const complaintCreate: Service = {
  code: 'COMPLAINT_CREATE',
  moneyMoving: true,
  handle(body, { db, now, chnlId }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const serial = required(body, 'SERIAL', SERIAL)
    const type = required(body, 'CMPL_TYPE', CMPL_TYPE)
    const subjectCode = required(body, 'SUBJECT_CODE', SUBJECT_CODE)
    const subject = required(body, 'SUBJECT')
    const content = body.CONTENT ?? ''
    if ([...subject].length > 100) throw new BossError('1002', 'SUBJECT 超长（最多 100 字）')
    if ([...content].length > 500) throw new BossError('1002', 'CONTENT 超长（最多 500 字）')
    const phone = optional(body, 'CONTACT_PHONE', PHONE, '')
    const cust = findCustomer(db, custId)
    return inTransaction(db, () => {
      const taken = db.prepare('SELECT cust_id FROM complaint WHERE serial = ?').get(serial) as
        { cust_id: string } | undefined
      if (taken) {
        if (taken.cust_id !== custId) throw new BossError('1002', 'SERIAL 已被使用')
        db.prepare('UPDATE complaint SET repeat_hits = repeat_hits + 1 WHERE serial = ?').run(serial)
        return fields(find(db, custId, serial)!)
      }
      const earlier = db
        .prepare(
          `SELECT cmpl_id FROM complaint WHERE cust_id = ? AND cmpl_type = ? AND subject_code = ? AND cmpl_status <> '3'
        ORDER BY create_time, cmpl_id LIMIT 1`,
        )
        .get(custId, type, subjectCode) as { cmpl_id: string } | undefined
      const time = formatTime(now)
      const n = (db.prepare('SELECT COUNT(*) AS n FROM complaint').get() as { n: number }).n + 1
      const id = `CP${time.slice(0, 8)}${String(n).padStart(6, '0')}`
      db.prepare(
        `INSERT INTO complaint (cmpl_id, serial, cust_id, cmpl_type, subject_code, subject, content, contact_phone,
        cmpl_status, create_time, related_id, chnl_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '1', ?, ?, ?)`,
      ).run(
        id,
        serial,
        custId,
        type,
        subjectCode,
        subject,
        content,
        phone || cust.phone,
        time,
        earlier?.cmpl_id ?? '',
        chnlId,
      )
      return fields(find(db, custId, serial)!)
    })
  },
}

/** COMPLAINT_QRY: one complaint by SERIAL; how a caller learns whether a timed-out create arrived. */
export const complaintQry: Service = {
  code: 'COMPLAINT_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const serial = required(body, 'SERIAL', SERIAL)
    findCustomer(db, custId)
    const row = find(db, custId, serial)
    if (!row) throw new BossError('2002', '投诉不存在')
    return fields(row)
  },
}

/** COMPLAINT_LIST_QRY: a customer's complaints, newest first; CMPL_TYPE and CMPL_STATUS filter. */
export const complaintListQry: Service = {
  code: 'COMPLAINT_LIST_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const type = optional(body, 'CMPL_TYPE', CMPL_TYPE, '')
    const status = optional(body, 'CMPL_STATUS', /^[123]$/, '')
    findCustomer(db, custId)
    const rows = db
      .prepare('SELECT * FROM complaint WHERE cust_id = ? ORDER BY create_time DESC, cmpl_id DESC')
      .all(custId) as ComplaintRow[]
    return {
      CMPL_LIST: rows
        .filter((c) => (!type || c.cmpl_type === type) && (!status || c.cmpl_status === status))
        .map(fields),
    }
  },
}
