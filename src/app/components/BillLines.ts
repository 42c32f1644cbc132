/** The itemised charges of a bill (消费清单), one RecordRow each, refunds in green; scrolls past eight. */
import type { BillDetail } from '../../contract/index.ts'
import HallColumn from './HallColumn.ts'
import RecordRow, { RECORD_H } from './RecordRow.ts'
import { lineName } from '../lib/billText.ts'
import { rowOverhang } from '../lib/rowLook.ts'
import { Colors, ROW_FOCUS_SCALE } from '../lib/theme.ts'

const GAP = 10

export default class BillLines extends HallColumn {
  /** A list of rows `w` wide at (x, y), with room round them for the focused row to grow. */
  static place(x: number, y: number, w: number) {
    const pad = rowOverhang(w)
    const h = 8 * (RECORD_H + GAP) + 6
    const scroll = { lazyUpCount: 9, scrollIndex: 5, style: { itemSpacing: GAP } }
    return { type: BillLines, x: x - pad, y, w: w + 2 * pad, h, clipping: true, itemPosX: pad, itemPosY: 8, ...scroll }
  }

  show(lines: BillDetail['lines']): void {
    const w = this.w - 2 * (this.itemPosX || 0)
    this.items = lines.map((l, i) => ({
      type: RecordRow,
      ref: 'BillLine' + i,
      w,
      h: RECORD_H,
      detailAt: 0.82,
      focusScale: ROW_FOCUS_SCALE,
      record: { title: lineName(l), fen: l.amountFen, amountColor: l.amountFen < 0 ? Colors.ok : Colors.text },
    }))
  }
}
