import { describe, expect, it } from 'vitest'
import { pseudonymizer } from '../../../../src/bff/analytics/household.ts'

describe('sealed household contacts', () => {
  it('opens under the same key only, and a tampered seal not at all', () => {
    const p = pseudonymizer('key-a')
    const sealed = p.seal('C00000001')
    expect(sealed).not.toContain('C00000001')
    expect(p.seal('C00000001')).not.toBe(sealed) // random IV: two seals of one household do not match
    expect(p.open(sealed)).toBe('C00000001')
    expect(pseudonymizer('key-a').open(sealed)).toBe('C00000001')
    expect(pseudonymizer('key-b').open(sealed)).toBeNull() // a rotated key cannot reach old households
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'AB' : 'AA')
    expect(p.open(flipped)).toBeNull()
    expect(p.open('not a seal')).toBeNull()
  })
})
