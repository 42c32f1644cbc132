/** The test hooks' writers (lib/hostWindow.ts declares `window.__tvhall`). */
import { tvHallHooks as hooks } from './hostWindow.ts'
import type { ScreenScan } from './screenScan.ts'

export function reportRoute(route: string): void {
  hooks().route = route
}

export function reportFocus(ref: string | undefined): void {
  hooks().focusedRef = ref
}

export function reportLanguage(language: string): void {
  hooks().language = language
}

type RouteLike = { path: string; options?: { preventStorage?: boolean } }

/** Boot, error and fallback routes keep out of history (preventStorage); `a/:id` needs data to open. */
export function reportScreens(routes: readonly RouteLike[]): void {
  hooks().screens = routes
    .filter((r) => !(r.options && r.options.preventStorage) && !/[:$!*]/.test(r.path))
    .map((r) => r.path)
}

export function reportLoading(delta: 1 | -1): void {
  const h = hooks()
  h.loading = Math.max(0, (h.loading || 0) + delta)
}

export function exposeRedraw(redraw: () => void): void {
  hooks().redraw = redraw
}

export function exposeScan(scan: () => ScreenScan): void {
  hooks().scan = scan
}

export function exposeDialogState(isOpen: () => boolean): void {
  hooks().dialogOpen = isOpen
}
