import { describe, expect, it } from 'vitest'
import pino from 'pino'
import { backoffSeconds, OutboxDeliverer, type DeliveryOutcome } from '../../../src/bff/outbox/deliverer.ts'
import { SqliteStore } from '../../../src/bff/store/sqliteStore.ts'

const quiet = pino({ level: 'silent' })

describe('outbox store and deliverer', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffSeconds(1, 0.5, 60, () => 1)).toBe(0.5)
    expect(backoffSeconds(4, 0.5, 60, () => 1)).toBe(4)
    expect(backoffSeconds(20, 0.5, 60, () => 1)).toBe(60)
    expect(backoffSeconds(20, 0.5, 60, () => 0)).toBe(30)
  })

  it('lists pending messages by owner and keeps expiring values', async () => {
    let now = 1_000_000
    const store = new SqliteStore(':memory:', { now: () => now })
    await store.enqueue('ticket', { n: 1 }, 'C1')
    await store.enqueue('ticket', { n: 2 }, 'C2')
    await store.enqueue('complaint', { n: 3 }, 'C1')
    expect((await store.pending('ticket', 'C1')).map((m) => m.payload)).toEqual([{ n: 1 }])
    await store.putValue('k', 'v', 10)
    expect(await store.getValue('k')).toBe('v')
    now += 10_001
    expect(await store.getValue('k')).toBeNull()
    await store.close()
  })

  it('retries after a failure, removes on success, and stop() leaves undelivered messages in place', async () => {
    const store = new SqliteStore(':memory:')
    const outcomes: DeliveryOutcome[] = [
      { kind: 'retry', reason: 'down', stopBatch: true },
      { kind: 'done', result: 'T1' },
    ]
    const seen: number[] = []
    const d = new OutboxDeliverer({
      store,
      logger: quiet,
      maxDelaySeconds: 0.05,
      baseDelaySeconds: 0.01,
      idleMs: 20,
      handlers: {
        ticket: async (m) => (
          seen.push(m.attempts),
          outcomes.shift() ?? { kind: 'retry', reason: 'x', stopBatch: true }
        ),
      },
    })
    d.start()
    const id = await store.enqueue('ticket', {}, 'C1')
    const firstTry = await d.waitFor(id, 1000)
    expect(firstTry).toEqual({ delivered: false })
    const second = await d.waitFor(id, 1000)
    expect(second).toEqual({ delivered: true, result: 'T1' })
    expect(seen).toEqual([1, 2])
    expect(await store.pending('ticket', 'C1')).toEqual([])
    await d.stop()
    const later = await store.enqueue('ticket', {}, 'C1')
    expect(await d.waitFor(later, 50)).toEqual({ delivered: false })
    expect((await store.pending('ticket', 'C1')).map((m) => m.id)).toEqual([later])
    await store.close()
  })
})
