import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'
import { Message, MessageListResponse } from '../../../src/contract/index.ts'
import { buildBff } from '../../../src/bff/app.ts'
import { routes } from '../../../src/contract/routes.ts'
import { api, bff, bossCall, login, loose, startStack, type Stack } from '../harness.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const day = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')

/**
 * Worked out from the stub's own tables, not through its services: households holding a live
 * fixed-period package whose last day is today or within 5 days, not extended and not also held
 * on auto-renewal.
 */
function expiringWithin5Days(): Set<string> {
  const db = new DatabaseSync(stack.bossDbPath, { readOnly: true })
  try {
    const rows = db
      .prepare(
        `SELECT DISTINCT s.cust_id FROM subscription s JOIN product p ON p.prod_id = s.prod_id
      WHERE p.prod_type = 'PKG' AND s.subs_status IN ('1', '2') AND s.auto_renew = 'N' AND s.exp_date BETWEEN ? AND ?
      AND NOT EXISTS (SELECT 1 FROM subscription o WHERE o.cust_id = s.cust_id AND o.prod_id = s.prod_id AND o.subs_id <> s.subs_id
        AND o.subs_status IN ('1', '2') AND (o.auto_renew = 'Y' OR o.exp_date > s.exp_date))`,
      )
      .all(day(0), day(5)) as Array<{ cust_id: string }>
    return new Set(rows.map((r) => r.cust_id))
  } finally {
    db.close()
  }
}

async function messagesOf(token: string): Promise<MessageListResponse> {
  const res = await api<MessageListResponse>(stack, 'GET', '/api/v1/messages', { token })
  expect(res.status).toBe(200)
  expect(schemaErrors(MessageListResponse, res.body)).toEqual([])
  return res.body
}

describe('expiry reminders', () => {
  it('go to exactly the households whose packages end within 5 days (every household, at the BOSS)', async () => {
    const all = (await (await fetch(`${stack.bossUrl}/admin/subscribers?limit=5000`)).json()) as Array<{
      customerId: string
    }>
    expect(all.length).toBeGreaterThan(1000)
    const expected = expiringWithin5Days()
    expect(expected.has('C00000007'), 'the expiring-soon demo household').toBe(true)
    expect(
      [...expected].some((c) => c > 'C00000009'),
      'some of the generated households too',
    ).toBe(true)
    const reminded = new Set<string>()
    for (const { customerId } of all) {
      const res = await bossCall(stack, 'MSG_LIST_QRY', { CUST_ID: customerId })
      expect(res.HEAD.RSP_CODE).toBe('0000')
      if ((res.BODY.MSG_LIST as Array<Record<string, string>>).some((m) => m.MSG_TYPE === '03'))
        reminded.add(customerId)
    }
    expect([...reminded].sort()).toEqual([...expected].sort())
  })

  it('go to exactly those households through the BFF too (demo households and a sample of others), with product, amount and period', async () => {
    const expected = expiringWithin5Days()
    const others = stack.subscribers.filter((s) => !s.demo)
    const sample = [
      ...stack.subscribers.filter((s) => s.demo),
      ...others.filter((s) => expected.has(s.customerId)).slice(0, 5),
      ...others.slice(0, 15),
    ]
    for (const sub of sample) {
      const list = await messagesOf(await login(stack, sub))
      const expiry = list.items.filter((m) => m.kind === 'expiry')
      expect(expiry.length > 0, sub.customerId).toBe(expected.has(sub.customerId))
      for (const m of expiry) {
        expect(m.product!.amountFen).toBeGreaterThan(0)
        expect(m.product!.periodMonths).toBeGreaterThanOrEqual(1)
        expect(m.product!.name.length).toBeGreaterThan(0)
        expect(m.action).toBe('renew')
        const exp = m.product!.expiresOn!.replace(/-/g, '')
        expect(exp >= day(0) && exp <= day(5)).toBe(true)
      }
    }
  })

  it('names the package, its renewal price and period for the expiring-soon household (体育包 in 3 days, not 影视包 in 6)', async () => {
    const list = await messagesOf(await login(stack, stack.bySubscriber('expiring-soon')))
    const expiry = list.items.filter((m) => m.kind === 'expiry')
    expect(expiry.map((m) => m.product!.productId)).toEqual(['P_SPORTS'])
    const subs = await bossCall(stack, 'SUBS_LIST_QRY', { CUST_ID: stack.bySubscriber('expiring-soon').customerId })
    const sports = (subs.BODY.SUBS_LIST as Array<Record<string, string>>).find((s) => s.PROD_ID === 'P_SPORTS')!
    expect(expiry[0].product!.periodMonths).toBe(Number(sports.PERIOD_MONTHS))
    const detail = await bossCall(stack, 'PROD_DETAIL_QRY', { PROD_ID: 'P_SPORTS' })
    const price = (detail.BODY.PRICE_LIST as Array<Record<string, string>>).find(
      (p) => p.PERIOD_MONTHS === sports.PERIOD_MONTHS,
    )!
    expect(expiry[0].product!.amountFen).toBe(Number(price.PRICE))
  })
})

