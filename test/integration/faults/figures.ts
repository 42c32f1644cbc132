import { randomUUID } from 'node:crypto'
import { api, type Stack } from '../harness.ts'
import { stats } from '../orders/helpers.ts'

/** What the boss-stub counts, for the fault table in RESULTS.md. */
export const ticketCounts = async (stack: Pick<Stack, 'bossUrl'>) =>
  (
    (await (await fetch(`${stack.bossUrl}/admin/tickets`)).json()) as {
      tickets: { count: number; serials: number; repeatedSerials: number }
    }
  ).tickets

/** Orders or charges the stub holds more than once under one reference (must stay 0). */
export async function duplicates(stack: Stack): Promise<{ orders: number; charges: number }> {
  const s = await stats(stack)
  return {
    orders: Object.values(s.orders.byOrderNo).filter((n) => n > 1).length,
    charges: Object.values(s.charges.byRef).filter((c) => c.count > 1).length,
  }
}

export const ticket = (stack: Pick<Stack, 'bffUrl'>, token: string) =>
  api(stack, 'POST', '/api/v1/tickets', {
    token,
    headers: { 'Idempotency-Key': randomUUID() },
    body: { category: 'picture', presetId: 'some-channels' },
  })

export async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('condition not met in time')
}

/** Figures each test reports; printed once at the end for RESULTS.md. */
export const figures: Record<string, Record<string, unknown>> = {}
