import { describe, expect, it } from 'vitest'
import {
  applyCardKey,
  canSubmitCard,
  EMPTY_CARD_ENTRY,
  groupCardNo,
  maskPassword,
  zoneAfterRemoteDigit,
  type CardEntry,
} from '../../../src/app/lib/cardEntry.ts'

const typeAll = (s: CardEntry, keys: string) => keys.split('').reduce(applyCardKey, s)

describe('prepaid card entry', () => {
  it('groups the number 4-4-4-4 with the places still to type', () => {
    expect(groupCardNo('')).toBe('____ ____ ____ ____')
    expect(groupCardNo('91000')).toBe('9100 0___ ____ ____')
    expect(groupCardNo('9100000000000001')).toBe('9100 0000 0000 0001')
  })

  it('masks the password: a dot per digit, places up to six', () => {
    expect(maskPassword('')).toBe('______')
    expect(maskPassword('123')).toBe('●●●___')
    expect(maskPassword('12345678')).toBe('●●●●●●●●')
    expect(maskPassword('12345678')).not.toContain('1')
  })

  it('moves on to the password once the 16th digit is in, and stops at 8 password digits', () => {
    let s = typeAll(EMPTY_CARD_ENTRY, '910000000000000')
    expect(s.field).toBe('cardNo')
    s = applyCardKey(s, '1')
    expect(s.field).toBe('password')
    expect(s.cardNo).toBe('9100000000000001')
    s = typeAll(s, '1234567890')
    expect(s.password).toBe('12345678')
    expect(s.cardNo).toBe('9100000000000001')
  })

  it('submits only with 16 digits and a 6-8 digit password', () => {
    const card = typeAll(EMPTY_CARD_ENTRY, '9100000000000001')
    expect(canSubmitCard(typeAll(card, '12345'))).toBe(false)
    expect(canSubmitCard(typeAll(card, '123456'))).toBe(true)
    expect(canSubmitCard({ cardNo: '910000000000000', password: '123456', field: 'password' })).toBe(false)
  })

  it('deletes, clears the current field, and delete on an empty password goes back into the number', () => {
    let s = typeAll(EMPTY_CARD_ENTRY, '9100000000000001' + '12')
    s = applyCardKey(s, 'delete')
    expect(s.password).toBe('1')
    s = applyCardKey(s, 'clear')
    expect(s).toEqual({ cardNo: '9100000000000001', password: '', field: 'password' })
    s = applyCardKey(s, 'delete')
    expect(s).toEqual({ cardNo: '910000000000000', password: '', field: 'cardNo' })
  })

  it('ignores keys that are not one digit', () => {
    expect(applyCardKey(EMPTY_CARD_ENTRY, 'x')).toEqual(EMPTY_CARD_ENTRY)
    expect(applyCardKey(EMPTY_CARD_ENTRY, '12')).toEqual(EMPTY_CARD_ENTRY)
  })

  it('moves the focus on to Top up once digits typed on the remote complete the card, not before, not again', () => {
    const walk = (keys: string) => {
      let s = EMPTY_CARD_ENTRY
      let zone: 'fields' | 'keypad' | 'confirm' = 'keypad'
      const zones: string[] = []
      for (const k of keys) {
        const next = applyCardKey(s, k)
        zone = zoneAfterRemoteDigit(s, next, zone)
        zones.push(zone)
        s = next
      }
      return zones
    }
    const zones = walk('9100000000000001' + '12345678')
    expect(zones.slice(0, 21)).toEqual(Array(21).fill('keypad'))
    // The sixth password digit makes the card complete: Top up is next; the 7th and 8th still type.
    expect(zones.slice(21)).toEqual(['confirm', 'confirm', 'confirm'])
    const moved = walk('9100000000000001123456')
    expect(moved[moved.length - 1]).toBe('confirm')
  })
})
