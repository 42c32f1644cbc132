import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'

/** A box that resends a report after losing the answer must not open a second ticket or complaint. */
let stack: Stack
let token: string
let customerId: string
beforeAll(async () => {
  stack = await startStack({ bff: { outboxMaxDelaySeconds: 1 } })
  const sub = stack.bySubscriber('normal')
  customerId = sub.customerId
  token = await login(stack, sub)
})
afterAll(() => stack.close())

const counts = async () =>
  (await (await fetch(`${stack.bossUrl}/admin/tickets?customerId=${customerId}`)).json()) as {
    tickets: { count: number; serials: number; repeatedSerials: number }
    complaints: { count: number; serials: number; repeatedSerials: number }
  }

const post = (path: string, body: unknown, key?: string) =>
  api(stack, 'POST', path, { token, body, headers: key ? { 'Idempotency-Key': key } : {} })

describe('report POSTs carry an Idempotency-Key', () => {
  it('a ticket resent with the same key is one ticket at the BOSS, answered the same', async () => {
    const before = (await counts()).tickets.count
    const body = { category: 'remote', presetId: 'no-response' }
    const first = await post('/api/v1/tickets', body, 'resend-ticket-0001')
    const again = await post('/api/v1/tickets', body, 'resend-ticket-0001')
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body.ticketId).toBe(first.body.ticketId)
    expect(again.body.reference).toBe(first.body.reference)
    expect((await counts()).tickets.count).toBe(before + 1)
    // A new key is a new report.
    const other = await post('/api/v1/tickets', body, 'resend-ticket-0002')
    expect(other.body.ticketId).not.toBe(first.body.ticketId)
    expect((await counts()).tickets.count).toBe(before + 2)
  })

  it('concurrent resends of one ticket (answer lost mid-flight) still open one', async () => {
    const before = (await counts()).tickets.count
    const body = { category: 'picture', presetId: 'evenings' }
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('/api/v1/tickets', body, 'resend-ticket-burst')),
    )
    const ids = new Set(answers.map((a) => a.body.reference))
    expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 409)).toEqual([])
    expect(ids.size).toBe(1)
    expect((await counts()).tickets.count).toBe(before + 1)
  })

  it('a complaint resent with the same key is one complaint, not a repeat of itself', async () => {
    const before = (await counts()).complaints.count
    const body = { type: 'service', subjectId: 'hotline' }
    const first = await post('/api/v1/complaints', body, 'resend-complaint-01')
    const again = await post('/api/v1/complaints', body, 'resend-complaint-01')
    expect(first.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.body.repeatOf).toBeNull()
    expect((await counts()).complaints.count).toBe(before + 1)
  })

  it('refuses a report without a key, and a key reused for a different report', async () => {
    const before = await counts()
    expect((await post('/api/v1/tickets', { category: 'remote', presetId: 'no-response' })).status).toBe(400)
    expect((await post('/api/v1/complaints', { type: 'service', subjectId: 'hotline' })).status).toBe(400)
    const reused = await post(
      '/api/v1/tickets',
      { category: 'no-signal', presetId: 'all-channels' },
      'resend-ticket-0001',
    )
    expect(reused.status).toBe(422)
    const after = await counts()
    expect(after.tickets.count).toBe(before.tickets.count)
    expect(after.complaints.count).toBe(before.complaints.count)
  })
})
