import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { routes } from '../../contract/index.ts'
import { beijingToday } from '../time.ts'
import { notFound } from '../errors.ts'
import { markBootNotice } from '../messages/bootNotice.ts'
import type { BffServices } from '../services.ts'

const messageRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { messages } = s
  const today = () => beijingToday(s.now())

  app.get(routes.messages.path, { schema: routes.messages.schema }, async (request) => {
    const items = markBootNotice(await messages.list(request.customer.customerId), today())
    return { items, unreadCount: items.filter((m) => !m.read).length }
  })

  app.post(routes.readMessage.path, { schema: routes.readMessage.schema }, async (request) => {
    // Asked with the token's customer: another household's message is "not found", like a made-up one.
    const m = await messages.markRead(request.customer.customerId, request.params.messageId)
    if (!m) throw notFound('No such message for this household')
    return { ...m, bootNotice: false }
  })
}
export default messageRoutes
