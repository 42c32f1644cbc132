/**
 * One bill: period, amount due, amount paid, status and due date on the left with what changed since
 * last month under them (BillChangeList, loaded after the bill); the itemised charges (消费清单) on the
 * right. Up/Down scroll, Left/Right move between the charges and the changes.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { BillDetail } from '../../contract/index.ts'
import BillChangeList from '../components/BillChangeList.ts'
import BillCharges from '../components/BillCharges.ts'
import BillFacts from '../components/BillFacts.ts'
import { api } from '../lib/backend.ts'
import { formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'

const X = 96

interface BillDetailSpec extends PageFrameSpec {
  Content: {
    Fields: typeof BillFacts
    BillChangeList: typeof BillChangeList
    Charges: typeof BillCharges
  }
}

export default class BillDetailPage extends HallPage<BillDetailSpec> {
  private _bill: BillDetail | null = null
  private _billId = ''
  private _zone: 'Lines' | 'Changes' = 'Lines'

  static override _template(): PageTemplate<BillDetailSpec> {
    return frame<BillDetailSpec>({
      Content: {
        Fields: { type: BillFacts, x: X, y: 190 },
        // y 530: its four rows end above the hints (970).
        BillChangeList: { type: BillChangeList, x: X, y: 530 },
        Charges: BillCharges.place(184),
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
    this.showsData({ content: this.tag('Content')!, focus: () => this._zoneFocus() })
    this.loadOnVisit(() => this.load())
    this.render()
  }

  load(): void {
    this._bill = null
    const show = (bill: BillDetail) => {
      this._bill = bill
      this._zone = 'Lines'
      this.tag('Content.Charges')!.lines = bill.lines
      this.render()
      this._changes.compare(bill)
      return true
    }
    this.loadData(() => api().getBill(this._billId), show)
  }

  private _zoneFocus() {
    if (this._zone === 'Changes' && this._changes.hasRows) return this._changes
    return this.tag('Content.Charges')!.hasRows ? this.tag('Content.Charges') : undefined
  }

  render(): void {
    const b = this._bill
    this.title = b ? t('billDetail.title', { month: formatMonth(b.month, currentLanguage()) }) : t('bills.title')
    this.hints = [
      ['updown', t('hint.scroll')],
      ['leftright', t('hint.pane')],
    ]
    this.errorState.render()
    this._changes.render()
    this.tag('Content.Fields')!.show(b)
    this.tag('Content.Charges')!.render()
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
}
