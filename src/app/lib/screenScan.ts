/**
 * What is on screen, in 1920×1080 stage coordinates, for the remote crawler test: the focused leaf and
 * every visible text with its box. Read from Lightning's own world transforms, so it matches the
 * picture at 720p and 1080p alike. Runs only when a test asks.
 */

export interface ScreenBox {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface ScannedText extends ScreenBox {
  text: string
  /** Font size as drawn, times the world scale (1080p stage pixels). */
  size: number
  ref?: string
}

export interface ScreenScan {
  width: number
  height: number
  /** The focus path's leaf; `null` when nothing holds focus. */
  focused: (ScreenBox & { ref?: string; path: string; visible: boolean; scale: number }) | null
  texts: ScannedText[]
}

interface CoreLike {
  _worldContext: { alpha: number; ta: number; td: number }
  outOfBounds: number
  getCornerPoints(): number[]
}

interface ElementLike {
  ref?: string
  attached: boolean
  visible: boolean
  alpha: number
  clipping?: boolean
  core: CoreLike
  texture?: { text?: unknown; fontFace?: unknown; fontSize?: unknown } | null
  childList?: { length: number; getAt(i: number): ElementLike }
  parent?: ElementLike | null
}

interface StageLike {
  root: ElementLike
}

/** World coordinates are the app's own 1920×1080 ones; stage precision is applied only when drawing. */
function box(el: ElementLike): ScreenBox {
  const c = el.core.getCornerPoints()
  const xs = [c[0], c[2], c[4], c[6]]
  const ys = [c[1], c[3], c[5], c[7]]
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) }
}

function intersect(clip: ScreenBox | null, b: ScreenBox): ScreenBox {
  if (!clip) return b
  return {
    x1: Math.max(clip.x1, b.x1),
    y1: Math.max(clip.y1, b.y1),
    x2: Math.min(clip.x2, b.x2),
    y2: Math.min(clip.y2, b.y2),
  }
}

/** Drawn at all: attached, not transparent, not clipped away by a scrolling parent. */
function shown(el: ElementLike): boolean {
  return el.attached && el.core._worldContext.alpha > 0.01 && el.core.outOfBounds < 2
}

export function scanScreen(stage: StageLike, focusPath: ElementLike[] | undefined): ScreenScan {
  const texts: ScannedText[] = []
  // Texts scrolled out of a clipping list are not drawn: clip each box by its clipping ancestors.
  const walk = (el: ElementLike, clip: ScreenBox | null): void => {
    if (!el.visible || el.alpha <= 0.01) return
    if (el.clipping) clip = intersect(clip, box(el))
    const tex = el.texture
    if (
      tex &&
      typeof tex.text === 'string' &&
      tex.fontFace !== undefined &&
      tex.text.replace(/[\s\u200B]/g, '') &&
      shown(el)
    ) {
      const size = (typeof tex.fontSize === 'number' ? tex.fontSize : 0) * el.core._worldContext.td
      const b = intersect(clip, box(el))
      if (b.x2 > b.x1 && b.y2 > b.y1)
        texts.push({
          text: tex.text.replace(/\u200B/g, ''),
          size,
          ref: el.ref || (el.parent ? el.parent.ref : undefined),
          ...b,
        })
    }
    const list = el.childList
    if (list) for (let i = 0; i < list.length; i++) walk(list.getAt(i), clip)
  }
  walk(stage.root, null)
  const leaf = focusPath && focusPath.length ? focusPath[focusPath.length - 1] : undefined
  const focused = leaf
    ? {
        ref: leaf.ref,
        path: focusPath!.map((e) => e.ref || '?').join('/'),
        visible: shown(leaf),
        // World scale relative to the plain 1:1 stage: focused items grow, so this shows the focus is not colour alone.
        scale: leaf.core._worldContext.ta,
        ...box(leaf),
      }
    : null
  return { width: 1920, height: 1080, focused, texts }
}
