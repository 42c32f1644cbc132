import { describe, expect, it } from 'vitest'
import { contrastRatio, titleSafeArea } from '../../../src/app/lib/contrast.ts'
import { applyLook, Colors, HIGH_CONTRAST, themed } from '../../../src/app/lib/theme.ts'
import { parsePrefs, platformWantsSpeech, speechOn } from '../../../src/app/lib/viewerPrefs.ts'
import { labelOf, positionOf, textsIn } from '../../../src/app/lib/announcer.ts'

// Text colours and the grounds they are drawn on, in both looks.
const TEXT_ON = {
  text: ['background', 'panel', 'dangerPanel', 'warningPanel', 'control'],
  textMuted: ['background', 'panel'],
  accent: ['background', 'panel'],
  warning: ['background', 'panel', 'warningPanel'],
  danger: ['background', 'panel', 'dangerPanel'],
  ok: ['background', 'panel'],
  textOnFocus: ['panelFocused'],
} as const

describe('look', () => {
  it('computes WCAG contrast (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrastRatio(0xff000000, 0xffffffff)).toBeCloseTo(21, 5)
    expect(contrastRatio(0xff777777, 0xff777777)).toBe(1)
    expect(contrastRatio(0xff767676, 0xffffffff)).toBeGreaterThan(4.5)
    expect(contrastRatio(0xff777777, 0xffffffff)).toBeLessThan(4.5)
  })

  for (const [name, palette] of [
    ['default', { ...Colors }],
    ['high contrast', HIGH_CONTRAST],
  ] as const) {
    it(`keeps every text colour at 4.5:1 or more on its grounds (${name})`, () => {
      const weak: string[] = []
      for (const [fg, grounds] of Object.entries(TEXT_ON)) {
        for (const bg of grounds) {
          const r = contrastRatio(palette[fg as keyof typeof palette], palette[bg as keyof typeof palette])
          if (r < 4.5) weak.push(`${fg} on ${bg}: ${r.toFixed(2)}`)
        }
      }
      expect(weak).toEqual([])
    })
  }

  it('high contrast is at least as strong as the default for body text', () => {
    expect(contrastRatio(HIGH_CONTRAST.text, HIGH_CONTRAST.background)).toBeGreaterThanOrEqual(
      contrastRatio(Colors.text, Colors.background),
    )
    expect(contrastRatio(HIGH_CONTRAST.textMuted, HIGH_CONTRAST.panel)).toBeGreaterThan(
      contrastRatio(Colors.textMuted, Colors.panel),
    )
  })

  it("draws high contrast's buttons in its own greys, not the default look's blue", () => {
    const grey = (c: number) => ((c >> 16) & 0xff) === (c & 0xff) && ((c >> 8) & 0xff) === (c & 0xff)
    expect(grey(HIGH_CONTRAST.control) && grey(HIGH_CONTRAST.panel)).toBe(true)
    expect(contrastRatio(HIGH_CONTRAST.control, HIGH_CONTRAST.background)).toBeGreaterThan(1.5)
  })

  it('puts the title-safe area 5% in from each edge at 1080p and 720p', () => {
    expect(titleSafeArea(1920, 1080)).toEqual({ x1: 96, y1: 54, x2: 1824, y2: 1026 })
    expect(titleSafeArea(1280, 720)).toEqual({ x1: 64, y1: 36, x2: 1216, y2: 684 })
  })
})

describe('colours by meaning', () => {
  it('are read at the time of use, so a table made before a change of look follows it', () => {
    const normal = Colors.danger
    const tone = themed<'owed' | 'plain'>({ owed: 'danger', plain: 'text' })
    expect(Object.keys(tone)).toEqual(['owed', 'plain'])
    expect(tone.owed).toBe(normal)
    applyLook({ highContrast: true })
    try {
      expect(tone.owed).toBe(HIGH_CONTRAST.danger)
      expect(tone.plain).toBe(HIGH_CONTRAST.text)
    } finally {
      applyLook({})
    }
    expect(tone.owed).toBe(normal)
  })
})

describe('viewer settings', () => {
  it('reads what the box remembered, and nothing odd', () => {
    expect(parsePrefs(null)).toEqual({ largeText: false, highContrast: false, speech: null, usage: true })
    expect(parsePrefs('not json')).toEqual({ largeText: false, highContrast: false, speech: null, usage: true })
    // Valid JSON that is no object (another version's value, a broken write) used to throw at boot.
    for (const kept of ['null', '3', '"x"'])
      expect(parsePrefs(kept)).toEqual({ largeText: false, highContrast: false, speech: null, usage: true })
    expect(parsePrefs('{"largeText":true,"highContrast":"yes","speech":false}')).toEqual({
      largeText: true,
      highContrast: false,
      speech: false,
      usage: true,
    })
  })

  it('speaks by default when the platform asks, unless the viewer turned it off', () => {
    expect(platformWantsSpeech({}, '?deviceId=1')).toBe(false)
    expect(platformWantsSpeech({ speech: true }, '')).toBe(true)
    expect(platformWantsSpeech({ voiceGuidance: true }, '')).toBe(true)
    expect(platformWantsSpeech({ speech: true }, '?speech=0')).toBe(false)
    expect(platformWantsSpeech({}, '?a=b&speech=1')).toBe(true)
    expect(speechOn(parsePrefs(null), true)).toBe(true)
    expect(speechOn(parsePrefs('{"speech":false}'), true)).toBe(false)
    expect(speechOn(parsePrefs('{"speech":true}'), false)).toBe(true)
  })
})

describe('announcer words', () => {
  type N = {
    ref?: string
    title?: string
    announce?: string
    texture?: { text: string; fontFace: string[] }
    childList?: { length: number; getAt(i: number): N }
    parent?: N
  }
  const list = (items: N[]) => ({ length: items.length, getAt: (i: number) => items[i] })
  const text = (s: string): N => ({ texture: { text: s, fontFace: ['sans'] } })
  const node = (children: N[], extra: Partial<N> = {}): N => {
    const n: N = { ...extra, childList: list(children) }
    for (const c of children) c.parent = n
    return n
  }

  it('reads the texts drawn in the focused item, or its own announce/title', () => {
    const tile = node([text('余额\u200B查询'), node([text('¥12.00')]), text('余额\u200B查询')])
    expect(textsIn(tile)).toEqual(['余额查询', '¥12.00'])
    expect(labelOf(tile)).toBe('余额查询, ¥12.00')
    expect(labelOf(node([text('x')], { title: 'OK' }))).toBe('OK')
    expect(labelOf(node([text('x')], { announce: 'Pay now', title: 'OK' }))).toBe('Pay now')
  })

  it('gives the place among siblings, none for an only child', () => {
    const items = [node([]), node([]), node([])]
    node(items)
    expect(positionOf(items[1])).toEqual({ index: 2, total: 3 })
    const only = node([])
    node([only])
    expect(positionOf(only)).toBeNull()
  })
})
