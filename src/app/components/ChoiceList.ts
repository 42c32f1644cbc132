/**
 * A list of choices, one full-width row each (a fault's category, its description, a visit slot; a
 * complaint's type or subject): it opens on the value chosen so far, and OK chooses the focused row.
 */
import HallColumn from './HallColumn.ts'
import RecordRow, { RECORD_H } from './RecordRow.ts'

/** Room each side of the rows for the focus frame. */
export const CHOICE_INSET = 8

export default class ChoiceList extends HallColumn {
  /** OK on a row: its index. */
  onChosen: (index: number) => void = () => {}

  /** Shows the `titles` as rows named `ref + index`, the focus on `current`. */
  choices(titles: string[], ref: string, current = 0): void {
    this.items = titles.map((title, i) => ({
      type: RecordRow,
      ref: ref + i,
      w: this.w - 2 * CHOICE_INSET,
      h: RECORD_H,
      detailAt: 0.99,
      record: { title, fen: null },
    }))
    this.selectedIndex = Math.max(0, current)
  }

  override _handleEnter(): boolean {
    this.onChosen(this.selectedIndex)
    return true
  }
}
