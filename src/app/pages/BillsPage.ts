/**
 * 账单: the last 12 months as a bar chart (Left/Right across the months) and as a list (Down), each
 * bill opening its detail with OK. Back from a bill or from the payments lands on the same bill; a
 * fresh visit from the menu starts at the newest month. Yellow (or the button) opens the payments.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { CONTENT_TOP, frame, type PageTemplate } from '../components/HallPage.ts'
import { Button, Column } from '@lightningjs/ui-components'
import type { BillSummary } from '../../contract/index.ts'
import BillChart, { chartWidth } from '../components/BillChart.ts'
import { PAID_COLOR } from '../components/BillBar.ts'
import EmptyState from '../components/EmptyState.ts'
import MoneyText from '../components/MoneyText.ts'
import RecordRow, { RECORD_H, type RowContent } from '../components/RecordRow.ts'
import { api } from '../lib/backend.ts'
import { STATUS_COLOR, billStatusKey } from '../lib/billText.ts'
import { formatDate, formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const W = 1728
const CHART_Y = 300
const LIST_Y = 600
// Four whole rows (76 + 12) and their focus frame, ending above the hint bar.
const LIST_H = 360
/** Routes this page opens; coming back from them keeps the viewer's place. */
const CHILD_ROUTES = ['bills/:billId', 'payments']
/** A remote's auto-repeat sends a key every ~100–120 ms; the header waits out one repeat. */
const FOCUS_INFO_DELAY_MS = 150

const small = (text: string, color: number = Colors.textMuted) => textPatch(text, { fontSize: FontSize.small, textColor: color })

export function billRow(b: BillSummary): RowContent {
  const lang = currentLanguage()
  return {
    title: formatMonth(b.month, lang),
    detail: t(billStatusKey(b.status)) + '    ' + t('bills.dueOn', { date: formatDate(b.dueDate, lang) }),
    detailColor: STATUS_COLOR[b.status],
    fen: b.totalFen,
  }
}

export default class BillsPage extends HallPage {
  private _bills: BillSummary[] = []
  private _zone: 'Chart' | 'List' | 'Payments' = 'Chart'
  private _focusInfoTimer: ReturnType<typeof setTimeout> | undefined

