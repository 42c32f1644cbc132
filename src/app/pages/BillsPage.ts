/**
 * 账单: the last 12 months as a bar chart (Left/Right across the months) and as a list (Down), each
 * bill opening its detail with OK. Back from a bill or from the payments lands on the same bill; a
 * fresh visit from the menu starts at the newest month. Yellow (or the button) opens the payments.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { CONTENT_TOP, frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { BillSummary } from '../../contract/index.ts'
import BillChart, { chartWidth } from '../components/BillChart.ts'
import BillFocus from '../components/BillFocus.ts'
import EmptyState from '../components/EmptyState.ts'
import HallButton from '../components/HallButton.ts'
import BillList from '../components/BillList.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { failedState } from '../lib/screenLoad.ts'

const X = 96
const W = 1728
/** Routes this page opens; coming back from them keeps the viewer's place. */
const CHILD_ROUTES = ['bills/:billId', 'payments']

interface BillsSpec extends PageFrameSpec {
  PaymentsButton: typeof HallButton
  Content: { BillFocus: typeof BillFocus; BillChart: typeof BillChart; BillList: typeof BillList }
  BillsEmpty: typeof EmptyState
}

export default class BillsPage extends HallPage<BillsSpec> {
  private _bills: BillSummary[] = []
  private _zone: 'Chart' | 'List' | 'Payments' = 'Chart'

  static override _template(): PageTemplate<BillsSpec> {
    return frame<BillsSpec>({
      PaymentsButton: {
        type: HallButton,
        x: X + W - 16,
        mountX: 1,
        y: CONTENT_TOP + 4,
        w: 320,
        h: 72,
        fixed: true,
      },
      Content: {
        alpha: 0,
        BillFocus: { type: BillFocus, x: X, y: 190 },
        BillChart: { type: BillChart, y: 300, signals: { billSelected: '_billSelected' } },
        // Four whole rows, ending above the hint bar; scrolling only past the third keeps the newest in view.
        BillList: {
          ...BillList.place(X, 600, W, 360),
          lazyUpCount: 4,
          scrollIndex: 2,
          signals: { selectedChange: '_listChanged' },
        },
      },
      BillsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _chart(): BillChart {
    return this.tag('Content.BillChart')!
  }

  private get _list(): BillList {
    return this.tag('Content.BillList')!
  }

  private get _focusInfo(): BillFocus {
    return this.tag('Content.BillFocus')!
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('PaymentsButton')!.onEnter = () => this._handleYellow()
    this.render()
  }

  /** Router: called before the active route switches, so it still names the screen we came back from. */
  protected override visit(first: boolean): void {
    const from = Router.getActiveRoute()
    if (!first && this._bills.length && from && CHILD_ROUTES.indexOf(from) >= 0) return
    this.load()
  }

  load(): void {
    const reset = () => (this.tag('BillsEmpty')!.visible = false)
    this.loadData(
      () => api().getBills({ limit: 50 }),
      (page) => this._show(page.items),
      { reset },
    )
  }

  private _show(bills: BillSummary[]): void {
    this._bills = bills
    this.render()
    if (!bills.length) {
      this._setState('Empty')
      return
    }
    this._chart.bills = bills
    this._chart.x = X + Math.round((W - chartWidth(bills.length)) / 2)
    this._list.show(bills)
    this._chart.selectedBill = 0
    this._zone = 'Chart'
    this._focusInfo.bill = bills[0]
    this._setState('Ready')
  }

  render(): void {
    this.title = t('bills.title')
    this.tag('PaymentsButton')!.title = t('bills.payments')
    this.hints = this._bills.length
      ? [
          ['leftright', t('hint.month')],
          ['updown', t('hint.choose')],
          ['ok', t('hint.details')],
          ['yellow', t('hint.payments')],
        ]
      : [['yellow', t('hint.payments')]]
    this.tag('BillsEmpty')!.message = t('bills.empty')
    this.errorState.render()
    this._focusInfo.render()
    if (!this._bills.length) return
    this._chart.render()
    this._list.rename(this._bills)
  }

  private _focusedBill = (): BillSummary | null => this._bills[this._chart.selectedBill] || null

  /** Chart moved: the list follows (loading lazy rows on the way) so Down lands on the same bill. */
  _billSelected(i: number): void {
    this._focusInfo.showLater(() => this._focusedBill())
    this._list.walkTo(i)
  }

  /** List moved: the chart follows. */
  _listChanged(): void {
    this._chart.selectedBill = this._list.selectedIndex
    this._focusInfo.showLater(() => this._focusedBill())
  }

  _handleYellow(): boolean {
    Router.navigate('payments')
    return true
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', this._bills.length ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', 1)
        }
        override _getFocused() {
          if (this._zone === 'Payments') return this.tag('PaymentsButton')
          return this._zone === 'List' ? this._list : this._chart
        }
        override _handleDown(): boolean {
          if (this._zone === 'Payments') this._zone = 'Chart'
          else if (this._zone === 'Chart') this._zone = 'List'
          this._refocus()
          return true
        }
        override _handleUp(): boolean {
          // The list handles Up itself until its first row; from there Up goes back to the chart.
          if (this._zone === 'List') this._zone = 'Chart'
          else if (this._zone === 'Chart') this._zone = 'Payments'
          this._refocus()
          return true
        }
        override _handleEnter(): boolean {
          const b = this._zone === 'List' ? this._bills[this._list.selectedIndex] : this._focusedBill()
          if (b) Router.navigate('bills/' + b.billId)
          return true
        }
      },
      class Empty extends this {
        override $enter() {
          this.tag('Content')!.alpha = 0
          this.tag('BillsEmpty')!.visible = true
        }
        override _getFocused() {
          return this.tag('PaymentsButton')
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
