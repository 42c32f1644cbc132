import { Type, type Static } from '@sinclair/typebox'
import { Fen, IsoDate, IsoDateTime } from './common.ts'
import { LocalText } from './selfhelp.ts'
import { TicketStatus } from './tickets.ts'

/**
 * 主动服务: what the operator tells the household before it asks. Messages are structured, not
 * pre-written: the TV words them in the viewer's language from these fields (the operator's own
 * notices and promotions carry their texts in both languages).
 */
export const MessageKind = Type.Union([
  Type.Literal('arrears'), // 欠费提醒
  Type.Literal('suspension'), // 欠费停机
  Type.Literal('expiry'), // 到期提醒: a fixed-period package ends within 5 days
  Type.Literal('ticket'), // 工单进展
  Type.Literal('notice'), // operator notice: maintenance, outage in the area
  Type.Literal('promotion'),
])
export type MessageKind = Static<typeof MessageKind>

/** The screen that acts on a message: top up, renew (order again), the repair tickets, the packages. */
export const MessageAction = Type.Union([
  Type.Literal('topup'),
  Type.Literal('renew'),
  Type.Literal('tickets'),
  Type.Literal('packages'),
])
export type MessageAction = Static<typeof MessageAction>

export const Message = Type.Object({
  /** Stable per event (this arrears episode, this package's expiry day...): read marks stick to it. */
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  kind: MessageKind,
  /** 1 is most important (suspension), larger is less. The list comes sorted by it, then newest first. */
  priority: Type.Integer({ minimum: 1, maximum: 9 }),
  createdAt: IsoDateTime,
  read: Type.Boolean(),
  readAt: Type.Union([IsoDateTime, Type.Null()]),
  /** At most one message of a list: the one the box shows as a dialog on start (most important unread of arrears, suspension, expiring today). */
  bootNotice: Type.Boolean(),
  action: Type.Union([MessageAction, Type.Null()]),
  /** arrears, suspension */
  arrears: Type.Optional(
    Type.Object({
      amountFen: Type.Integer({ minimum: 0 }),
      suspendOn: Type.Union([IsoDate, Type.Null()]),
      suspendedSince: Type.Union([IsoDateTime, Type.Null()]),
    }),
  ),
  /** expiry (renewal price for the same period, as the regulator asks), promotion (offer price) */
  product: Type.Optional(
    Type.Object({
      productId: Type.String(),
      name: Type.String(),
      amountFen: Fen,
      periodMonths: Type.Integer({ minimum: 1 }),
      expiresOn: Type.Union([IsoDate, Type.Null()]),
    }),
  ),
  /** ticket */
  ticket: Type.Optional(Type.Object({ ticketId: Type.String(), status: TicketStatus })),
  /** notice, promotion: the operator's own words */
  text: Type.Optional(Type.Object({ title: LocalText, body: LocalText })),
  /** notice: when it applies */
  window: Type.Optional(Type.Object({ from: IsoDateTime, until: IsoDateTime })),
})
export type Message = Static<typeof Message>

export const MessageListResponse = Type.Object({
  items: Type.Array(Message),
  unreadCount: Type.Integer({ minimum: 0 }),
})
export type MessageListResponse = Static<typeof MessageListResponse>

export const MessageIdParams = Type.Object(
  {
    messageId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  },
  { additionalProperties: false },
)
export type MessageIdParams = Static<typeof MessageIdParams>
