import { describe, expect, it } from 'vitest'
import { digitOfKey } from '../../../src/app/lib/keys.ts'
import { MENU_ROWS, menuByDigit, menuEntry } from '../../../src/app/lib/menu.ts'

describe('home menu', () => {
  it('offers the seven services of the hall, each with a stable test ref', () => {
    const routes = MENU_ROWS.flat().map((e) => e.route)
    expect(routes.sort()).toEqual(['balance', 'bills', 'help', 'messages', 'packages', 'repair', 'settings', 'topup'])
    const refs = MENU_ROWS.flat().map((e) => e.ref)
    expect(new Set(refs).size).toBe(refs.length)
  })

  it('numbers tiles 1-7 in reading order for the digit keys', () => {
    expect(menuByDigit(1)?.route).toBe('balance')
    expect(menuByDigit(8)?.route).toBe(MENU_ROWS[1][MENU_ROWS[1].length - 1].route)
    expect(menuByDigit(0)).toBeUndefined()
    expect(menuByDigit(9)).toBeUndefined()
    expect(menuEntry('topup')?.label).toBe('menu.topup')
  })

  it('reads digits from the top row and the keypad alike', () => {
    expect(digitOfKey({ keyCode: 48 })).toBe(0)
    expect(digitOfKey({ keyCode: 57 })).toBe(9)
    expect(digitOfKey({ keyCode: 97 })).toBe(1)
    expect(digitOfKey({ keyCode: 13 })).toBeNull()
  })
})
