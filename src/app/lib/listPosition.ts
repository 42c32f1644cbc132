/** Where the viewer is in a list, as the page frame shows it beside the hints ("3 / 12", more above/below). */
export interface ListPosition {
  /** 1-based. */
  index: number
  total: number
  above: boolean
  below: boolean
}

/** What shows a list's position: the page frame (HallPage) does. */
interface PositionShower {
  showListPosition(position: ListPosition | null): void
}

interface Node {
  parent: Node | null
}

function isShower(el: unknown): el is PositionShower {
  return typeof el === 'object' && el !== null && 'showListPosition' in el && typeof el.showListPosition === 'function'
}

/** Tells the page a list belongs to where the viewer is in it (null: the list lost the focus). */
export function showListPosition(list: Node, position: ListPosition | null): void {
  for (let el = list.parent; el; el = el.parent) {
    if (isShower(el)) return el.showListPosition(position)
  }
}
