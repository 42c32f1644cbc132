import { describe, expect, it } from 'vitest'
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatPeriod,
  formatFen,
  formatMonth,
  msToNextMinute,
  sumFen,
} from '../../../src/app/lib/format.ts'

describe('formatFen', () => {
  it('shows yuan with two decimals and thousands separators', () => {
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(50)).toBe('¥0.50')
    expect(formatFen(100)).toBe('¥1.00')
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(100000000)).toBe('¥1,000,000.00')
  })

  it('puts the minus sign before the currency sign', () => {
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(-123450)).toBe('-¥1,234.50')
    expect(formatFen(-0)).toBe('¥0.00')
  })

  it('is exact for the largest safe integers, where float division would round', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91')
    expect(formatFen(-Number.MAX_SAFE_INTEGER)).toBe('-¥90,071,992,547,409.91')
    expect(formatFen(123456789012345)).toBe('¥1,234,567,890,123.45')
  })

  it('refuses amounts that are not integer fen rather than showing a wrong figure', () => {
    expect(formatFen(12.5)).toBe('¥--')
    expect(formatFen(Number.NaN)).toBe('¥--')
    expect(formatFen(Number.MAX_SAFE_INTEGER + 1)).toBe('¥--')
  })
})

describe('sumFen', () => {
  it('adds integer fen exactly (no 0.1 + 0.2 drift)', () => {
    expect(sumFen(10, 20)).toBe(30)
    expect(formatFen(sumFen(1999, 2999, -500))).toBe('¥44.98')
  })

  it('throws on a non-integer amount or an overflow', () => {
    expect(() => sumFen(10, 0.5)).toThrow(RangeError)
    expect(() => sumFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError)
  })
})

describe('dates per language', () => {
  it('formats calendar dates in Chinese and English', () => {
    expect(formatDate('2026-11-05', 'zh-CN')).toBe('2026年11月5日')
    expect(formatDate('2026-11-05', 'en')).toBe('5 Nov 2026')
    expect(formatDate(null, 'en')).toBe('--')
    expect(formatDate('yesterday', 'zh-CN')).toBe('--')
  })

  it("keeps the operator's wall-clock time whatever the box's time zone", () => {
    expect(formatDateTime('2026-11-22T00:10:00+08:00', 'zh-CN')).toBe('2026年11月22日 00:10')
    expect(formatDateTime('2026-11-22T20:15:00+08:00', 'en')).toBe('22 Nov 2026, 20:15')
    expect(formatDateTime('2026-11-22', 'en')).toBe('22 Nov 2026')
  })

  it('formats billing months', () => {
    expect(formatMonth('2026-01', 'zh-CN')).toBe('2026年1月')
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026')
    expect(formatMonth('2026-13-01', 'en')).toBe('--')
  })
})

describe('clock', () => {
  it('shows Beijing time', () => {
    // 2026-11-22T12:15:30Z is 20:15 in Beijing.
    expect(formatClock(Date.UTC(2026, 10, 22, 12, 15, 30))).toBe('20:15')
    expect(formatClock(Date.UTC(2026, 10, 22, 16, 5, 0))).toBe('00:05')
  })

  it('waits until the next minute begins', () => {
    expect(msToNextMinute(Date.UTC(2026, 10, 22, 12, 15, 30))).toBe(30000)
    expect(msToNextMinute(Date.UTC(2026, 10, 22, 12, 15, 0))).toBe(60000)
  })
})

describe('formatPeriod', () => {
  it('says a billing period as short as it reads unambiguously', () => {
    expect(formatPeriod('2026-11-01', '2026-11-30', 'en')).toBe('1–30 Nov 2026')
    expect(formatPeriod('2026-11-15', '2026-12-14', 'en')).toBe('15 Nov – 14 Dec 2026')
    expect(formatPeriod('2025-12-15', '2026-01-14', 'en')).toBe('15 Dec 2025 – 14 Jan 2026')
    expect(formatPeriod('2026-11-01', '2026-11-30', 'zh-CN')).toBe('2026年11月1日至30日')
    expect(formatPeriod('2026-11-15', '2026-12-14', 'zh-CN')).toBe('2026年11月15日至12月14日')
    expect(formatPeriod('2025-12-15', '2026-01-14', 'zh-CN')).toBe('2025年12月15日至2026年1月14日')
  })
})
