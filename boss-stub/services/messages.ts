import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { formatDate, formatTime } from '../protocol/time.ts'
import { advanceTickets } from './ticketRecords.ts'
import {
  accountMessages,
  expiryMessages,
  noticeMessages,
  promotionMessages,
  pushedPromotionMessages,
  ticketMessages,
  type WireMessage,
} from './messageSources.ts'
import { CUST_ID, required } from './params.ts'
import { findAccount, findCustomer } from './records.ts'
import type { Service, ServiceContext } from './types.ts'

const MSG_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The household's messages as of now, with their read marks; most important first, then newest. */
function currentMessages(db: DatabaseSync, custId: string, ctx: ServiceContext): WireMessage[] {
  const cust = findCustomer(db, custId)
  const acct = findAccount(db, custId)
  const today = formatDate(ctx.now)
  advanceTickets(db, custId, ctx.now, ctx.ticketSpeed)
  const all = [
    ...accountMessages(acct, today),
    ...expiryMessages(db, custId, today),
    ...ticketMessages(db, custId, today),
    ...noticeMessages(db, cust, ctx.now),
    ...promotionMessages(db, acct, today),
    ...pushedPromotionMessages(db, custId, ctx.now, today),
  ]
  const reads = new Map(
    (
      db.prepare('SELECT msg_id, read_time FROM message_read WHERE cust_id = ?').all(custId) as Array<{
        msg_id: string
        read_time: string
      }>
    ).map((r) => [r.msg_id, r.read_time]),
  )
  return all
    .map((m): WireMessage => ({
      ...m,
      READ_FLAG: reads.has(m.MSG_ID) ? 'Y' : 'N',
      READ_TIME: reads.get(m.MSG_ID) ?? '',
    }))
    .sort(
      (a, b) =>
        a.PRIORITY.localeCompare(b.PRIORITY) ||
        b.CREATE_TIME.localeCompare(a.CREATE_TIME) ||
        a.MSG_ID.localeCompare(b.MSG_ID),
    )
}

/** MSG_LIST_QRY: what the BOSS has to tell the household now (reminders, notices, a promotion). */
export const msgListQry: Service = {
  code: 'MSG_LIST_QRY',
  moneyMoving: false,
  handle(body, ctx) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const list = currentMessages(ctx.db, custId, ctx)
    return { UNREAD_COUNT: String(list.filter((m) => m.READ_FLAG === 'N').length), MSG_LIST: list }
  },
}

/** MSG_READ: mark one current message read; the first read time is kept. */
export const msgRead: Service = {
  code: 'MSG_READ',
  moneyMoving: false,
  handle(body, ctx) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const msgId = required(body, 'MSG_ID', MSG_ID)
    // Another household's message, or one whose event is over, is "not found" like a made-up id.
    const msg = currentMessages(ctx.db, custId, ctx).find((m) => m.MSG_ID === msgId)
    if (!msg) throw new BossError('2002', '消息不存在')
    ctx.db
      .prepare('INSERT INTO message_read (cust_id, msg_id, read_time) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(custId, msgId, formatTime(ctx.now))
    const row = ctx.db
      .prepare('SELECT read_time FROM message_read WHERE cust_id = ? AND msg_id = ?')
      .get(custId, msgId) as { read_time: string }
    return { ...msg, READ_FLAG: 'Y', READ_TIME: row.read_time }
  },
}
