import type { MessageAction, MessageKind } from '../../contract/index.ts'
import type { InboxMessage } from '../domain/types.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { field, fromBossDate, fromBossFen, fromBossTimestamp, list, optional } from './bossFormat.ts'
import { BOSS_TICKET_STATUS } from './bossTicketAdapter.ts'

const KIND: Record<string, MessageKind> = {
  '01': 'arrears',
  '02': 'suspension',
  '03': 'expiry',
  '04': 'ticket',
  '05': 'notice',
  '06': 'promotion',
}
const ACTION: Record<MessageKind, MessageAction> = {
  arrears: 'topup',
  suspension: 'topup',
  expiry: 'renew',
  ticket: 'tickets',
  notice: 'packages',
  promotion: 'packages',
}

const str = (r: Record<string, unknown>, key: string): string => (typeof r[key] === 'string' ? r[key] : '')

function toMessage(r: Record<string, unknown>): InboxMessage {
  const rawKind = field(r, 'MSG_TYPE')
  const kind = KIND[rawKind]
  if (!kind) throw new BossProtocolError(`MSG_TYPE "${rawKind}" is not 01..06`)
  const priority = Number(field(r, 'PRIORITY'))
  if (!Number.isInteger(priority) || priority < 1 || priority > 9)
    throw new BossProtocolError(`PRIORITY "${str(r, 'PRIORITY')}" is not 1..9`)
  const readTime = optional(str(r, 'READ_TIME'), (v) => fromBossTimestamp(v, 'READ_TIME'))
  const m: InboxMessage = {
    id: field(r, 'MSG_ID'),
    kind,
    priority,
    createdAt: fromBossTimestamp(field(r, 'CREATE_TIME'), 'CREATE_TIME'),
    read: field(r, 'READ_FLAG') === 'Y',
    readAt: readTime,
    // Notices only inform; nothing to act on from the TV.
    action: kind === 'notice' ? null : ACTION[kind],
  }
  if (kind === 'arrears' || kind === 'suspension') {
    m.arrears = {
      amountFen: fromBossFen(field(r, 'OWE_FEE'), 'OWE_FEE'),
      suspendOn: optional(str(r, 'PLAN_STOP_DATE'), (v) => fromBossDate(v, 'PLAN_STOP_DATE')),
      suspendedSince: optional(str(r, 'STOP_TIME'), (v) => fromBossTimestamp(v, 'STOP_TIME')),
    }
  }
  if (kind === 'expiry' || kind === 'promotion') {
    m.product = {
      productId: field(r, 'PROD_ID'),
      name: field(r, 'PROD_NAME'),
      amountFen: fromBossFen(field(r, 'FEE'), 'FEE'),
      periodMonths: Number(field(r, 'PERIOD_MONTHS')) || 1,
      expiresOn: optional(str(r, 'EXP_DATE'), (v) => fromBossDate(v, 'EXP_DATE')),
    }
  }
  if (kind === 'ticket') {
    const status = BOSS_TICKET_STATUS[field(r, 'REF_STATUS')]
    if (!status) throw new BossProtocolError(`REF_STATUS "${str(r, 'REF_STATUS')}" is not a ticket status`)
    m.ticket = { ticketId: field(r, 'REF_ID'), status }
  }
  if (kind === 'notice' || kind === 'promotion') {
    // The BOSS may lack an English text; the Chinese one stands in rather than a blank.
    const title = field(r, 'TITLE')
    const body = field(r, 'CONTENT')
    m.text = {
      title: { 'zh-CN': title, en: str(r, 'TITLE_EN') || title },
      body: { 'zh-CN': body, en: str(r, 'CONTENT_EN') || body },
    }
  }
  if (kind === 'notice' && str(r, 'BEGIN_TIME') && str(r, 'END_TIME')) {
    m.window = {
      from: fromBossTimestamp(str(r, 'BEGIN_TIME'), 'BEGIN_TIME'),
      until: fromBossTimestamp(str(r, 'END_TIME'), 'END_TIME'),
    }
  }
  return m
}

export function bossMessageAdapter(boss: BossCaller) {
  return {
    /** MSG_LIST_QRY: the household's messages, most important first, then newest. */
    async list(customerId: string): Promise<InboxMessage[]> {
      const b = await boss.call('MSG_LIST_QRY', { CUST_ID: customerId })
      return list(b, 'MSG_LIST').map(toMessage)
    },

    /** MSG_READ; null when the household has no such (current) message. */
    async markRead(customerId: string, messageId: string): Promise<InboxMessage | null> {
      try {
        return toMessage(await boss.call('MSG_READ', { CUST_ID: customerId, MSG_ID: messageId }))
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return null
        throw err
      }
    },
  }
}
export type BossMessageAdapter = ReturnType<typeof bossMessageAdapter>