describe('GET /api/v1/messages', () => {
  it('tells the arrears household what it owes and when service stops, as the boot notice, linking to top-up', async () => {
    const sub = stack.bySubscriber('arrears')
    const token = await login(stack, sub)
    const account = (await loose(bff(stack, routes.account, { token }))).body
    const list = await messagesOf(token)
    const arrears = list.items.filter((m) => m.kind === 'arrears')
    expect(arrears).toHaveLength(1)
    expect(arrears[0].arrears).toEqual({
      amountFen: account.arrearsFen,
      suspendOn: account.suspendOn,
      suspendedSince: null,
    })
    expect(arrears[0].action).toBe('topup')
    expect(list.items.filter((m) => m.bootNotice).map((m) => m.id)).toEqual([arrears[0].id])
    expect(list.items[0].id, 'most important first').toBe(arrears[0].id)
  })

  it('has no boot notice for a household in good standing', async () => {
    const list = await messagesOf(await login(stack, stack.bySubscriber('normal')))
    expect(list.items.some((m) => m.bootNotice)).toBe(false)
    expect(list.items.some((m) => m.kind === 'arrears' || m.kind === 'suspension')).toBe(false)
    expect(list.unreadCount).toBe(list.items.filter((m) => !m.read).length)
  })

  it('keeps the same ids from one query to the next', async () => {
    const token = await login(stack, stack.bySubscriber('suspended'))
    const a = await messagesOf(token)
    const b = await messagesOf(token)
    expect(b.items.map((m) => m.id)).toEqual(a.items.map((m) => m.id))
    expect(a.items.find((m) => m.kind === 'suspension')?.bootNotice).toBe(true)
  })
})

describe('POST /api/v1/messages/:id/read', () => {
  it('marks a message read; the list says so afterwards, the unread count drops, and the boot notice goes', async () => {
    const token = await login(stack, stack.bySubscriber('arrears'))
    const before = await messagesOf(token)
    const target = before.items.find((m) => m.bootNotice)!
    const res = await api<Message>(stack, 'POST', `/api/v1/messages/${target.id}/read`, { token, body: {} })
    expect(res.status).toBe(200)
    expect(schemaErrors(Message, res.body)).toEqual([])
    expect(res.body.read).toBe(true)
    const after = await messagesOf(token)
    expect(after.unreadCount).toBe(before.unreadCount - 1)
    expect(after.items.find((m) => m.id === target.id)!.read).toBe(true)
    expect(after.items.some((m) => m.bootNotice)).toBe(false)
    // Again: nothing changes, the first read time stays.
    const again = await api<Message>(stack, 'POST', `/api/v1/messages/${target.id}/read`, { token, body: {} })
    expect(again.status).toBe(200)
    expect(again.body.readAt).toBe(res.body.readAt)
    expect((await messagesOf(token)).unreadCount).toBe(after.unreadCount)
  })

  it('keeps read marks across a BFF restart', async () => {
    const sub = stack.bySubscriber('expiring-soon')
    const first = await messagesOf(await login(stack, sub))
    const target = first.items.find((m) => m.kind === 'expiry')!
    expect(target.read).toBe(false)
    expect(
      (await bff(stack, routes.readMessage, { token: await login(stack, sub), params: { messageId: target.id } }))
        .status,
    ).toBe(200)
    const second = await buildBff(
      { ...stack.config, storePath: `${stack.config.storePath}.restarted` },
      { logDestination: { write: () => true } },
    )
    await second.listen({ port: 0, host: '127.0.0.1' })
    try {
      const address = second.server.address()
      const restarted = { bffUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }
      const token = await login(restarted, sub)
      const res = await api<MessageListResponse>(restarted, 'GET', '/api/v1/messages', { token })
      expect(res.body.items.find((m) => m.id === target.id)!.read).toBe(true)
      expect(res.body.unreadCount).toBe(first.unreadCount - 1)
    } finally {
      await second.close()
    }
  })

  it('answers 400 for a malformed id and 404 for one that does not exist', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    for (const bad of ['a%20b', 'x'.repeat(65), '%E6%B6%88%E6%81%AF']) {
      const res = await api(stack, 'POST', `/api/v1/messages/${bad}/read`, { token, body: {} })
      expect(res.status, bad).toBe(400)
      expect(res.body.error.code).toBe('BAD_REQUEST')
    }
    const res = await loose(
      bff(stack, routes.readMessage, { token, params: { messageId: 'EXP-S9999999999-20990101' } }),
    )
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
  })

  it("answers 404 for another household's message and leaves it unread", async () => {
    const owner = stack.bySubscriber('suspended')
    const ownerToken = await login(stack, owner)
    const theirs = (await messagesOf(ownerToken)).items.find((m) => m.kind === 'suspension')!
    const res = await bff(stack, routes.readMessage, {
      token: await login(stack, stack.bySubscriber('normal')),
      params: { messageId: theirs.id },
    })
    expect(res.status).toBe(404)
    expect((await messagesOf(ownerToken)).items.find((m) => m.id === theirs.id)!.read).toBe(false)
  })

  it('answers 401 without a token', async () => {
    expect((await api(stack, 'GET', '/api/v1/messages')).status).toBe(401)
    expect((await api(stack, 'POST', '/api/v1/messages/NTC-N2001/read', { body: {} })).status).toBe(401)
  })
})
