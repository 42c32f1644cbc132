/**
 * `window.__tvhall = { route, focusedRef }` lets end-to-end tests wait for a screen without reading
 * pixels. Two short strings: harmless on a box.
 */
interface TvHallHooks {
  route?: string
  focusedRef?: string
  language?: string
  /** Main screens (routes without parameters), so the emulator's walk picks up new pages unedited. */
  screens?: string[]
  /** Loading indicators started and not yet stopped: the screen is still filling in. */
  loading?: number
  /** One more frame drawn: WebGL keeps no picture between frames, so the emulator's screenshot asks for one. */
  redraw?: () => void
  /** The focused leaf and the visible texts with their boxes, for the remote crawler. */
  scan?: () => unknown
  /** Whether a dialog is up: the emulator's walk closes one (as a viewer would) before the next screen. */
  dialogOpen?: () => boolean
}

function hooks(): TvHallHooks {
  const w = window as unknown as { __tvhall?: TvHallHooks }
  if (!w.__tvhall) w.__tvhall = {}
  return w.__tvhall
}

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

export function exposeScan(scan: () => unknown): void {
  hooks().scan = scan
}

export function exposeDialogState(isOpen: () => boolean): void {
  hooks().dialogOpen = isOpen
}
