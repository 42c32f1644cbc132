/**
 * The viewer's repair tickets as a list: one RecordRow a ticket (category, number, status, date; open
 * ones in amber), only whole rows in its height. A refresh with the same tickets relabels the rows in
 * place, so the focus stays where it is while a status moves on. OK opens the focused ticket.
 */
import type { TicketSummary } from '../../contract/index.ts'
import HallColumn, { fitRows } from './HallColumn.ts'
import RecordRow, { RECORD_H } from './RecordRow.ts'
import { sameTickets, ticketRow } from '../lib/ticketRows.ts'

const GAP = 12

export default class TicketList extends HallColumn {
  private _tickets: TicketSummary[] = []
  /** Called with the ticket the viewer opened. */
  onOpen: ((ticket: TicketSummary) => void) | null = null

  /** A list of rows `w` wide at (x, y), as many whole rows as fit in `maxH`. */
  static place(x: number, y: number, w: number, maxH: number) {
    const h = fitRows(maxH, RECORD_H, GAP)
    const style = { itemSpacing: GAP }
    return {
      type: TicketList,
      x: x - 8,
      y,
      w: w + 16,
      h,
      clipping: true,
      itemPosX: 8,
      itemPosY: 8,
      scrollIndex: 5,
      style,
    }
  }

  get tickets(): TicketSummary[] {
    return this._tickets
  }

  /** The tickets now: the same ones are relabelled in place, others rebuild the rows (the focus kept by index). */
  show(tickets: TicketSummary[]): void {
    const same = sameTickets(tickets, this._tickets)
    this._tickets = tickets
    if (same) return this.rename()
    const was = this.items.length ? this.selectedIndex : 0
    const w = this.w - 16
    this.items = tickets.map((x, i) => ({
      type: RecordRow,
      ref: 'TicketRow' + i,
      w,
      h: RECORD_H,
      detailAt: 0.3,
      record: ticketRow(x),
    }))
    if (tickets.length) this.selectedIndex = Math.min(was, tickets.length - 1)
  }

  /** The rows' words again, in the current language or with a new status. */
  rename(): void {
    this.items.forEach((row, i) => {
      if (row instanceof RecordRow && this._tickets[i]) row.record = ticketRow(this._tickets[i])
    })
  }

  override _handleEnter(): boolean {
    const x = this._tickets[this.selectedIndex]
    if (x && this.onOpen) this.onOpen(x)
    return true
  }
}
