import type { FastifyInstance } from 'fastify'
import { ErrorBody, Message, MessageIdParams, MessageListResponse, MessagePath } from '../../contract/index.ts'
import { bossMessageAdapter } from '../boss/bossMessageAdapter.ts'
import { toIsoBeijing } from '../boss/bossFormat.ts'
import { notFound } from '../errors.ts'
import { markBootNotice } from '../messages/bootNotice.ts'
import type { BffServices } from '../services.ts'

const errors = { 401: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

export default async function messageRoutes(app: FastifyInstance, s: BffServices) {
  const messages = bossMessageAdapter(s.boss)
  const today = () => toIsoBeijing(s.now()).slice(0, 10)

  app.get<{ Reply: MessageListResponse | ErrorBody }>(
    MessagePath.messages,
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['messages'],
        summary: "The household's messages (reminders, notices, a promotion), most important first; at most one is the boot notice",
        security: [{ bearer: [] }],
        response: { 200: MessageListResponse, ...errors },
      },
    },
    async (request) => {
      const items = markBootNotice(await messages.list(request.customer.customerId), today())
      return { items, unreadCount: items.filter((m) => !m.read).length }
    },
  )

  app.post<{ Params: MessageIdParams; Reply: Message | ErrorBody }>(
    MessagePath.read,
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['messages'],
        summary: 'Mark one message read (repeating it changes nothing)',
        security: [{ bearer: [] }],
        params: MessageIdParams,
        response: { 200: Message, 400: ErrorBody, 404: ErrorBody, ...errors },
      },
    },
    async (request) => {
      // Asked with the token's customer: another household's message is "not found", like a made-up one.
      const m = await messages.markRead(request.customer.customerId, request.params.messageId)
      if (!m) throw notFound('No such message for this household')
      return { ...m, bootNotice: false }
    },
  )
}
