/**
 * Look of the hall, in 1080p coordinates (720p boxes get the same layout through stage precision).
 * High contrast and large type: many viewers are elderly and sit three metres away.
 */

export const Colors = {
  background: 0xff0b1a2e,
  panel: 0xff14304d,
  panelFocused: 0xfff5a623,
  /** Buttons and keys not focused (ui-components' interactiveNeutral). */
  control: 0xff2a5078,
  text: 0xffffffff,
  textOnFocus: 0xff111111,
  textMuted: 0xffb8c7d9,
  accent: 0xfff5a623,
  warning: 0xffffc53d,
  // Light enough for 4.5:1 as text on the background and on panels (test/unit/app/look.test.ts).
  danger: 0xffff7a7a,
  dangerPanel: 0xff5c1a1d,
  warningPanel: 0xff4d3b0f,
  ok: 0xff3ecf8e,
  dim: 0xc0000000,
} as const

export const FontSize = {
  display: 72,
  title: 52,
  heading: 40,
  body: 34,
  small: 28,
} as const

/** One set of margins for every screen (1080p units): the title-safe edges, the gaps between blocks. */
export const Space = {
  /** Title-safe area: 5 % of the width and height, which TVs may crop. */
  safeX: 96,
  safeY: 54,
  /** Between blocks of one screen, and inside panels. */
  gap: 32,
  inset: 24,
  /** Where the hint bar starts: content ends above it. */
  hintTop: 962,
} as const

export const Radius = {
  panel: 16,
  button: 12,
} as const

/** Focused things grow as well as change colour, so focus is visible to colour-blind viewers too. */
export const FOCUS_SCALE = 1.08
/** Small items (chart bars) grow a little when focused; full-width rows cannot grow inside the safe area. */
export const ROW_FOCUS_SCALE = 1.03

const DEFAULT_FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'

let fontFaces: string[] = parseFontStack(DEFAULT_FONT_STACK)

/** `"Noto Sans CJK SC", sans-serif` → `['Noto Sans CJK SC', 'sans-serif']`, the array form Lightning quotes itself. */
export function parseFontStack(stack: string): string[] {
  const out: string[] = []
  for (const part of stack.split(',')) {
    const name = part.trim().replace(/^["']|["']$/g, '')
    if (name) out.push(name)
  }
  return out
}

export function setFontStack(stack: string | undefined): void {
  if (stack && parseFontStack(stack).length) fontFaces = parseFontStack(stack)
}

export function fontFace(): string[] {
  return fontFaces
}

export interface TextStyle {
  fontSize?: number
  textColor?: number
  fontStyle?: string
  wordWrapWidth?: number
  maxLines?: number
  textAlign?: 'left' | 'center' | 'right'
  lineHeight?: number
}

/** A Lightning text patch in the hall's font stack. */
export function textPatch(text: string, style: TextStyle = {}): Record<string, unknown> {
  return {
    text,
    fontFace: fontFace(),
    fontSize: Math.round((style.fontSize || FontSize.body) * textScale),
    textColor: style.textColor === undefined ? Colors.text : style.textColor,
    fontStyle: style.fontStyle || 'normal',
    ...(style.wordWrapWidth ? { wordWrapWidth: style.wordWrapWidth, wordWrap: true } : {}),
    ...(style.maxLines ? { maxLines: style.maxLines } : {}),
    ...(style.textAlign ? { textAlign: style.textAlign } : {}),
    ...(style.lineHeight ? { lineHeight: Math.round(style.lineHeight * textScale) } : {}),
  }
}

/** High contrast: black ground, white text, yellow focus; for viewers with weak sight. */
export const HIGH_CONTRAST: Record<keyof typeof Colors, number> = {
  background: 0xff000000,
  panel: 0xff1c1c1c,
  panelFocused: 0xffffe600,
  control: 0xff3a3a3a,
  text: 0xffffffff,
  textOnFocus: 0xff000000,
  textMuted: 0xffe8e8e8,
  accent: 0xffffe600,
  warning: 0xffffd84d,
  danger: 0xffff8c8c,
  dangerPanel: 0xff3d0000,
  warningPanel: 0xff332b00,
  ok: 0xff6dffa8,
  dim: 0xe6000000,
}

/** The normal look, kept to come back to from high contrast. */
const NORMAL: Record<keyof typeof Colors, number> = { ...Colors }

export type ColorName = keyof typeof Colors
export type Palette = Record<ColorName, number>

/** The colours now in use (a copy). */
export function currentPalette(): Palette {
  return { ...Colors }
}

/**
 * A table of colours by meaning (e.g. bill status → danger/warning/ok) read at the time of use, so it
 * follows a change of look made while the hall runs.
 */
export function themed<K extends string>(names: Record<K, ColorName>): Record<K, number> {
  const out: Record<string, number> = {}
  for (const key in names) Object.defineProperty(out, key, { get: () => Colors[names[key]], enumerable: true })
  return out
}

/** Large text: every text drawn through `textPatch` grows by this much. */
export const LARGE_TEXT_SCALE = 1.25

let textScale = 1

export function currentTextScale(): number {
  return textScale
}

/**
 * The viewer's look: before the first screen is built, and again when the viewer changes it in
 * Settings (lib/relook.ts then carries the change into what is already on screen).
 */
export function applyLook(look: { largeText?: boolean; highContrast?: boolean }): void {
  textScale = look.largeText ? LARGE_TEXT_SCALE : 1
  Object.assign(Colors, look.highContrast ? HIGH_CONTRAST : NORMAL)
}
