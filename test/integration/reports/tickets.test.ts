import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'

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

describe('repair tickets through the BFF', () => {
  it('offers categories, the masked phone and free slots; a ticket with a slot is registered at once (201)', async () => {
    const form = await api(stack, 'GET', '/api/v1/tickets/form', { token })
    expect(form.status).toBe(200)
    expect(form.body.bossAvailable).toBe(true)
    expect(form.body.contactPhoneMasked).toBe('159****0004')
    expect(form.body.slots.length).toBeGreaterThan(0)
    const slot = form.body.slots[0]
    const made = await api(stack, 'POST', '/api/v1/tickets', {
      headers: { 'Idempotency-Key': randomUUID() },
      token,
      body: { category: 'no-signal', presetId: 'all-channels', slotId: slot.slotId },
    })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      status: 'acknowledged',
      category: 'no-signal',
      description: '所有频道都没有信号',
      appointment: { date: slot.date, period: slot.period },
      contactPhoneMasked: '159****0004',
    })
    expect(made.body.reference).toMatch(/^RT[A-Z0-9]{12}$/)
    expect(made.body.ticketId).toMatch(/^T\d{11}$/)
    const byRef = await api(stack, 'GET', `/api/v1/tickets/${made.body.reference}`, { token })
    expect(byRef.body.ticketId).toBe(made.body.ticketId)
    expect((await counts(stack.bySubscriber('low-balance').customerId)).tickets).toEqual({
      count: 1,
      serials: 1,
      repeatedSerials: 0,
    })
  })

  it('the timeline advances on its own, the ticket can be rated once resolved; cancel only while open', async () => {
    const made = await api(stack, 'POST', '/api/v1/tickets', {
      headers: { 'Idempotency-Key': randomUUID() },
      token,
      body: { category: 'remote', presetId: 'no-response', contactPhone: '13712345678' },
    })
    expect(made.status).toBe(201)
    expect(made.body.contactPhoneMasked).toBe('137****5678')
    const id = made.body.ticketId
    expect((await api(stack, 'POST', `/api/v1/tickets/${id}/rating`, { token, body: { stars: 5 } })).status).toBe(409)
    await new Promise((r) => setTimeout(r, 3300))
    const t = await api(stack, 'GET', `/api/v1/tickets/${id}`, { token })
    expect(t.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'acknowledged',
      'dispatched',
      'on-site',
      'resolved',
    ])
    expect(t.body.timeline[3].note).toMatch(/维修人员/)
    expect(t.body.canRate).toBe(true)
    expect((await api(stack, 'POST', `/api/v1/tickets/${id}/cancel`, { token })).status).toBe(409)
    const rated = await api(stack, 'POST', `/api/v1/tickets/${id}/rating`, { token, body: { stars: 4 } })
    expect(rated.status).toBe(200)
    expect(rated.body).toMatchObject({ status: 'closed', rating: 4, canRate: false })

    const open = await api(stack, 'POST', '/api/v1/tickets', {
      headers: { 'Idempotency-Key': randomUUID() },
      token,
      body: { category: 'picture', presetId: 'evenings' },
    })
    const cancelled = await api(stack, 'POST', `/api/v1/tickets/${open.body.reference}/cancel`, { token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    const list = await api(stack, 'GET', '/api/v1/tickets', { token })
    expect(list.body.items.map((x: { reference: string }) => x.reference)).toEqual([
      open.body.reference,
      made.body.reference,
      expect.any(String),
    ])
  })

  it("refuses bad input with a 4xx and stores nothing; another household's ticket is 404", async () => {
    const cust = stack.bySubscriber('low-balance').customerId
    const before = (await counts(cust)).tickets.count
    const mine = (await api(stack, 'GET', '/api/v1/tickets', { token })).body.items[0]
    const form = await api(stack, 'GET', '/api/v1/tickets/form', { token: other })
    const bad: Array<[unknown, number, RegExp]> = [
      [{ category: 'plumbing', presetId: 'all-channels' }, 400, /category/],
      [{ category: 'no-signal', presetId: 'made-up' }, 400, /presetId/],
      [{ category: 'no-signal', presetId: 'all-channels', contactPhone: '12345' }, 400, /contactPhone/],
      [{ category: 'no-signal', presetId: 'all-channels', slotId: 'SL20200101320102AM' }, 400, /past/],
      [{ category: 'no-signal', presetId: 'all-channels', slotId: form.body.slots[0].slotId }, 400, /not offered/],
      [{ category: 'no-signal', presetId: 'all-channels', note: 'free text' }, 400, /note/],
    ]
    for (const [body, status, message] of bad) {
      const res = await api(stack, 'POST', '/api/v1/tickets', {
        headers: { 'Idempotency-Key': randomUUID() },
        token,
        body,
      })
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.body.error.message).toMatch(message)
    }
    expect((await api(stack, 'GET', `/api/v1/tickets/${mine.ticketId}`, { token: other })).status).toBe(404)
    expect((await api(stack, 'POST', `/api/v1/tickets/${mine.ticketId}/cancel`, { token: other })).status).toBe(404)
    expect((await counts(cust)).tickets.count).toBe(before)
    expect((await api(stack, 'GET', '/api/v1/tickets', { token })).body.items).toHaveLength(3)
  })
})
