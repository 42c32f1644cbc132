/**
 * The catalogue's shelves, one button each, down the left. The shelf whose packages are shown is marked
 * by an accent bar beside it, so it stays visible when the focus is in the packages; Up/Down change shelf.
 */
import { Lightning } from '@lightningjs/sdk'
import { Button } from '@lightningjs/ui-components'
import HallColumn from './HallColumn.ts'
import { Colors, FOCUS_SCALE, Radius } from '../lib/theme.ts'

export const CATEGORY_W = 320
const CATEGORY_H = 60
export const CATEGORY_GAP = 8
/** How far a focused button grows past each side (ui-components scale it about its centre). */
export const CATEGORY_GROW = Math.ceil((CATEGORY_W * (FOCUS_SCALE - 1)) / 2)

export interface Shelf {
  ref: string
  name: string
}

export default class CategoryList extends HallColumn {
  /** The viewer moved to another shelf. */
  onShelf: (index: number) => void = () => {}

  static override _template() {
    return {
      ...super._template(),
      w: CATEGORY_W,
      neverScroll: true,
      ShelfMark: {
        rect: true,
        x: -CATEGORY_GROW - 10,
        w: 6,
        h: CATEGORY_H,
        color: Colors.accent,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: Radius.button / 4 },
      },
    }
  }

  /** The shelf last reported through onShelf; -1 while shelves are being put in (that is no viewer's move). */
  private _reported = -1

  /** Put in the shelves with `index` selected, without reporting it as the viewer's move. */
  open(list: Shelf[], index: number): void {
    this._reported = -1
    this.items = list.map((s) => ({
      type: Button,
      ref: s.ref,
      w: CATEGORY_W,
      h: CATEGORY_H,
      fixed: true,
      title: s.name,
    }))
    this.selectedIndex = index
    this._reported = index
  }

  /** New names (a language switch), same shelves. */
  rename(names: string[]): void {
    this.Items.children.forEach((b, i) => {
      if (b instanceof Button && names[i]) b.title = names[i]
    })
  }

  override _render(...rows: unknown[]): void {
    super._render(...rows)
    const mark = this.childList.getByRef('ShelfMark')
    if (mark)
      mark.patch({
        y: this.selectedIndex * (CATEGORY_H + CATEGORY_GAP),
        color: Colors.accent,
        visible: this.items.length > 0,
      })
    if (this._reported < 0 || this.selectedIndex === this._reported) return
    this._reported = this.selectedIndex
    this.onShelf(this._reported)
  }
}
