import type { Complaint, ComplaintStatus, ComplaintType } from '../../contract/index.ts'
import type { ComplaintOrder } from '../domain/types.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { field, fromBossTimestamp, list } from './bossFormat.ts'

/** Complaints and suggestions as the BOSS keeps them (COMPLAINT_CREATE, COMPLAINT_QRY, COMPLAINT_LIST_QRY). */

const TYPE_CODE: Record<ComplaintType, string> = { service: '01', quality: '02', billing: '03', suggestion: '04' }
const TYPE: Record<string, ComplaintType> = Object.fromEntries(
  Object.entries(TYPE_CODE).map(([t, c]) => [c, t as ComplaintType]),
)
const STATUS: Record<string, ComplaintStatus> = { '1': 'open', '2': 'in-progress', '3': 'closed' }

function complaint(c: Record<string, unknown>): Complaint {
  const type = TYPE[String(c.CMPL_TYPE)]
  const status = STATUS[String(c.CMPL_STATUS)]
  if (!type || !status)
    throw new BossProtocolError(`complaint ${String(c.CMPL_ID)} has CMPL_TYPE/CMPL_STATUS the hall does not know`)
  return {
    complaintId: field(c, 'CMPL_ID'),
    reference: (c.SERIAL as string | undefined) || null,
    type,
    subjectId: field(c, 'SUBJECT_CODE'),
    subject: field(c, 'SUBJECT'),
    text: (c.CONTENT as string | undefined) || null,
    status,
    createdAt: fromBossTimestamp(field(c, 'CREATE_TIME'), 'CREATE_TIME'),
    repeatOf: (c.RELATED_ID as string | undefined) || null,
  }
}

export function bossComplaintAdapter(boss: BossCaller) {
  return {
    /** COMPLAINT_CREATE: the BOSS links a repeat to the earlier open complaint; a repeated serial answers the same one. */
    async create(order: ComplaintOrder, opts: { timeoutMs?: number } = {}): Promise<Complaint> {
      return complaint(
        await boss.call(
          'COMPLAINT_CREATE',
          {
            CUST_ID: order.customerId,
            SERIAL: order.serial,
            CMPL_TYPE: TYPE_CODE[order.type],
            SUBJECT_CODE: order.subjectId,
            SUBJECT: order.subject,
            CONTENT: order.text ?? '',
          },
          opts,
        ),
      )
    },
    /** COMPLAINT_QRY by the hall's reference; null when the BOSS has none. */
    async bySerial(customerId: string, serial: string): Promise<Complaint | null> {
      try {
        return complaint(await boss.call('COMPLAINT_QRY', { CUST_ID: customerId, SERIAL: serial }))
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return null
        throw err
      }
    },
    async list(customerId: string): Promise<Complaint[]> {
      return list(await boss.call('COMPLAINT_LIST_QRY', { CUST_ID: customerId }), 'CMPL_LIST').map(complaint)
    },
  }
}
export type BossComplaintAdapter = ReturnType<typeof bossComplaintAdapter>
