import { describe, expect, it } from 'vitest'
import { acceptBatch } from '../../../../src/bff/analytics/accept.ts'
import { pseudonymizer } from '../../../../src/bff/analytics/household.ts'
import type { UsageBatch } from '../../../../src/contract/usage.ts'

const now = new Date('2026-12-01T12:00:00Z')
const who = { customerId: 'C1001', regionCode: 'GZ01' }
const batch = (events: UsageBatch['events'], sentAt = now.toISOString()): UsageBatch => ({
  batchId: 'batch0001',
  session: 'session01',
  sentAt,
  events,
})
const ev = (at: string, more: Partial<UsageBatch['events'][number]> = {}) => ({
  id: `e${Math.random().toString(36).slice(2, 12)}`,
  at,
  type: 'screen' as const,
  screen: 'home',
  ...more,
})

describe('acceptBatch', () => {
  it('moves every event by the box clock error (now - sentAt)', () => {
    // The box's clock is 2 hours behind: its 09:59 is our 11:59.
    const r = acceptBatch(batch([ev('2026-12-01T09:59:00Z')], '2026-12-01T10:00:00Z'), who, now, pseudonymizer('k'))
    expect(r.ok && r.batch.events[0].at).toBe('2026-12-01T11:59:00.000Z')
  })
  it('drops events from the future or older than a week, keeps the rest', () => {
    const r = acceptBatch(
      batch([ev('2026-12-01T12:05:00Z'), ev('2026-11-20T12:00:00Z'), ev('2026-12-01T11:00:00Z')]),
      who,
      now,
      pseudonymizer('k'),
    )
    expect(r.ok && r.batch.events.map((e) => e.at)).toEqual(['2026-12-01T11:00:00.000Z'])
  })
  it('refuses the whole batch when an event lacks what its kind needs', () => {
    for (const bad of [
      { type: 'screen' as const, screen: undefined },
      { type: 'flow' as const, flow: 'order' as const },
      { type: 'flow' as const, flow: 'order' as const, outcome: 'solved' as const },
      { type: 'selfhelp' as const, outcome: 'started' as const },
      { type: 'error' as const },
    ]) {
      const r = acceptBatch(batch([ev(now.toISOString()), ev(now.toISOString(), bad)]), who, now, pseudonymizer('k'))
      expect(r.ok).toBe(false)
    }
  })
  it('keys the batch by household and batchId, with no customer id anywhere', () => {
    const r = acceptBatch(batch([ev(now.toISOString())]), who, now, pseudonymizer('k'))
    if (!r.ok) throw new Error(r.message)
    expect(r.batch.key).toBe(`${r.batch.household}:batch0001`)
    expect(JSON.stringify(r.batch)).not.toContain('C1001')
    expect(r.batch.area).toBe('GZ01')
  })
})

describe('household pseudonyms', () => {
  it('are stable under one key, unlinkable after the operator rotates it', () => {
    const a = pseudonymizer('key-one')
    const b = pseudonymizer('key-two')
    expect(a.household('C1001')).toBe(pseudonymizer('key-one').household('C1001'))
    expect(a.household('C1001')).not.toBe(a.household('C1002'))
    expect(b.household('C1001')).not.toBe(a.household('C1001'))
    expect(a.keyId).not.toBe(b.keyId)
    expect(a.keyId).not.toContain('key-one')
  })
})
