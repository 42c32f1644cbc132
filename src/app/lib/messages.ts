/**
 * The message centre's calls and the box's own memory of boot notices it has shown, so the same event
 * never interrupts the viewer twice (also after a reload, and before the BFF has heard of the read).
 */
import { MessagePath as PATH, pathOf } from '../../contract/apiPath.ts'
import type { Message, MessageListResponse } from '../../contract/index.ts'
import { api } from './backend.ts'

const SHOWN_KEY = 'tvhall.bootNoticesShown'
/** Enough for years of notices; the oldest are forgotten first. */
const MAX_REMEMBERED = 50

/** The last list fetched: the detail screen opens from it without another round trip. */
let last: MessageListResponse | null = null

export function getMessages(): Promise<MessageListResponse> {
  return api()
    .get<MessageListResponse>(PATH.messages)
    .then((list) => {
      last = list
      return list
    })
}

export function cachedMessage(id: string): Message | null {
  if (!last) return null
  for (const m of last.items) if (m.id === id) return m
  return null
}

export function markRead(id: string): Promise<Message> {
  return api()
    .post<Message>(pathOf(PATH.read, { messageId: id }), {})
    .then((m) => {
      if (last) {
        const wasUnread = last.items.some((x) => x.id === id && !x.read)
        last = {
          items: last.items.map((x) => (x.id === id ? { ...x, read: true, readAt: m.readAt, bootNotice: false } : x)),
          unreadCount: last.unreadCount - (wasUnread ? 1 : 0),
        }
      }
      return m
    })
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null // storage disabled on some boxes: the BFF's read mark still prevents a repeat
  }
}

export function shownBootNotices(): string[] {
  const s = storage()
  try {
    const v: unknown = s ? JSON.parse(s.getItem(SHOWN_KEY) || '[]') : []
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export function rememberBootNotice(id: string): void {
  const s = storage()
  if (!s) return
  const ids = shownBootNotices().filter((x) => x !== id)
  ids.push(id)
  try {
    s.setItem(SHOWN_KEY, JSON.stringify(ids.slice(-MAX_REMEMBERED)))
  } catch {
    // full or disabled storage: nothing else to do
  }
}
