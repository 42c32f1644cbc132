/**
 * One bill: period, amount due, amount paid, status and due date on the left with what changed since
 * last month under them; the itemised charges (消费清单) on the right. Up/Down scroll, Left/Right move
 * between the charges and the changes. The comparison loads after the bill, so a slow or failing
 * previous month never holds the bill itself back.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { BillDetail, BillSummary } from '../../contract/index.ts'
import BillChangeList, { type ChangeView } from '../components/BillChangeList.ts'
import BillFacts from '../components/BillFacts.ts'
import BillLines from '../components/BillLines.ts'
import { rowOverhang } from '../lib/rowLook.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { compareBills, previousMonth } from '../lib/billChange.ts'
import { formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { failedState, isCurrentLoad, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const RIGHT_W = 800
/** The charges are narrower than the safe area, so the focused one grows: keep that much room round them. */
const RIGHT_X = 1824 - rowOverhang(RIGHT_W) - RIGHT_W

interface BillDetailSpec extends PageFrameSpec {
  Content: {
    Fields: typeof BillFacts
    BillChangeList: typeof BillChangeList
    LinesHeading: object
    NoLines: object
    BillLines: typeof BillLines
  }
}

/** The bill of the month before, from the bills list (a deep-linked bill has no list to come from). */
function findPrevious(bills: BillSummary[], bill: BillDetail): BillSummary | undefined {
  const month = previousMonth(bill.month)
  for (const b of bills) if (b.month === month) return b
  return undefined
}

export default class BillDetailPage extends HallPage<BillDetailSpec> {
  private _bill: BillDetail | null = null
  private _billId = ''
  private _zone: 'Lines' | 'Changes' = 'Lines'

  static override _template(): PageTemplate<BillDetailSpec> {
    return frame<BillDetailSpec>({
      Content: {
        alpha: 0,
        Fields: { type: BillFacts, x: X, y: 190 },
        // y 530: its four rows end above the hints (970).
        BillChangeList: { type: BillChangeList, x: X, y: 530 },
        LinesHeading: { x: RIGHT_X, y: 184, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        NoLines: { x: RIGHT_X, y: 264, text: textPatch('', { textColor: Colors.textMuted }) },
        BillLines: BillLines.place(RIGHT_X, 244, RIGHT_W),
      },
    })
  }

  private get _changes(): BillChangeList {
    return this.tag('Content.BillChangeList')!
  }

  /** Router: `bills/:billId`. */
  override set params(p: Router.PageParams) {
    this._billId = p && p.billId ? String(p.billId) : ''
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
    this.render()
  }

  load(): void {
    const reset = () => (this._bill = null)
    loadScreen(
      this,
      () => api().getBill(this._billId),
      (bill, seq) => {
        this._bill = bill
        this._zone = 'Lines'
        this.render()
        this._setState('Ready')
        this._compare(bill, seq)
      },
      { reset },
    )
  }

  private _compare(bill: BillDetail, seq: number): void {
    const show = (v: ChangeView) => {
      if (isCurrentLoad(this, seq)) this._changes.view = v
    }
    show({ kind: 'loading' })
    api()
      .getBills({ limit: 50 })
      .then((page) => {
        const prev = findPrevious(page.items, bill)
        if (!prev) return show({ kind: 'none' })
        return api()
          .getBill(prev.billId)
          .then((previous) => show({ kind: 'compared', comparison: compareBills(bill, previous) }))
      })
      .catch((e: unknown) => {
        errorCode(e)
        show({ kind: 'unavailable' })
      })
  }

  render(): void {
    const b = this._bill
    this.title = b ? t('billDetail.title', { month: formatMonth(b.month, currentLanguage()) }) : t('bills.title')
    this.hints = [
      ['updown', t('hint.scroll')],
      ['leftright', t('hint.pane')],
    ]
    const heading = { fontSize: FontSize.heading, fontStyle: 'bold' }
    this.tag('Content.LinesHeading')!.text = textPatch(t('billDetail.lines'), heading)
    this.errorState.render()
    this._changes.render()
    this.tag('Content.Fields')!.show(b)
    if (!b) return
    const noLines = b.lines.length ? '' : t('billDetail.noLines')
    this.tag('Content.NoLines')!.text = textPatch(noLines, { textColor: Colors.textMuted })
    this.tag('Content.BillLines')!.show(b.lines)
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content')!.alpha = 0
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', 1)
        }
        override _getFocused() {
          if (this._zone === 'Changes' && this._changes.hasRows) return this._changes
          return this._bill && this._bill.lines.length ? this.tag('Content.BillLines') : this
        }
        override _handleLeft(): boolean {
          this._zone = 'Changes'
          this._refocus()
          return true
        }
        override _handleRight(): boolean {
          this._zone = 'Lines'
          this._refocus()
          return true
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
