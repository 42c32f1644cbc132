/**
 * 缴费记录: payments and top-ups, newest first, with channel, time and amount. Pages come from the BFF
 * as the viewer scrolls: when focus is a few rows from the end the next page is fetched and appended,
 * so a long history never waits for all of it. A failed next page says so in a toast and is asked again
 * on the next move.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { Payment } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import RecordRow, { RECORD_H } from '../components/RecordRow.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { paymentRow } from '../lib/billText.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { showToast } from '../lib/overlays.ts'
import { currentLoad, isCurrentLoad } from '../lib/screenLoad.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const W = 1728
/** Small pages: a slow box shows the first rows sooner; a year of history is two or three pages. */
const PAGE_SIZE = 10
/** Fetch the next page when focus is this close to the last loaded row. */
const PREFETCH_ROWS = 4

interface PaymentsSpec extends PageFrameSpec {
  PaymentList: typeof HallColumn
  More: object
  PaymentsEmpty: typeof EmptyState
}

export default class PaymentsPage extends HallPage<PaymentsSpec> {
  private _payments: Payment[] = []
  private _next: string | undefined
  private _fetchingMore = false

  static override _template(): PageTemplate<PaymentsSpec> {
    return frame<PaymentsSpec>({
      PaymentList: {
        type: HallColumn,
        alpha: 0,
        x: X - 8,
        y: 190,
        w: W + 16,
        h: fitRows(720, RECORD_H, 12),
        clipping: true,
        itemPosX: 8,
        itemPosY: 8,
        lazyUpCount: 9,
        scrollIndex: 5,
        itemSpacing: 12,
        signals: { selectedChange: '_rowChanged' },
      },
      More: { x: 960, mountX: 0.5, y: 916, alpha: 0, text: textPatch('', { fontSize: FontSize.small }) },
      PaymentsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _list(): HallColumn {
    return this.tag('PaymentList')!
  }

  override _init(): void {
    this.showsData({ content: this._list, empty: this.tag('PaymentsEmpty') })
    this.loadOnVisit(() => this.load())
    this.render()
  }

  load(): void {
    const reset = () => (this._fetchingMore = false)
    const show = (page: { items: Payment[]; nextCursor?: string }) => {
      this._payments = page.items
      this._next = page.nextCursor
      this._list.items = page.items.map((p, i) => this._row(p, i))
      return page.items.length > 0
    }
    this.loadData(() => api().getPayments({ limit: PAGE_SIZE }), show, { reset })
  }

  private _row(p: Payment, i: number) {
    return { type: RecordRow, ref: 'PaymentRow' + i, w: W, h: RECORD_H, detailAt: 0.35, record: paymentRow(p) }
  }

  _rowChanged(): void {
    const i = this._list.selectedIndex
    if (this._next && !this._fetchingMore && i >= this._payments.length - PREFETCH_ROWS) this._fetchMore()
  }

  private _fetchMore(): void {
    const seq = currentLoad(this)
    const more = this.tag('More')!
    this._fetchingMore = true
    more.setSmooth('alpha', 1)
    void api()
      .getPayments({ limit: PAGE_SIZE, cursor: this._next })
      .then((page) => {
        if (!isCurrentLoad(this, seq)) return
        const start = this._payments.length
        this._payments = this._payments.concat(page.items)
        this._next = page.nextCursor
        this._list.appendItems(page.items.map((p, i) => this._row(p, start + i)))
      })
      .catch((e: unknown) => {
        if (isCurrentLoad(this, seq)) showToast(t(errorMessageKey(errorCode(e))))
      })
      .then(() => {
        if (!isCurrentLoad(this, seq)) return
        this._fetchingMore = false
        more.setSmooth('alpha', 0)
      })
  }

  render(): void {
    this.title = t('payments.title')
    this.tag('More')!.text = textPatch(t('payments.loadingMore'), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
    })
    this.hints = [['updown', t('hint.scroll')]]
    this.tag('PaymentsEmpty')!.message = t('payments.empty')
    this.errorState.render()
    this._list.items.forEach((row, i) => {
      if (row instanceof RecordRow && this._payments[i]) row.record = paymentRow(this._payments[i])
    })
  }
}