  static override _template(): PageTemplate {
    return frame({
      PaymentsButton: { type: Button, x: X + W - 16, mountX: 1, y: CONTENT_TOP + 4, w: 320, h: 72, fixed: true, title: '' },
      Content: {
        alpha: 0,
        BillFocusMonth: { x: X, y: 190, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        BillFocusTotal: { type: MoneyText, x: X + 330, y: 190 },
        BillFocusStatus: { x: X + 640, y: 194, text: textPatch('', { fontSize: FontSize.body }) },
        BillFocusDue: { x: X + 860, y: 200, text: small('') },
        Legend: {
          x: X + W - 300,
          y: 268,
          PaidKey: { rect: true, y: 6, w: 24, h: 24, color: PAID_COLOR },
          PaidLabel: { x: 34, text: small('') },
          OwedKey: { rect: true, x: 150, y: 6, w: 24, h: 24, color: Colors.danger },
          OwedLabel: { x: 184, text: small('') },
        },
        BillChart: { type: BillChart, y: CHART_Y, signals: { billSelected: '_billSelected' } },
        BillList: {
          type: Column,
          x: X - 8,
          y: LIST_Y,
          w: W + 16,
          h: LIST_H,
          clipping: true,
          itemPosX: 8,
          itemPosY: 8,
          lazyUpCount: 4,
          // Scroll only past the third row, so the newest bills stay in view above the focus.
          scrollIndex: 2,
          style: { itemSpacing: 12 },
          signals: { selectedChange: '_listChanged' },
        },
      },
      BillsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
      // Ends (one 28 px line) above the title-safe bottom (1026).
    })
  }

  override _init(): void {
    this.tag('ErrorState').onRetry = () => this.load()
    this.tag('PaymentsButton').onEnter = () => this._openPayments()
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  /** Router: called before the active route switches, so it still names the screen we came back from. */
  override _onChanged(): void {
    const from = Router.getActiveRoute()
    if (this._bills.length && from && CHILD_ROUTES.indexOf(from) >= 0) return
    this.load()
  }

  load(): void {
    const reset = () => (this.tag('BillsEmpty').visible = false)
    loadScreen(this, () => api().getBills({ limit: 50 }), (page) => this._show(page.items), { reset })
  }

  private _show(bills: BillSummary[]): void {
    this._bills = bills
    this.render()
    if (!bills.length) {
      this._setState('Empty')
      return
    }
    const chart = this.tag('Content.BillChart') as BillChart
    chart.bills = bills
    chart.x = X + Math.round((W - chartWidth(bills.length)) / 2)
    this.tag('Content.BillList').items = bills.map((b, i) => ({ type: RecordRow, ref: 'BillRow' + i, w: W, h: RECORD_H, record: billRow(b) }))
    chart.selectedBill = 0
    this._zone = 'Chart'
    this._showFocusInfo(0)
    this._setState('Ready')
  }

  render(): void {
    this.title = t('bills.title')
    this.tag('PaymentsButton').title = t('bills.payments')
    this.hints = this._bills.length
      ? [['leftright', t('hint.month')], ['updown', t('hint.choose')], ['ok', t('hint.details')], ['yellow', t('hint.payments')]]
      : [['yellow', t('hint.payments')]]
    this.tag('Content.Legend.PaidLabel').text = small(t('bills.legendPaid'))
    this.tag('Content.Legend.OwedLabel').text = small(t('bills.legendOwed'))
    ;(this.tag('BillsEmpty') as EmptyState).message = t('bills.empty')
    this.tag('ErrorState').render()
    if (!this._bills.length) return
    ;(this.tag('Content.BillChart') as BillChart).render()
    const rows = this.tag('Content.BillList').items as RecordRow[]
    rows.forEach((row, i) => {
      if (this._bills[i]) row.record = billRow(this._bills[i])
    })
    this._showFocusInfo((this.tag('Content.BillChart') as BillChart).selectedBill)
  }

  private _showFocusInfo(i: number): void {
    const b = this._bills[i]
    if (!b) return
    const lang = currentLanguage()
    this.tag('Content.BillFocusMonth').text = textPatch(formatMonth(b.month, lang), { fontSize: FontSize.heading, fontStyle: 'bold' })
    ;(this.tag('Content.BillFocusTotal') as MoneyText).fen = b.totalFen
    this.tag('Content.BillFocusStatus').text = textPatch(t(billStatusKey(b.status)), { fontSize: FontSize.body, textColor: STATUS_COLOR[b.status] })
    this.tag('Content.BillFocusDue').text = small(t('bills.dueOn', { date: formatDate(b.dueDate, lang) }))
  }

  /**
   * After a focus move: the header above the chart (month, total, status, due date: four texts, each a
   * canvas draw and a texture upload) follows once the keys pause, not on every step of a held key; the
   * bar and the row already show where the focus is. Was ~100 ms of every key at ×6 CPU slowdown.
   */
  private _focusInfoLater(): void {
    if (this._focusInfoTimer) clearTimeout(this._focusInfoTimer)
    this._focusInfoTimer = setTimeout(() => {
      this._focusInfoTimer = undefined
      // The chart and the list point at the same bill; read it now (a reload may have come in between).
      this._showFocusInfo((this.tag('Content.BillChart') as BillChart).selectedBill)
    }, FOCUS_INFO_DELAY_MS)
  }

  /** Chart moved: the list follows (loading lazy rows on the way) so Down lands on the same bill. */
  _billSelected(i: number): void {
    this._focusInfoLater()
    const list = this.tag('Content.BillList')
    while (list.selectedIndex < i && list.selectNext(false)) {
      /* stepping loads the lazy rows */
    }
    while (list.selectedIndex > i && list.selectPrevious(false)) {
      /* back up to the bill */
    }
  }

  /** List moved: the chart follows. */
  _listChanged(): void {
    const i = this.tag('Content.BillList').selectedIndex as number
    ;(this.tag('Content.BillChart') as BillChart).selectedBill = i
    this._focusInfoLater()
  }

  private _openPayments(): boolean {
    Router.navigate('payments')
    return true
  }

  _handleYellow(): boolean {
    return this._openPayments()
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content').setSmooth('alpha', this._bills.length ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content').setSmooth('alpha', 1)
        }
        override _getFocused() {
          if (this._zone === 'Payments') return this.tag('PaymentsButton')
          return this._zone === 'List' ? this.tag('Content.BillList') : this.tag('Content.BillChart')
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
          const i = (this.tag('Content.BillChart') as BillChart).selectedBill
          const b = this._zone === 'List' ? this._bills[this.tag('Content.BillList').selectedIndex as number] : this._bills[i]
          if (b) Router.navigate('bills/' + b.billId)
          return true
        }
      },
      class Empty extends this {
        override $enter() {
          this.tag('Content').alpha = 0
          this.tag('BillsEmpty').visible = true
        }
        override _getFocused() {
          return this.tag('PaymentsButton')
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
