import { MessagePath } from '../apiPath.ts'
import { Message, MessageIdParams, MessageListResponse } from '../messages.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Messages: the household's reminders and notices. Part of the one route table (../routes.ts). */
export const messagesRoutes = {
  messages: route('messages', {
    method: 'GET',
    path: MessagePath.messages,
    tag: 'messages',
    ...household,
    summary:
      "The household's messages (reminders, notices, a promotion), most important first; at most one is the boot notice",
    responses: { 200: MessageListResponse },
  }),
  readMessage: route('readMessage', {
    method: 'POST',
    path: MessagePath.read,
    tag: 'messages',
    ...household,
    summary: 'Mark one message read (repeating it changes nothing)',
    params: MessageIdParams,
    responses: { 200: Message, 404: E },
  }),
} as const
