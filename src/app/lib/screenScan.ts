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
  /** Lightning cut it: fewer characters drawn than given (maxLines' "..", textOverflow), or lines left over. */
  cut?: boolean
  /** Part of it is not drawn: outside its own texture's box, a clipping parent's, or the screen. */
  clipped?: string
  /** The glyphs' box (the texture box is taller: line height and baseline room), for overlaps. */
  ink?: ScreenBox
  /** Lines drawn, and their spacing against the font size (1080p stage pixels): below ~1.1 lines touch. */
  lines?: number
  lineHeight?: number
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
  texture?: TextLike | null
  displayedTexture?: TextLike | null
  renderWidth?: number
  renderHeight?: number
  childList?: { length: number; getAt(i: number): ElementLike }
  parent?: ElementLike | null
}

interface TextLike {
  text?: unknown
  fontFace?: unknown
  fontSize?: unknown
  fontStyle?: unknown
  textBaseline?: unknown
  source?: { renderInfo?: RenderInfoLike | null } | null
}

/** What Lightning's text renderer laid out (TextTextureRenderer's renderInfo), in texture pixels (× precision). */
interface RenderInfoLike {
  lines?: { info: { text: string }; x: number; y: number; w: number }[]
  moreTextLines?: boolean
  precision?: number
  fontSize?: number
  lineHeight?: number
  offsetY?: number
  width?: number
  height?: number
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

const SCREEN: ScreenBox = { x1: 0, y1: 0, x2: 1920, y2: 1080 }

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

let canvas: CanvasRenderingContext2D | null | undefined
function measurer(): CanvasRenderingContext2D | null {
  if (canvas === undefined)
    canvas = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null
  return canvas
}

const BASELINES: readonly CanvasTextBaseline[] = ['alphabetic', 'bottom', 'hanging', 'ideographic', 'middle', 'top']

function isBaseline(v: unknown): v is CanvasTextBaseline {
  return BASELINES.some((b) => b === v)
}

/** The canvas font Lightning draws a text with (its getFontSetting): style, size in texture pixels, faces. */
function fontSetting(tex: TextLike, sizePx: number): string {
  const faces: unknown[] = Array.isArray(tex.fontFace) ? tex.fontFace : [tex.fontFace]
  const list = faces.map((f) => (typeof f !== 'string' ? 'sans-serif' : f.indexOf(' ') < 0 ? f : `"${f}"`))
  return `${typeof tex.fontStyle === 'string' ? tex.fontStyle : 'normal'} ${sizePx}px ${list.join(',')}`
}

const bare = (t: string): string => t.replace(/[\s\u200B]/g, '')

/** Cut, clipped and ink box of one drawn text, from its renderInfo and its box before and after clipping. */
function fit(el: ElementLike, whole: ScreenBox, shownBox: ScreenBox): Partial<ScannedText> {
  const out: Partial<ScannedText> = {}
  const slack = 2
  const sides = [
    whole.x1 < shownBox.x1 - slack && 'left',
    whole.y1 < shownBox.y1 - slack && 'top',
    whole.x2 > shownBox.x2 + slack && 'right',
    whole.y2 > shownBox.y2 + slack && 'bottom',
  ].filter(Boolean)
  if (sides.length) out.clipped = `by a clipping parent or the screen (${sides.join(', ')})`
  const tex = el.displayedTexture || el.texture
  const info = tex && tex.source ? tex.source.renderInfo : null
  if (!tex || !info || !info.lines || typeof tex.text !== 'string') return out
  const p = info.precision || 1
  const drawn = info.lines.map((l) => l.info.text).join('')
  out.cut = !!info.moreTextLines || bare(drawn) !== bare(tex.text)
  const fontSize = (info.fontSize || 0) / p
  const lineHeight = (info.lineHeight || info.fontSize || 0) / p
  out.lines = info.lines.length
  if (!info.lines.length) return out
  // Glyph heights as the canvas measures them (a "p" falls below the baseline, a "1" does not), in texture pixels.
  const ctx = measurer()
  let top = Infinity
  let bottom = -Infinity
  for (const l of info.lines) {
    let ascent = fontSize * 0.85 * p
    let descent = fontSize * 0.2 * p
    if (ctx) {
      ctx.font = fontSetting(tex, info.fontSize || 0)
      ctx.textBaseline = isBaseline(tex.textBaseline) ? tex.textBaseline : 'alphabetic'
      const m = ctx.measureText(l.info.text)
      // Engines before Chrome 77 measure widths only: they keep the estimate.
      if (typeof m.actualBoundingBoxAscent === 'number') {
        ascent = m.actualBoundingBoxAscent
        descent = m.actualBoundingBoxDescent
      }
    }
    top = Math.min(top, (l.y - ascent) / p)
    bottom = Math.max(bottom, (l.y + descent) / p)
  }
  // Lines wider or taller than the texture (a fixed w or h without wrapping) are cut off by its own edge.
  const w = (info.width || 0) / p
  const h = (info.height || 0) / p
  const left = Math.min(...info.lines.map((l) => l.x / p))
  const widest = Math.max(0, ...info.lines.map((l) => (l.x + l.w) / p))
  if (!out.clipped && w && widest > w + slack)
    out.clipped = `by its own width (${Math.round(widest)} > ${Math.round(w)})`
  if (!out.clipped && h && (bottom > h + slack || top < -slack))
    out.clipped = `by its own height (glyphs ${Math.round(top)} to ${Math.round(bottom)} in ${Math.round(h)})`
  // Texture pixels to screen: the element's box is its texture's box, scaled by the world transform.
  const rw = w || el.renderWidth
  const rh = h || el.renderHeight
  const sx = rw ? (whole.x2 - whole.x1) / rw : 1
  const sy = rh ? (whole.y2 - whole.y1) / rh : 1
  out.lineHeight = lineHeight * sy
  out.ink = intersect(shownBox, {
    x1: whole.x1 + left * sx,
    y1: whole.y1 + top * sy,
    x2: whole.x1 + widest * sx,
    y2: whole.y1 + bottom * sy,
  })
  return out
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
      const whole = box(el)
      const b = intersect(intersect(clip, SCREEN), whole)
      if (b.x2 > b.x1 && b.y2 > b.y1)
        texts.push({
          text: tex.text.replace(/\u200B/g, ''),
          size,
          ref: el.ref || (el.parent ? el.parent.ref : undefined),
          ...b,
          ...fit(el, whole, b),
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
