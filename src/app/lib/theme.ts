/**
 * Look of the hall, in 1080p coordinates (720p boxes get the same layout through stage precision).
 * High contrast and large type: many viewers are elderly and sit three metres away.
 */

export const Colors = {
  background: 0xff0b1a2e,
  panel: 0xff14304d,
  panelFocused: 0xfff5a623,
  text: 0xffffffff,
  textOnFocus: 0xff111111,
  textMuted: 0xffb8c7d9,
  accent: 0xfff5a623,
  warning: 0xffffc53d,
  danger: 0xffe5484d,
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

/** Focused things grow as well as change colour, so focus is visible to colour-blind viewers too. */
export const FOCUS_SCALE = 1.08

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
    fontSize: style.fontSize || FontSize.body,
    textColor: style.textColor === undefined ? Colors.text : style.textColor,
    fontStyle: style.fontStyle || 'normal',
    ...(style.wordWrapWidth ? { wordWrapWidth: style.wordWrapWidth, wordWrap: true } : {}),
    ...(style.maxLines ? { maxLines: style.maxLines } : {}),
    ...(style.textAlign ? { textAlign: style.textAlign } : {}),
    ...(style.lineHeight ? { lineHeight: style.lineHeight } : {}),
  }
}
