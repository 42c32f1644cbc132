import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../harness.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ bff: { outboxMaxDelaySeconds: 1 } })
})
afterAll(() => stack.close())

const stats = async () =>
  (await (await fetch(`${stack.bossUrl}/admin/stats`)).json()) as { results: Record<string, Record<string, number>> }
const counts = async () =>
  (await (await fetch(`${stack.bossUrl}/admin/tickets`)).json()) as {
    tickets: { count: number; serials: number; repeatedSerials: number }
    complaints: { count: number; serials: number; repeatedSerials: number }
  }

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('condition not met in time')
}

describe('nothing is lost while the BOSS is down', () => {
  it('accepts 200 tickets while the BOSS is down (202 pending), then delivers each exactly once', async () => {
    const subs = stack.subscribers.filter((s) => s.scenario !== 'new').slice(0, 4)
    const tokens = await Promise.all(subs.map((s) => login(stack, s)))
    const before = await counts()
    await stack.setFaults({ down: true })
    const refs: string[] = []
    for (let i = 0; i < 200; i += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          api(stack, 'POST', '/api/v1/tickets', {
            headers: { 'Idempotency-Key': randomUUID() },
            token: tokens[(i + j) % 4],
            body: { category: 'picture', presetId: 'some-channels' },
          }),
        ),
      )
      for (const a of answers) {
        expect(a.status).toBe(202)
        expect(a.body).toMatchObject({ status: 'pending', ticketId: null })
        refs.push(a.body.reference)
      }
    }
    expect(new Set(refs).size).toBe(200)
    const list = await api(stack, 'GET', '/api/v1/tickets', { token: tokens[0] })
    expect(list.body.bossAvailable).toBe(false)
    expect(list.body.items.filter((t: { status: string }) => t.status === 'pending')).toHaveLength(50)
    expect((await counts()).tickets.count).toBe(before.tickets.count)

    await stack.resetFaults()
    await until(async () => (await counts()).tickets.count - before.tickets.count >= 200, 25_000)
    await new Promise((r) => setTimeout(r, 1500)) // a duplicate would show up now
    const after = await counts()
    expect(after.tickets.count - before.tickets.count).toBe(200)
    expect(after.tickets.serials - before.tickets.serials).toBe(200)
    expect(after.tickets.repeatedSerials - before.tickets.repeatedSerials).toBe(0)
    expect((await stats()).results.TICKET_CREATE['0000']).toBe(200)
    const delivered = await api(stack, 'GET', '/api/v1/tickets', { token: tokens[0] })
    expect(delivered.body.bossAvailable).toBe(true)
    const mine = delivered.body.items.filter((t: { reference: string }) => refs.includes(t.reference))
    expect(mine).toHaveLength(50)
    expect(
      mine.every((t: { status: string; ticketId: string }) => t.status !== 'pending' && /^T\d+$/.test(t.ticketId)),
    ).toBe(true)
  })

  it('a create that timed out is looked up by serial before it is sent again', async () => {
    const sub = stack.bySubscriber('arrears')
    const token = await login(stack, sub)
    const before = await counts()
    // Commit, then never answer: the BFF cannot know the ticket exists.
    await stack.setFaults({ commitThenTimeout: true, holdMs: 5000, services: ['TICKET_CREATE'] })
    const made = await api(stack, 'POST', '/api/v1/tickets', {
      headers: { 'Idempotency-Key': randomUUID() },
      token,
      body: { category: 'remote', presetId: 'some-keys' },
    })
    expect(made.status).toBe(202)
    await stack.resetFaults()
    await until(async () => {
      const t = await api(stack, 'GET', `/api/v1/tickets/${made.body.reference}`, { token })
      return t.body.status === 'acknowledged'
    }, 20_000)
    const after = await counts()
    expect(after.tickets.count - before.tickets.count).toBe(1)
    expect(after.tickets.repeatedSerials - before.tickets.repeatedSerials).toBe(0)
    expect((await stats()).results.TICKET_QRY?.['0000'] ?? 0).toBeGreaterThanOrEqual(1)
  })
})
