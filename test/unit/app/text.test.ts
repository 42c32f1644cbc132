import { describe, expect, it } from 'vitest'
import { insertZeroWidthSpaces, stripZeroWidthSpaces } from '../../../src/app/lib/text.ts'

const Z = '\u200B'

describe('insertZeroWidthSpaces', () => {
  it('puts a break opportunity between Chinese characters', () => {
    expect(insertZeroWidthSpaces('欠费停机')).toBe(`欠${Z}费${Z}停${Z}机`)
  })

  it('leaves Latin words and spaces alone', () => {
    expect(insertZeroWidthSpaces('Top up now')).toBe('Top up now')
  })

  it('allows breaks between Chinese and Latin or digits', () => {
    expect(insertZeroWidthSpaces('缴清¥46.50即可')).toBe(`缴${Z}清${Z}¥46.50${Z}即${Z}可`)
  })

  it('never lets closing punctuation start a line', () => {
    const out = insertZeroWidthSpaces('停机，缴费。')
    expect(out).toBe(`停${Z}机，${Z}缴${Z}费。`)
    expect(out).not.toContain(`${Z}，`)
    expect(out).not.toContain(`${Z}。`)
  })

  it('is idempotent and reversible', () => {
    const once = insertZeroWidthSpaces('您的账户已欠费停机，缴清欠费即可恢复')
    expect(insertZeroWidthSpaces(once)).toBe(once)
    expect(stripZeroWidthSpaces(once)).toBe('您的账户已欠费停机，缴清欠费即可恢复')
  })
})
