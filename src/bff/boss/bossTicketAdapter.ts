import type {
  AppointmentSlot,
  Ticket,
  TicketCategory,
  TicketEvent,
  TicketStatus,
  TicketSummary,
} from '../../contract/index.ts'
import { maskPhone } from '../log.ts'
import type { TicketOrder } from '../domain/types.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { field, fromBossDate, fromBossTimestamp, list, optional } from './bossFormat.ts'

/** Repair tickets, appointment slots and the contact phone, as the BOSS keeps them (SLOT_QRY, TICKET_*, CUST_INFO_QRY). */

/** The BOSS's ticket status codes (TICKET_STATUS of a ticket, REF_STATUS of a message about one). */
export const BOSS_TICKET_STATUS: Readonly<Record<string, TicketStatus>> = {
  '1': 'acknowledged',
  '2': 'dispatched',
  '3': 'on-site',
  '4': 'resolved',
  '5': 'closed',
  '6': 'cancelled',
}
const FAULT_CODE: Record<TicketCategory, string> = {
  'no-signal': 'F01',
  picture: 'F02',
  channels: 'F03',
  stb: 'F04',
  remote: 'F05',
  smartcard: 'F06',
  broadband: 'F07',
  'no-sound': 'F08',
  other: 'F99',
}
const CATEGORY: Record<string, TicketCategory> = Object.fromEntries(
  Object.entries(FAULT_CODE).map(([category, code]) => [code, category as TicketCategory]),
)
const PERIOD: Record<string, AppointmentSlot['period']> = { AM: 'am', PM: 'pm' }
const PERIOD_EN: Record<string, string> = { AM: 'Morning 09:00-12:00', PM: 'Afternoon 14:00-18:00' }

/** The visit a slot id names (`SL` + yyyyMMdd + region + period), to refuse past slots while the BOSS cannot be asked. */
function slotOf(slotId: string): { date: string; period: AppointmentSlot['period'] } | null {
  const m = /^SL(\d{8})\d{6}(AM|PM)$/.exec(slotId)
  if (!m) return null
  try {
    return { date: fromBossDate(m[1], 'SLOT_ID'), period: PERIOD[m[2]] }
  } catch {
    return null
  }
}

function status(raw: unknown): TicketStatus {
  const s = BOSS_TICKET_STATUS[String(raw)]
  if (!s) throw new BossProtocolError(`TICKET_STATUS "${String(raw)}" is unknown`)
  return s
}

function summary(t: Record<string, unknown>): TicketSummary {
  const s = status(t.TICKET_STATUS)
  const slotDate = optional(t.SLOT_DATE as string | undefined, (v) => fromBossDate(v, 'SLOT_DATE'))
  const rating = optional(t.RATING as string | undefined, (v) => Number(v))
  return {
    ticketId: field(t, 'TICKET_ID'),
    reference: (t.SERIAL as string | undefined) || null,
    category: CATEGORY[String(t.FAULT_CODE)] ?? 'other',
    description: field(t, 'FAULT_DESC'),
    // The BOSS keeps one Chinese text; the hall's routes say it in English when it is one of their presets.
    descriptionText: null,
    status: s,
    createdAt: fromBossTimestamp(field(t, 'CREATE_TIME'), 'CREATE_TIME'),
    updatedAt: fromBossTimestamp(field(t, 'UPDATE_TIME'), 'UPDATE_TIME'),
    appointment: slotDate ? { date: slotDate, period: PERIOD[String(t.SLOT_PERIOD)] ?? 'am' } : null,
    rating: rating !== null && rating >= 1 && rating <= 5 ? rating : null,
    canCancel: s === 'acknowledged' || s === 'dispatched' || s === 'on-site',
    canRate: s === 'resolved',
  }
}

function detail(t: Record<string, unknown>): Ticket {
  const timeline: TicketEvent[] = list(t, 'PROGRESS_LIST').map((p) => ({
    status: status(p.TICKET_STATUS),
    at: fromBossTimestamp(field(p, 'STEP_TIME'), 'STEP_TIME'),
    note: field(p, 'NOTE'),
  }))
  const phone = t.CONTACT_PHONE as string | undefined
  return { ...summary(t), contactPhoneMasked: phone ? maskPhone(phone) : null, timeline }
}

export function bossTicketAdapter(boss: BossCaller) {
  /** 2002 means "no such ticket for this customer": null, so the route can say 404. */
  const orNull = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work()
    } catch (err) {
      if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return null
      throw err
    }
  }
  return {
    visitOf: slotOf,
    /** CUST_INFO_QRY: the contact phone on file (unmasked: stays in the BFF). */
    async contactPhone(customerId: string): Promise<string | null> {
      const b = await boss.call('CUST_INFO_QRY', { CUST_ID: customerId })
      return (b.PHONE as string | undefined) || null
    },
    /** SLOT_QRY */
    async freeSlots(customerId: string): Promise<AppointmentSlot[]> {
      const b = await boss.call('SLOT_QRY', { CUST_ID: customerId })
      return list(b, 'SLOT_LIST').map((s) => ({
        slotId: field(s, 'SLOT_ID'),
        date: fromBossDate(field(s, 'SLOT_DATE'), 'SLOT_DATE'),
        period: PERIOD[field(s, 'SLOT_PERIOD')] ?? 'am',
        label: { 'zh-CN': field(s, 'PERIOD_NAME'), en: PERIOD_EN[field(s, 'SLOT_PERIOD')] ?? field(s, 'PERIOD_NAME') },
        freeCount: Math.max(1, Number(field(s, 'FREE_NUM'))),
      }))
    },
    /** TICKET_CREATE: a repeated serial answers the ticket it already opened. */
    async create(order: TicketOrder, opts: { timeoutMs?: number } = {}): Promise<Ticket> {
      const body: Record<string, string> = {
        CUST_ID: order.customerId,
        SERIAL: order.serial,
        FAULT_CODE: FAULT_CODE[order.category],
        FAULT_DESC: order.description,
        CONTACT_PHONE: order.contactPhone ?? '',
        SLOT_ID: order.slotId ?? '',
      }
      return detail(await boss.call('TICKET_CREATE', body, opts))
    },
    /** TICKET_QRY by the BOSS's ticket id or the hall's reference (serial); null when not this customer's. */
    async get(customerId: string, by: { ticketId: string } | { serial: string }): Promise<Ticket | null> {
      const key: Record<string, string> = 'ticketId' in by ? { TICKET_ID: by.ticketId } : { SERIAL: by.serial }
      return orNull(async () => detail(await boss.call('TICKET_QRY', { CUST_ID: customerId, ...key })))
    },
    /** TICKET_LIST_QRY, newest first. */
    async list(customerId: string): Promise<TicketSummary[]> {
      return list(await boss.call('TICKET_LIST_QRY', { CUST_ID: customerId }), 'TICKET_LIST').map(summary)
    },
    /** TICKET_CANCEL; 5002 (not cancellable now) is left to the route. */
    async cancel(customerId: string, ticketId: string): Promise<Ticket | null> {
      return orNull(async () => detail(await boss.call('TICKET_CANCEL', { CUST_ID: customerId, TICKET_ID: ticketId })))
    },
    /** TICKET_RATE (回访): closes a resolved ticket. */
    async rate(customerId: string, ticketId: string, stars: number): Promise<Ticket | null> {
      return orNull(async () =>
        detail(await boss.call('TICKET_RATE', { CUST_ID: customerId, TICKET_ID: ticketId, RATING: String(stars) })),
      )
    },
  }
}
export type BossTicketAdapter = ReturnType<typeof bossTicketAdapter>
