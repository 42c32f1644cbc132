import { http, HttpResponse, type HttpHandler } from 'msw'
import { Value } from '@sinclair/typebox/value'
import {
  MessageIdParams,
  MessagePath,
  ServiceInfoPath,
  type Account,
  type Message,
  type MessageListResponse,
} from '../src/contract/index.ts'
import serviceInfoJson from '../src/bff/data/service-info.json' with { type: 'json' }
import { badRequest, bossUnavailable, notFound } from './errors.ts'
import type { MockDemoDevice } from './fixtures/households.ts'
import { mockMessages } from './fixtures/messages.ts'
import { beijingDate } from './fixtures/time.ts'
import { householdRoute, type ReportMockContext } from './reports.ts'

const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'

/** The BFF's own content file: the mocks show exactly what the operator edited. */
export const mockServiceInfo = serviceInfoJson

export interface MessageMockContext extends ReportMockContext {
  account: (device: MockDemoDevice) => Account
}

/**
 * The message centre as the BFF answers it. Read marks live in memory for the handler set's life
 * (per box), so a preview can open a message and see the badge go down; the boot notice follows the
 * BFF's rule (most important unread of suspension, arrears, expiring today).
 */
export function createMessageHandlers(ctx: MessageMockContext): HttpHandler[] {
  const { at, now } = ctx
  const reads = new Map<string, string>()
  const key = (device: MockDemoDevice, id: string) => `${device.deviceId}/${id}`

  const listFor = (device: MockDemoDevice): Message[] => {
    const today = beijingDate(now())
    let boot: string | null = null
    const items = mockMessages(ctx.account(device), now()).map((m) => {
      const readAt = reads.get(key(device, m.id)) ?? null
      const urgent =
        readAt === null &&
        (m.kind === 'suspension' || m.kind === 'arrears' || (m.kind === 'expiry' && m.product?.expiresOn === today))
      if (urgent && boot === null) boot = m.id
      return { ...m, read: readAt !== null, readAt }
    })
    return items.map((m) => ({ ...m, bootNotice: m.id === boot }))
  }

  // Messages come from the BOSS: with it down they are not there, as on the BFF.
  const household = householdRoute(ctx)
  const route = (answer: Parameters<typeof household>[0]) =>
    household((a) => (ctx.scenario.bossDown ? bossUnavailable() : answer(a)))

  return [
    http.get(
      at(MessagePath.messages),
      route(({ device }) => {
        const items = listFor(device)
        const body: MessageListResponse = { items, unreadCount: items.filter((m) => !m.read).length }
        return HttpResponse.json(body)
      }),
    ),
    http.post(
      at(MessagePath.read),
      route(({ params, device }) => {
        const p = { messageId: params.messageId }
        if (!Value.Check(MessageIdParams, p)) return badRequest('params.messageId has the wrong format')
        const found = listFor(device).find((m) => m.id === p.messageId)
        if (!found) return notFound('No such message for this household')
        if (!reads.has(key(device, found.id))) reads.set(key(device, found.id), iso(now()))
        const body: Message = {
          ...found,
          read: true,
          readAt: reads.get(key(device, found.id)) ?? null,
          bootNotice: false,
        }
        return HttpResponse.json(body)
      }),
    ),
    // Content, not household data: no token, and it stays up when the BOSS is down, as on the BFF.
    http.get(at(ServiceInfoPath.serviceInfo), async () => {
      await ctx.wait()
      return HttpResponse.json(mockServiceInfo)
    }),
  ]
}
