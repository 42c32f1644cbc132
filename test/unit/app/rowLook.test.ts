import { describe, expect, it, vi } from 'vitest'

// The SDK needs a browser; the helper only asks it for round-rect textures.
const getRoundRect = vi.fn((w: number, h: number) => ({ w, h }))
vi.mock('@lightningjs/sdk', () => ({ Lightning: { Tools: { getRoundRect } } }))

const { focusFrame, rowInk, tintedText, WHITE } = await import('../../../src/app/lib/rowLook.ts')
const { Colors } = await import('../../../src/app/lib/theme.ts')

describe('row look (texts tinted, not redrawn, on focus)', () => {
  it('draws a text white and gives its colour to the tint, so focused and not the text patch is the same', () => {
    const off = tintedText('CCTV-1', rowInk(false).fg, { fontSize: 28, fontStyle: 'bold' })
    const on = tintedText('CCTV-1', rowInk(true).fg, { fontSize: 28, fontStyle: 'bold' })
    expect(off.text).toEqual(on.text)
    expect(off.text.textColor).toBe(WHITE)
    expect(off.text.fontStyle).toBe('bold')
    expect([off.color, on.color]).toEqual([Colors.text, Colors.textOnFocus])
    expect(rowInk(false).muted).toBe(Colors.textMuted)
  })

  it('makes the focus frame once per size, not on every render', () => {
    const frame = { patch: vi.fn() }
    getRoundRect.mockClear()
    focusFrame(frame as never, 800, 76)
    focusFrame(frame as never, 800, 76)
    expect(getRoundRect).toHaveBeenCalledTimes(1)
    expect(getRoundRect.mock.calls[0].slice(0, 2)).toEqual([808, 84])
    focusFrame(frame as never, 600, 76)
    expect(getRoundRect).toHaveBeenCalledTimes(2)
    expect(frame.patch).toHaveBeenCalledTimes(2)
  })
})
