import { describe, expect, it } from 'vitest'
import { billStatusKey, channelKey, shortMonth } from '../../../src/app/lib/billText.ts'
import { KEYS } from '../../../src/app/lib/i18nKeys.ts'

describe('shortMonth', () => {
  it('labels chart bars by month, with the year on January so a year end reads', () => {
    expect(shortMonth('2026-03', 'zh-CN')).toBe('3月')
    expect(shortMonth('2026-12', 'zh-CN')).toBe('12月')
    expect(shortMonth('2026-01', 'zh-CN')).toBe('26年1月')
    expect(shortMonth('2026-03', 'en')).toBe('Mar')
    expect(shortMonth('2027-01', 'en')).toBe('Jan 27')
    expect(shortMonth('2026-3', 'en')).toBe('--')
  })
})

describe('status and channel words', () => {
  it('has a translation key for every bill status and payment channel of the contract', () => {
    for (const s of ['unpaid', 'partial', 'settled'] as const) expect(KEYS).toContain(billStatusKey(s))
    for (const c of ['counter', 'tv', 'card', 'qr', 'bank'] as const) expect(KEYS).toContain(channelKey(c))
  })
})
