import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody, Message, MessageIdParams, MessageListResponse, MessagePath } from '../../contract/index.ts'
import { beijingToday } from '../time.ts'
import { notFound } from '../errors.ts'
import { markBootNotice } from '../messages/bootNotice.ts'
import type { BffServices } from '../services.ts'

const errors = { 401: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

const messageRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { messages } = s
  const today = () => beijingToday(s.now())

  app.get(
    MessagePath.messages,
    {
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

  app.post(
    MessagePath.read,
    {
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
export default messageRoutes
