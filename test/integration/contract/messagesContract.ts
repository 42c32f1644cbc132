import { describe, expect, it } from 'vitest'
import { Message, MessageListResponse, MessagePath, ServiceInfo, ServiceInfoPath } from '../../../src/contract/index.ts'
import { expectError, expectOk, openSession, send, type ContractTarget } from './contractClient.ts'

const readPath = (id: string) => MessagePath.read.replace(':messageId', id)
const post = (t: ContractTarget, path: string, token?: string) =>
  send(t, path, { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body: '{}' })

/** The message centre and the service information, the same against the mocks and the real BFF. */
export function describeMessagesContract(getTarget: () => ContractTarget): void {
  describe('messages', () => {
    it('answers 401 without a token', async () => {
      expectError(await send(getTarget(), MessagePath.messages), 401, 'UNAUTHORIZED', 'messages without token')
      expectError(await post(getTarget(), readPath('NTC-N2001')), 401, 'UNAUTHORIZED', 'read without token')
    })

    it('lists messages most important first, counts the unread, and marks at most one boot notice', async () => {
      const t = getTarget()
      const res = await send(t, MessagePath.messages, { token: await openSession(t) })
      expectOk(MessageListResponse, res, 'messages')
      const list = res.body as MessageListResponse
      expect(list.items.length, 'a household in good standing has notices').toBeGreaterThan(0)
      expect(list.unreadCount).toBe(list.items.filter((m) => !m.read).length)
      const priorities = list.items.map((m) => m.priority)
      expect(priorities).toEqual([...priorities].sort((a, b) => a - b))
      expect(list.items.filter((m) => m.bootNotice).length).toBeLessThanOrEqual(1)
      for (const m of list.items.filter((x) => x.bootNotice))
        expect(['arrears', 'suspension', 'expiry']).toContain(m.kind)
      for (const m of list.items) if (m.kind === 'notice' || m.kind === 'promotion') expect(m.text, m.id).toBeDefined()
    })

    it('marks a message read: the answer and the next list say so, and the unread count drops by one', async () => {
      const t = getTarget()
      const token = await openSession(t)
      const before = (await send(t, MessagePath.messages, { token })).body as MessageListResponse
      const target = before.items.find((m) => !m.read) ?? before.items[0]
      const res = await post(t, readPath(target.id), token)
      expectOk(Message, res, 'read')
      expect((res.body as Message).read).toBe(true)
      expect((res.body as Message).bootNotice).toBe(false)
      const after = (await send(t, MessagePath.messages, { token })).body as MessageListResponse
      expect(after.items.find((m) => m.id === target.id)!.read).toBe(true)
      expect(after.unreadCount).toBe(before.unreadCount - (target.read ? 0 : 1))
    })

    it("answers 400 for a malformed id and 404 for an unknown or another household's one", async () => {
      const t = getTarget()
      const token = await openSession(t)
      expectError(await post(t, readPath('a%20b'), token), 400, 'BAD_REQUEST', 'malformed id')
      expectError(await post(t, readPath('x'.repeat(65)), token), 400, 'BAD_REQUEST', 'long id')
      expectError(await post(t, readPath('EXP-S9999999999-20990101'), token), 404, 'NOT_FOUND', 'unknown id')
      if (t.devices[1]) {
        const mine = ((await send(t, MessagePath.messages, { token })).body as MessageListResponse).items.map(
          (m) => m.id,
        )
        const theirs = (
          (await send(t, MessagePath.messages, { token: await openSession(t, t.devices[1]) }))
            .body as MessageListResponse
        ).items
        const only = theirs.find((m) => !mine.includes(m.id))
        if (only) expectError(await post(t, readPath(only.id), token), 404, 'NOT_FOUND', "another household's message")
      }
    })

    it('answers 503 while the BOSS is down', async (ctx) => {
      const t = getTarget()
      if (!t.setBossDown) return ctx.skip()
      const token = await openSession(t)
      await t.setBossDown(true)
      try {
        expectError(await send(t, MessagePath.messages, { token }), 503, 'BOSS_UNAVAILABLE', 'messages, BOSS down')
      } finally {
        await t.setBossDown(false)
      }
    })
  })

  describe('service information', () => {
    it('serves the FAQ, service points and hotline in both languages, without a token', async () => {
      const res = await send(getTarget(), ServiceInfoPath.serviceInfo)
      expectOk(ServiceInfo, res, 'service info')
      const info = res.body as ServiceInfo
      expect(info.faqTopics.length).toBeGreaterThanOrEqual(5)
      expect(info.servicePoints.length).toBeGreaterThan(0)
      expect(info.hotline.number.length).toBeGreaterThan(0)
    })
  })
}
