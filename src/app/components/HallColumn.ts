/**
 * ui-components' Column with its style props that pages set in templates typed (ui-components reads
 * a style prop set on the component, e.g. `itemSpacing`, over the theme's). While it holds the focus it
 * tells its page where the viewer is ("3 / 12") and whether rows are hidden above or below, for the
 * page frame to show beside the hints.
 */
import { Column } from '@lightningjs/ui-components'
import { Lightning } from '@lightningjs/sdk'
import { showListPosition } from '../lib/listPosition.ts'

export interface HallColumnSpec extends Column.TemplateSpec {
  itemSpacing: number
  /** A subclass's own template sets its props before ui-components' theme does: its spacing goes here. */
  style: { itemSpacing?: number }
}

export default class HallColumn extends Column<HallColumnSpec> {
  // Column lays out (and scrolls to) the selected row here, after every move and every new set of rows;
  // it takes the newly and previously selected rows, which its typings leave out.
  override _render(...rows: unknown[]): void {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to this on the next line
    const render: (...rows: unknown[]) => void = super._render
    render.apply(this, rows)
    if (this.hasFocus()) this._report()
  }

  override _focus(target: Lightning.Component, prev?: Lightning.Component): void {
    super._focus(target, prev)
    this._report()
  }

  override _unfocus(target: Lightning.Component, prev?: Lightning.Component): void {
    super._unfocus(target, prev)
    showListPosition(this, null)
  }

  /**
   * Rows a lazy list (lazyUpCount) holds but has not built yet. ui-components keeps them in `_lazyItems`,
   * which its types do not declare; without them a list of 12 bills counted "2 / 9".
   */
  private _notBuilt(): number {
    const lazy: unknown = Reflect.get(this, '_lazyItems')
    return Array.isArray(lazy) ? lazy.length : 0
  }

  /** Where the viewer is, and whether rows lie beyond the list's edges (where its scroll is heading). */
  private _report(): void {
    const rows = this.Items.children
    const total = rows.length + this._notBuilt()
    if (total < 2) return showListPosition(this, null)
    const top = this.Items.getSmooth('y', this.Items.y)
    const last = rows[rows.length - 1]
    showListPosition(this, {
      index: Math.min(this.selectedIndex, total - 1) + 1,
      total,
      above: top < (this.itemPosY || 0) - 1,
      below: top + last.y + last.h > this.h + 1 || total > rows.length,
    })
  }
}

/**
 * The height of a list that shows only whole rows: `pad` above and below for the focus frame, as many
 * rows of `rowH` with `gap` between as fit in `maxH`. The next row starts below it, so none is ever cut.
 */
export function fitRows(maxH: number, rowH: number, gap: number, pad = 8): number {
  const rows = Math.max(1, Math.floor((maxH - 2 * pad + gap) / (rowH + gap)))
  return 2 * pad + rows * rowH + (rows - 1) * gap
}
