import { describe, expect, it } from 'vitest'
import { addMonths, diffDays, formatDate, formatTime, parseTime } from '../../../boss-stub/protocol/time.ts'

describe('BOSS clock (Beijing time, UTC+8)', () => {
  it('formats an instant as Beijing wall-clock time, crossing the date line correctly', () => {
    expect(formatTime(new Date('2026-11-22T16:30:05Z'))).toBe('20261123003005')
    expect(formatDate(new Date('2026-12-31T15:59:59Z'))).toBe('20261231')
    expect(formatDate(new Date('2026-12-31T16:00:00Z'))).toBe('20270101')
  })

  it('parses back to the same instant and rejects impossible times', () => {
    expect(parseTime('20261123003005')?.toISOString()).toBe('2026-11-22T16:30:05.000Z')
    expect(parseTime('20260230120000')).toBeNull()
    expect(parseTime('20261122246000')).toBeNull()
    expect(parseTime('2026112212000')).toBeNull()
  })

  it('adds months clamped to the month end, and counts days', () => {
    expect(addMonths('20260131', 1)).toBe('20260228')
    expect(addMonths('20241130', 3)).toBe('20250228')
    expect(addMonths('20260826', 3)).toBe('20261126')
    expect(diffDays('20261122', '20261201')).toBe(9)
  })
})
