import { describe, expect, it } from 'vitest'
import { qrModules } from '../../../src/app/lib/qr.ts'

describe('qrModules', () => {
  it('gives a square symbol with the three finder patterns, bigger for longer texts', () => {
    const short = qrModules('https://map.example.com/?q=1')
    const long = qrModules('https://map.example.com/?q=' + 'x'.repeat(120))
    expect(short.length).toBeGreaterThanOrEqual(21)
    expect(long.length).toBeGreaterThan(short.length)
    for (const m of [short, long]) {
      const n = m.length
      expect(m.every((row) => row.length === n)).toBe(true)
      // Finder pattern corners: dark 7x7 ring with a light ring inside, at three corners.
      for (const [r, c] of [
        [0, 0],
        [0, n - 7],
        [n - 7, 0],
      ]) {
        expect(m[r][c] && m[r + 6][c + 6] && m[r + 3][c + 3]).toBe(true)
        expect(m[r + 1][c + 1]).toBe(false)
      }
    }
  })
})
