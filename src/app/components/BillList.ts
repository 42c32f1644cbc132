/**
 * The bills as a list under the chart: one RecordRow a month (amount, status), built as they scroll
 * into view; only whole rows in its height, scrolling past the third so the newest stay in view.
 */
import type { BillSummary } from '../../contract/index.ts'
import HallColumn, { fitRows } from './HallColumn.ts'
import RecordRow, { RECORD_H } from './RecordRow.ts'
import { billRow } from '../lib/billText.ts'

const GAP = 12

export default class BillList extends HallColumn {
  /** A list of rows `w` wide at (x, y), as many whole rows as fit in `maxH`. */
  static place(x: number, y: number, w: number, maxH: number) {
    const h = fitRows(maxH, RECORD_H, GAP)
    // The spacing as a style: a plain itemSpacing prop is overwritten by the theme's, and rows then overran fitRows.
    const style = { itemSpacing: GAP }
    return { type: BillList, x: x - 8, y, w: w + 16, h, clipping: true, itemPosX: 8, itemPosY: 8, style }
  }

  show(bills: BillSummary[]): void {
    const w = this.w - 16
    this.items = bills.map((b, i) => ({ type: RecordRow, ref: 'BillRow' + i, w, h: RECORD_H, record: billRow(b) }))
  }

  /** The rows' words again, in the current language. */
  rename(bills: BillSummary[]): void {
    this.items.forEach((row, i) => {
      if (row instanceof RecordRow && bills[i]) row.record = billRow(bills[i])
    })
  }

  /** Step by step to the `i`th row, which builds the lazy rows on the way (a list cannot jump past rows it has not built). */
  walkTo(i: number): void {
    // Bounded: a row that cannot be reached must not hang the box.
    const n = Math.abs(i - this.selectedIndex) + 1
    for (let k = n; this.selectedIndex < i && k > 0; k--) this.selectNext(false)
    for (let k = n; this.selectedIndex > i && k > 0; k--) this.selectPrevious()
  }
}
