/**
 * Where the viewer is on a page, so Back can bring them to the same spot: the page's state and, for
 * every list on the focus path (ui-components' FocusManager: Column, Row, Grid), the item chosen.
 * Lists are named by their ref path from the page, which survives the page rebuilding its items.
 */
import { Lightning } from '@lightningjs/sdk'
import { FocusManager } from '@lightningjs/ui-components'

export interface Place {
  state: string
  picks: { path: string[]; index: number }[]
}

/** The refs from `page` down to `c` (empty when `c` is not below the page or a step has no ref). */
function refPath(page: Lightning.Element, c: Lightning.Element): string[] {
  const path: string[] = []
  let at: Lightning.Element | null = c
  while (at && at !== page) {
    if (!at.ref) return []
    path.unshift(at.ref)
    at = at.parent
  }
  return at === page ? path : []
}

function byPath(page: Lightning.Element, path: string[]): Lightning.Element | undefined {
  let at: Lightning.Element | undefined = page.childList.getByRef(path[0])
  path = path.slice(1)
  for (const ref of path) {
    at = at && at.childList.getByRef(ref)
    if (!at) return undefined
  }
  return at
}

/** States in which a page shows no data of its own to come back to. */
const NOT_THERE = ['Loading', 'Failed', 'Empty']

export function placeOf<S extends Lightning.Component.TemplateSpec, C extends Lightning.Component.TypeConfigLoose>(
  page: Lightning.Component<S, C>,
  app: Lightning.Application,
): Place {
  const picks: Place['picks'] = []
  for (const c of app.focusPath || []) {
    if (!(c instanceof FocusManager)) continue
    const path = refPath(page, c)
    if (path.length) picks.push({ path, index: c.selectedIndex })
  }
  return { state: page._getState(), picks }
}

/** Back to `place`: the page's state first (it picks what holds the focus), then each list's item. */
export function restorePlace<S extends Lightning.Component.TemplateSpec, C extends Lightning.Component.TypeConfigLoose>(
  page: Lightning.Component<S, C>,
  place: Place,
): void {
  const now = page._getState()
  // A page that failed or found nothing since shows that instead; the viewer's place is gone with the data.
  if (NOT_THERE.indexOf(now) >= 0) return
  if (place.state && NOT_THERE.indexOf(place.state) < 0 && now !== place.state) page._setState(place.state)
  for (const pick of place.picks) {
    const list = byPath(page, pick.path)
    if (list instanceof FocusManager && pick.index < list.items.length && list.selectedIndex !== pick.index)
      list.selectedIndex = pick.index
  }
  page._refocus()
}
