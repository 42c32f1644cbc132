/**
 * The last months' totals as bars, oldest on the left, newest on the right (the way a calendar reads).
 * Left/Right move across the months (ui-components Row); the page hears `billSelected` with the bill's
 * index in list order (newest first), so the chart and the list always point at the same bill.
 */
import { Lightning } from '@lightningjs/sdk'
import { Row } from '@lightningjs/ui-components'
import type { BillSummary } from '../../contract/index.ts'
import { shortMonth } from '../lib/billText.ts'
import { currentLanguage } from '../lib/i18n.ts'
import BillBar, { BAR_SLOT_W, CHART_H } from './BillBar.ts'

const SPACING = 28

export function chartWidth(count: number): number {
  return count > 0 ? count * BAR_SLOT_W + (count - 1) * SPACING : 0
}

export interface BillChartSpec extends Lightning.Component.TemplateSpec {
  bills: BillSummary[]
  selectedBill: number
  Axis: object
  ChartRow: typeof Row
}

export default class BillChart
  extends Lightning.Component<BillChartSpec>
  implements Lightning.Component.ImplementTemplateSpec<BillChartSpec>
{
  private _bills: BillSummary[] = []

  static override _template(): Lightning.Component.Template<BillChartSpec> {
    return {
      h: CHART_H,
      Axis: { rect: true, h: 2, color: 0x55ffffff },
      ChartRow: {
        type: Row,
        h: CHART_H,
        neverScroll: true,
        style: { itemSpacing: SPACING },
        signals: { selectedChange: '_barChanged' },
      },
    }
  }

  private get _row(): Row {
    const row = this.childList.getByRef('ChartRow')
    if (!(row instanceof Row)) throw new Error('bill chart without its row')
    return row
  }

  /** Bills newest first, as the BFF lists them. */
  set bills(list: BillSummary[]) {
    this._bills = list
    const n = list.length
    let maxFen = 0
    for (const b of list) if (b.totalFen > maxFen) maxFen = b.totalFen
    const lang = currentLanguage()
    const w = chartWidth(n)
    const row = this._row
    this.w = w
    row.w = w
    this.childList.getByRef('Axis')?.patch({ w, y: CHART_H - 56 })
    row.items = list
      .slice()
      .reverse()
      .map((bill, i) => ({
        type: BillBar,
        ref: 'BillBar' + i,
        w: BAR_SLOT_W,
        h: CHART_H,
        data: { bill, maxFen, label: shortMonth(bill.month, lang) },
      }))
  }

  /** Redraws labels (after a language switch) without moving the selection. */
  render(): void {
    const lang = currentLanguage()
    for (const bar of this._row.items) {
      const d = bar instanceof BillBar ? bar.data : null
      if (d && bar instanceof BillBar) bar.data = { ...d, label: shortMonth(d.bill.month, lang) }
    }
  }

  /** Index in list order (0 = newest). */
  get selectedBill(): number {
    return this._bills.length - 1 - this._row.selectedIndex
  }

  set selectedBill(listIndex: number) {
    const chartIndex = this._bills.length - 1 - listIndex
    const row = this._row
    if (row.selectedIndex !== chartIndex) row.selectedIndex = chartIndex
  }

  _barChanged(): void {
    this.signal('billSelected', this.selectedBill)
  }

  override _getFocused(): Lightning.Component {
    return this._row
  }
}
