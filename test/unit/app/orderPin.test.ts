import { describe, expect, it } from 'vitest'
import { isPinComplete, maskPin, popDigit, pushDigit } from '../../../src/app/lib/pinEntry.ts'

describe('purchase PIN entry', () => {
  it('takes digits up to six and no more', () => {
    let pin = ''
    for (const d of [1, 2, 3, 4, 5, 6, 7]) pin = pushDigit(pin, d)
    expect(pin).toBe('123456')
    expect(isPinComplete(pin)).toBe(true)
  })

  it('ignores anything that is not one digit', () => {
    expect(pushDigit('12', 'x')).toBe('12')
    expect(pushDigit('12', 10)).toBe('12')
    expect(pushDigit('12', '0')).toBe('120')
  })

  it('deletes the last digit and is not complete below six', () => {
    expect(popDigit('123')).toBe('12')
    expect(popDigit('')).toBe('')
    expect(isPinComplete('12345')).toBe(false)
  })

  it('shows typed digits as filled dots and never the digits themselves', () => {
    expect(maskPin('')).toBe('○○○○○○')
    expect(maskPin('987')).toBe('●●●○○○')
    expect(maskPin('987654')).toBe('●●●●●●')
    expect(maskPin('987654')).not.toMatch(/\d/)
  })
})
