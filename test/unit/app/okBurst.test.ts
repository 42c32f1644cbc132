import { beforeEach, describe, expect, it } from 'vitest'
import { BURST_MS, keyDropped, keyTime, okSent, resetOkBurst } from '../../../src/app/lib/okBurst.ts'

// Issue 17: 20 OKs in 200 ms on a confirmation send one order and press nothing on the result.
describe('a burst of OK after something was sent', () => {
  beforeEach(() => resetOkBurst())

  it('lets every OK act while nothing was sent (moving through menus quickly)', () => {
    for (let t = 1000; t < 1200; t += 10) expect(keyDropped(true, t)).toBe(false)
  })

  it('drops the rest of the burst once its first OK sent something', () => {
    expect(keyDropped(true, 1000)).toBe(false)
    okSent(1001)
    for (let t = 1010; t < 1200; t += 10) expect(keyDropped(true, t)).toBe(true)
  })

  it('drops OKs pressed before the send but handled after it (a busy box handles queued keys late)', () => {
    expect(keyDropped(true, 1000)).toBe(false)
    okSent(1400) // the first OK was handled 400 ms late
    expect(keyDropped(true, 1010)).toBe(true)
    expect(keyDropped(true, 1020)).toBe(true)
  })

  it('drops OKs following the digit that sent a PIN, in the same burst', () => {
    for (let t = 1000; t < 1060; t += 10) expect(keyDropped(false, t)).toBe(false)
    okSent(1055)
    expect(keyDropped(true, 1070)).toBe(true)
  })

  it("lets an OK after a pause act (the viewer presses the result's button)", () => {
    keyDropped(true, 1000)
    okSent(1000)
    expect(keyDropped(true, 1100)).toBe(true)
    expect(keyDropped(true, 1100 + BURST_MS)).toBe(false)
  })

  it('never drops Back, digits or arrows', () => {
    keyDropped(true, 1000)
    okSent(1000)
    expect(keyDropped(false, 1010)).toBe(false)
  })

  it('does not drop a burst that began after the send', () => {
    okSent(1000)
    expect(keyDropped(true, 1000 + BURST_MS)).toBe(false)
    expect(keyDropped(true, 1010 + BURST_MS)).toBe(false)
  })
})

describe('when a key was pressed', () => {
  it("is its event's stamp on the page clock, converted from the epoch on old engines, or now without one", () => {
    expect(keyTime({ timeStamp: 500 }, 800, 1_700_000_000_800)).toBe(500)
    expect(keyTime({ timeStamp: 1_700_000_000_500 }, 800, 1_700_000_000_800)).toBe(500)
    expect(keyTime({}, 800, 1_700_000_000_800)).toBe(800)
    expect(keyTime({ timeStamp: 900 }, 800, 1_700_000_000_800)).toBe(800)
  })
})
