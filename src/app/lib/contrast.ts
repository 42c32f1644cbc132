/**
 * WCAG contrast between two Lightning colours (0xAARRGGBB), so tests can hold every text colour of
 * both looks to 4.5:1 on the panels it sits on.
 */

function channel(v: number): number {
  const c = v / 255
  return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
}

export function luminance(argb: number): number {
  const r = (argb >>> 16) & 0xff
  const g = (argb >>> 8) & 0xff
  const b = argb & 0xff
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

export function contrastRatio(a: number, b: number): number {
  const la = luminance(a)
  const lb = luminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** The title-safe area: `margin` (5%) in from every edge of a w×h stage. */
export function titleSafeArea(w: number, h: number, margin = 0.05): { x1: number; y1: number; x2: number; y2: number } {
  return {
    x1: Math.round(w * margin),
    y1: Math.round(h * margin),
    x2: Math.round(w * (1 - margin)),
    y2: Math.round(h * (1 - margin)),
  }
}
