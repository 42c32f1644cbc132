/**
 * `window.__tvhall = { route, focusedRef }` lets end-to-end tests wait for a screen without reading
 * pixels. Two short strings: harmless on a box.
 */
interface TvHallHooks {
  route?: string
  focusedRef?: string
  language?: string
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
