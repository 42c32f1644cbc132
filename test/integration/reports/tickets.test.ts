import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes, type CreateTicketRequest } from '../../../src/contract/index.ts'
import { api, bff, login, loose, refusal, startStack, type Stack } from '../harness.ts'

let stack: Stack
let token: string
let other: string
beforeAll(async () => {
  stack = await startStack({ ticketSpeed: 1800, bff: { outboxMaxDelaySeconds: 1 } })
  token = await login(stack, stack.bySubscriber('low-balance'))
  other = await login(stack, stack.bySubscriber('big-household'))
})
afterAll(() => stack.close())

const counts = async (customerId?: string) =>
  (await (await fetch(`${stack.bossUrl}/admin/tickets${customerId ? `?customerId=${customerId}` : ''}`)).json()) as {
    tickets: { count: number; serials: number; repeatedSerials: number }
  }

/**
 * Calls through the client typed by the route table: a fault report without its Idempotency-Key, or a call without
 * the box's token, does not compile. Only the deliberately malformed reports below go out raw.
 */
const form = (as = token) => loose(bff(stack, routes.ticketForm, { token: as }))
const list = () => loose(bff(stack, routes.tickets, { token }))
const report = (body: CreateTicketRequest) =>
  loose(bff(stack, routes.createTicket, { token, idempotencyKey: randomUUID(), body }))
const ticket = (ticketId: string, as = token) => loose(bff(stack, routes.ticket, { token: as, params: { ticketId } }))
const cancel = (ticketId: string, as = token) =>
  loose(bff(stack, routes.cancelTicket, { token: as, params: { ticketId } }))
const rate = (ticketId: string, stars: number) =>
  loose(bff(stack, routes.rateTicket, { token, params: { ticketId }, body: { stars } }))

describe('repair tickets through the BFF', () => {
  it('offers categories, the masked phone and free slots; a ticket with a slot is registered at once (201)', async () => {
    const offered = await form()
    expect(offered.status).toBe(200)
    expect(offered.body.bossAvailable).toBe(true)
    expect(offered.body.contactPhoneMasked).toBe('159****0004')
    expect(offered.body.slots.length).toBeGreaterThan(0)
    const slot = offered.body.slots[0]
    const made = await report({ category: 'no-signal', presetId: 'all-channels', slotId: slot.slotId })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      status: 'acknowledged',
      category: 'no-signal',
      description: '所有频道都没有信号',
      appointment: { date: slot.date, period: slot.period },
      contactPhoneMasked: '159****0004',
    })
    // The BOSS keeps the preset's Chinese only; the hall gives it back in both languages for the English screen.
    expect(made.body.descriptionText).toEqual({ 'zh-CN': '所有频道都没有信号', en: 'No signal on every channel' })
    expect(made.body.reference).toMatch(/^RT[A-Z0-9]{12}$/)
    expect(made.body.ticketId).toMatch(/^T\d{11}$/)
    const byRef = await ticket(made.body.reference)
    expect(byRef.body.ticketId).toBe(made.body.ticketId)
    expect((await counts(stack.bySubscriber('low-balance').customerId)).tickets).toEqual({
      count: 1,
      serials: 1,
      repeatedSerials: 0,
    })
  })

  it('the timeline advances on its own, the ticket can be rated once resolved; cancel only while open', async () => {
    const made = await report({ category: 'remote', presetId: 'no-response', contactPhone: '13712345678' })
    expect(made.status).toBe(201)
    expect(made.body.contactPhoneMasked).toBe('137****5678')
    const id = made.body.ticketId
    expect((await rate(id, 5)).status).toBe(409)
    await new Promise((r) => setTimeout(r, 3300))
    const t = await ticket(id)
    expect(t.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'acknowledged',
      'dispatched',
      'on-site',
      'resolved',
    ])
    expect(t.body.timeline[3].note).toMatch(/维修人员/)
    expect(t.body.canRate).toBe(true)
    expect((await cancel(id)).status).toBe(409)
    const rated = await rate(id, 4)
    expect(rated.status).toBe(200)
    expect(rated.body).toMatchObject({ status: 'closed', rating: 4, canRate: false })

    const open = await report({ category: 'picture', presetId: 'evenings' })
    const cancelled = await cancel(open.body.reference)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    const mine = await list()
    expect(mine.body.items.map((x: { reference: string }) => x.reference)).toEqual([
      open.body.reference,
      made.body.reference,
      expect.any(String),
    ])
    expect(mine.body.items[0].descriptionText).toEqual({ 'zh-CN': '晚上经常卡顿', en: 'Freezes often in the evening' })
    // The demo household's ticket was opened at the counter: the BOSS's own words, in no other language.
    const demo = await loose(bff(stack, routes.tickets, { token: await login(stack, stack.bySubscriber('normal')) }))
    expect(demo.body.items[0]).toMatchObject({ description: expect.stringMatching(/\S/), descriptionText: null })
  })

  it("refuses bad input with a 4xx and stores nothing; another household's ticket is 404", async () => {
    const cust = stack.bySubscriber('low-balance').customerId
    const before = (await counts(cust)).tickets.count
    const mine = (await list()).body.items[0]
    const othersForm = await form(other)
    // Malformed on purpose (the typed client would not let them through): sent raw.
    const bad: Array<[unknown, number, RegExp]> = [
      [{ category: 'plumbing', presetId: 'all-channels' }, 400, /category/],
      [{ category: 'no-signal', presetId: 'made-up' }, 400, /presetId/],
      [{ category: 'no-signal', presetId: 'all-channels', contactPhone: '12345' }, 400, /contactPhone/],
      [{ category: 'no-signal', presetId: 'all-channels', slotId: 'SL20200101320102AM' }, 400, /past/],
      [
        { category: 'no-signal', presetId: 'all-channels', slotId: othersForm.body.slots[0].slotId },
        400,
        /not offered/,
      ],
      [{ category: 'no-signal', presetId: 'all-channels', note: 'free text' }, 400, /note/],
    ]
    for (const [body, status, message] of bad) {
      const res = await api(stack, 'POST', routes.createTicket.path, {
        headers: { 'Idempotency-Key': randomUUID() },
        token,
        body,
      })
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.body.error.message).toMatch(message)
    }
    expect((await ticket(mine.ticketId, other)).status).toBe(404)
    expect((await cancel(mine.ticketId, other)).status).toBe(404)
    expect((await counts(cust)).tickets.count).toBe(before)
    expect((await list()).body.items).toHaveLength(3)
  })

  it('a report without its Idempotency-Key or a call without a token does not compile; sent anyway, 400 and 401', async () => {
    // @ts-expect-error idempotencyKey is required by routes.createTicket (the document's Idempotency-Key header)
    const keyless = await bff(stack, routes.createTicket, {
      token,
      body: { category: 'remote', presetId: 'no-response' },
    })
    expect(refusal(keyless)).toEqual([400, 'BAD_REQUEST'])
    // @ts-expect-error token is required by routes.tickets (a box's bearer token)
    expect(refusal(await bff(stack, routes.tickets, {}))).toEqual([401, 'UNAUTHORIZED'])
  })
})
