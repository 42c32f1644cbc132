import { describe, expect, it } from 'vitest'
import type { TvHallApi } from '../../../src/app/lib/api.ts'
import { USAGE_EVENTS_PATH } from '../../../src/app/lib/usage.ts'
import { usage, watchApi } from '../../../src/app/lib/usageHall.ts'
import type { UsageBatch } from '../../../src/contract/usage.ts'

/** A client whose calls succeed with the given answers; what the recorder sends is kept aside. */
function fakeClient(answers: Record<string, unknown> = {}) {
  const batches: UsageBatch[] = []
  const answer = (path: string) => Promise.resolve(answers[path] ?? {})
  const client = {
    hasSession: () => true,
    placeOrder: () => Promise.resolve({ orderId: 'O1', status: 'active' }),
    post: (path: string, body: unknown) => {
      if (path === USAGE_EVENTS_PATH) batches.push(body as UsageBatch)
      return answer(path)
    },
    get: (path: string) => answer(path),
  } as unknown as TvHallApi
  return { client, batches }
}

const sentEvents = async (batches: UsageBatch[]) => {
  await usage().flush()
  return batches.flatMap((b) => b.events)
}

describe('flows finished where every page calls the BFF', () => {
  it('an order placed is the PIN step and the end of the order flow, for its product', async () => {
    const { client, batches } = fakeClient()
    const api = watchApi(client)
    usage().screen('order/:productId/:periodMonths', { productId: 'P_OPERA', periodMonths: '1' })
    await api.placeOrder({ productId: 'P_OPERA', periodMonths: 1, autoRenew: false, pin: '246810' }, 'key-1')
    const events = await sentEvents(batches)
    expect(events.filter((e) => e.flow === 'order').map((e) => `${e.outcome}:${e.step}:${e.product}`)).toEqual([
      'started:confirm:P_OPERA',
      'step:pin:P_OPERA',
      'finished:done:P_OPERA',
    ])
    expect(JSON.stringify(batches)).not.toContain('246810')
  })
  it('a ticket, a complaint, a rating and a paid top-up (card at once, QR when found paid, each once)', async () => {
    const paid = { topupId: 'T1', status: 'succeeded', method: 'qr', amountFen: 5000 }
    const { client, batches } = fakeClient({
      '/api/v1/topups/card': { topupId: 'T0', status: 'succeeded', method: 'card', amountFen: 10000 },
      '/api/v1/topups/T1': paid,
    })
    const api = watchApi(client)
    await api.post('/api/v1/tickets', { category: 'no-signal', contactPhone: '13800000000' })
    await api.post('/api/v1/complaints', { type: 'billing', subjectId: 'bill-wrong' })
    await api.post('/api/v1/tickets/TK1/rating', { stars: 5 })
    await api.post('/api/v1/topups/card', { cardNo: '8612345678901234', password: '99887766' }, { moneyMoving: true })
    await api.get('/api/v1/topups/T1')
    await api.get('/api/v1/topups/T1')
    const finished = (await sentEvents(batches)).filter((e) => e.outcome === 'finished')
    expect(finished.map((e) => [e.flow, e.category ?? e.method ?? null, e.amountFen ?? null])).toEqual([
      ['fault', 'no-signal', null],
      ['complaint', 'billing', null],
      ['rating', null, null],
      ['topup', 'card', 10000],
      ['topup', 'qr', 5000],
    ])
    const text = JSON.stringify(batches)
    for (const secret of ['13800000000', '8612345678901234', '99887766']) expect(text).not.toContain(secret)
  })
})
