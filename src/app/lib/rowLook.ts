/**
 * How rows and tiles show focus without redrawing a text: each text is drawn white once and coloured by
 * its element's tint (`color`), and the white focus frame is made once per size. A focus move then changes
 * only tints and alphas; a text redraw is a canvas draw plus a texture upload (~20 ms on a slow box).
 */
import { Lightning } from '@lightningjs/sdk'
import { Colors, ROW_FOCUS_SCALE, textPatch, type TextStyle } from './theme.ts'

/** Texts are drawn in white; the element's tint gives them their colour. */
export const WHITE = 0xffffffff
/** The focus frame's margin around a row. */
export const FOCUS_FRAME = 4

/** Text colours of a row or tile: `fg` for what it is, `muted` for details (darker on the focus fill). */
export function rowInk(focused: boolean): { fg: number; muted: number } {
  return { fg: focused ? Colors.textOnFocus : Colors.text, muted: focused ? 0xff333333 : Colors.textMuted }
}

/**
 * Patch for a text element drawn white and tinted `color`: patched again with only another colour (focus),
 * Lightning finds the text unchanged and draws nothing again.
 */
export function tintedText(
  text: string,
  color: number,
  style: TextStyle = {},
): { color: number; text: Record<string, unknown> } {
  return { color, text: textPatch(text, { ...style, textColor: WHITE }) }
}

const frameSizes = new WeakMap<object, string>()

/** Gives `frame` the white focus frame around a `w` × `h` row; the texture is made only when the size changes. */
export function focusFrame(frame: Lightning.Element, w: number, h: number): void {
  const size = w + 'x' + h
  if (frameSizes.get(frame) === size) return
  frameSizes.set(frame, size)
  frame.patch({
    texture: Lightning.Tools.getRoundRect(w + 2 * FOCUS_FRAME, h + 2 * FOCUS_FRAME, 4, 4, Colors.text, false, 0),
  })
}

/**
 * How far a row of width `w` reaches past each side when focused and grown (frame included): the room a
 * clipping list must leave around its rows, and the gap to keep from the title-safe edge.
 */
export function rowOverhang(w: number, scale: number = ROW_FOCUS_SCALE): number {
  return Math.ceil((w / 2 + FOCUS_FRAME) * scale - w / 2)
}
