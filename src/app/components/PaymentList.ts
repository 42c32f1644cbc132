/**
 * The payment history as a list: one RecordRow a payment or top-up (channel, time, amount), built as
 * they scroll into view, only whole rows in its height. Pages come from the BFF as the viewer scrolls:
 * when the focus is a few rows from the end the next page is fetched and appended, so a long history
 * never waits for all of it. A failed next page says so in a toast and is asked again on the next move.
 */
import type { Payment, PaymentListResponse } from '../../contract/index.ts'
import HallColumn, { fitRows } from './HallColumn.ts'
import RecordRow, { RECORD_H } from './RecordRow.ts'
import { errorCode } from '../lib/api.ts'
import { paymentRow } from '../lib/billText.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { showToast } from '../lib/overlays.ts'

const GAP = 12
/** Fetch the next page when focus is this close to the last loaded row. */
const PREFETCH_ROWS = 4

export default class PaymentList extends HallColumn {
  private _payments: Payment[] = []
  private _next: string | undefined
  private _fetching = false
  /** Bumped by each first page, so a late next page of an earlier one is dropped. */
  private _generation = 0
  /** The page after `cursor`. */
  fetchPage: ((cursor: string) => Promise<PaymentListResponse>) | null = null
  /** A next page is on its way (true) or came or failed (false). */
  onFetching: (busy: boolean) => void = () => {}

  /** A list of rows `w` wide at (x, y), as many whole rows as fit in `maxH`. */
  static place(x: number, y: number, w: number, maxH: number) {
    const h = fitRows(maxH, RECORD_H, GAP)
    const rows = { itemPosX: 8, itemPosY: 8, lazyUpCount: 9, scrollIndex: 5, style: { itemSpacing: GAP } }
    return { type: PaymentList, x: x - 8, y, w: w + 16, h, clipping: true, ...rows }
  }

  /** The first page of the history: the rows start again from it. */
  show(page: PaymentListResponse): void {
    this._generation++
    this._setFetching(false)
    this._payments = page.items
    this._next = page.nextCursor
    this.items = page.items.map((p, i) => this._row(p, i))
  }

  /** The rows' words again, in the current language. */
  rename(): void {
    this.items.forEach((row, i) => {
      if (row instanceof RecordRow && this._payments[i]) row.record = paymentRow(this._payments[i])
    })
  }

  private _row(p: Payment, i: number) {
    return {
      type: RecordRow,
      ref: 'PaymentRow' + i,
      w: this.w - 16,
      h: RECORD_H,
      detailAt: 0.35,
      record: paymentRow(p),
    }
  }

  // Column renders after every move and every new set of rows: the place to look how near the end the focus is.
  override _render(...rows: unknown[]): void {
    super._render(...rows)
    const near = this.selectedIndex >= this._payments.length - PREFETCH_ROWS
    if (near && this._next && !this._fetching) this._fetchMore(this._next)
  }

  private _setFetching(busy: boolean): void {
    this._fetching = busy
    this.onFetching(busy)
  }

  private _fetchMore(cursor: string): void {
    const generation = this._generation
    const current = () => generation === this._generation
    if (!this.fetchPage) return
    this._setFetching(true)
    void this.fetchPage(cursor)
      .then((page) => {
        if (!current()) return
        const start = this._payments.length
        this._payments = this._payments.concat(page.items)
        this._next = page.nextCursor
        this.appendItems(page.items.map((p, i) => this._row(p, start + i)))
      })
      .catch((e: unknown) => {
        if (current()) showToast(t(errorMessageKey(errorCode(e))))
      })
      .then(() => {
        if (current()) this._setFetching(false)
      })
  }
}
