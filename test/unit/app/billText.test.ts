import { describe, expect, it } from 'vitest'
import { billStatusKey, channelKey, lineName, shortMonth } from '../../../src/app/lib/billText.ts'
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

describe('lineName', () => {
  const line = { kind: 'ppv', name: '点播：《热辣滚烫》', nameEn: 'On demand: YOLO' } as const
  it('gives the BOSS’s Chinese wording in Chinese and its English wording in English', () => {
    expect(lineName(line, 'zh-CN')).toBe('点播：《热辣滚烫》')
    expect(lineName(line, 'en')).toBe('On demand: YOLO')
  })

  it('says what kind of charge it is in English where the BOSS has only Chinese', () => {
    for (const kind of ['maintenance', 'package', 'ppv', 'adjustment', 'discount', 'other'] as const) {
      const name = lineName({ kind, name: '新费用', nameEn: '新费用' }, 'en')
      expect(name).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/)
      expect(KEYS).toContain(`billLine.${kind}`)
    }
    expect(lineName({ kind: 'discount', name: '优惠', nameEn: '优惠（老年）' }, 'zh-CN')).toBe('优惠')
  })
})
