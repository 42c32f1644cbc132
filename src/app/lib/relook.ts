/**
 * A change of look (high contrast, large text) carried into what is already on screen, so Settings
 * applies it in place: the same screen, the same focus, the same language, no restart. Templates were
 * built with the old colours and sizes, so every element in the tree is walked once: a colour of the
 * old palette becomes the same colour of the new one (by meaning: panel → panel), and text grows or
 * shrinks by the ratio of the text scales. Pages then `render()` again (App), which redraws what they
 * compute, and ui-components re-style themselves from the new theme (lib/uiTheme.ts).
 */
import { Lightning } from '@lightningjs/sdk'
import type { Palette } from './theme.ts'

/** old colour → new colour, by meaning. */
export function paletteMap(from: Palette, to: Palette): Map<number, number> {
  const map = new Map<number, number>()
  for (const name of Object.keys(from) as (keyof Palette)[])
    if (from[name] !== to[name] && !map.has(from[name])) map.set(from[name], to[name])
  return map
}

/** One element: its own colour (when all corners share it) and its text. */
function relookElement(el: Lightning.Element, colors: Map<number, number>, scale: number): void {
  const c = el.colorUl
  if (c === el.colorUr && c === el.colorBl && c === el.colorBr) {
    const to = colors.get(c >>> 0)
    if (to !== undefined) el.color = to
  }
  const text = el.text
  if (!text) return
  const to = colors.get(text.textColor >>> 0)
  if (to !== undefined) text.textColor = to
  if (scale !== 1) {
    text.fontSize = Math.round(text.fontSize * scale)
    if (text.lineHeight) text.lineHeight = Math.round(text.lineHeight * scale)
  }
}

/** Walks `root` and everything under it; returns how many elements it looked at. */
export function relookTree(root: Lightning.Element, colors: Map<number, number>, scale: number): number {
  let count = 0
  const stack: Lightning.Element[] = [root]
  while (stack.length) {
    const el = stack.pop()
    if (!el) break
    relookElement(el, colors, scale)
    count++
    for (const child of el.children) stack.push(child)
  }
  return count
}
