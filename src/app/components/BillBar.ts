/**
 * One month of the bills chart, drawn with rects: the paid part in blue from the bottom, what is still
 * owed in red on top, the month under it. The focused bar turns amber, gains a white frame and shows
 * its amount above it.
 */
import { Lightning } from '@lightningjs/sdk'
import type { BillSummary } from '../../contract/index.ts'
import { formatFen } from '../lib/format.ts'
import { Colors, FontSize, ROW_FOCUS_SCALE, textPatch } from '../lib/theme.ts'

export const BAR_SLOT_W = 116
export const CHART_H = 290
const BAR_W = 64
const LABEL_H = 56
const AMOUNT_H = 48
const BAR_MAX_H = CHART_H - LABEL_H - AMOUNT_H
const MIN_H = 6
const BASE_Y = CHART_H - LABEL_H
export const PAID_COLOR = 0xff4a90e2

export interface BarData {
  bill: BillSummary
  /** Biggest total of the chart: the full bar height. */
  maxFen: number
  /** Short month under the bar, e.g. `3月` / `Mar`. */
  label: string
}

/** Pixel heights of the paid and owed parts; a credit or zero month still shows a sliver. */
export function barHeights(totalFen: number, paidFen: number, maxFen: number): { paid: number; owed: number } {
  if (totalFen <= 0 || maxFen <= 0) return { paid: MIN_H, owed: 0 }
  const h = Math.max(MIN_H, Math.round((totalFen / maxFen) * BAR_MAX_H))
  const paidShare = Math.min(paidFen, totalFen) / totalFen
  const paid = Math.round(h * paidShare)
  return { paid, owed: h - paid }
}

export interface BillBarSpec extends Lightning.Component.TemplateSpec {
  data: BarData | null
  Frame: object
  Paid: object
  Owed: object
  BarAmount: object
  BarMonth: object
  BarMonthFocused: object
}

export default class BillBar
  extends Lightning.Component<BillBarSpec>
  implements Lightning.Component.ImplementTemplateSpec<BillBarSpec>
{
  private _data: BarData | null = null

  static override _template(): Lightning.Component.Template<BillBarSpec> {
    const x = (BAR_SLOT_W - BAR_W) / 2
    return {
      w: BAR_SLOT_W,
      h: CHART_H,
      Frame: { x: x - 6, alpha: 0, rect: true, w: BAR_W + 12, color: Colors.text },
      Paid: { rect: true, x, w: BAR_W, color: PAID_COLOR },
      Owed: { rect: true, x, w: BAR_W, color: Colors.danger },
      BarAmount: { x: BAR_SLOT_W / 2, mountX: 0.5, alpha: 0, text: textPatch('', { fontSize: FontSize.small }) },
      BarMonth: { x: BAR_SLOT_W / 2, mountX: 0.5, y: BASE_Y + 10, text: textPatch('', { fontSize: FontSize.small }) },
      // The focused month in bold: its own text, shown instead of BarMonth, so a focus move redraws no text.
      BarMonthFocused: {
        x: BAR_SLOT_W / 2,
        mountX: 0.5,
        y: BASE_Y + 10,
        alpha: 0,
        text: textPatch('', { fontSize: FontSize.small, fontStyle: 'bold' }),
      },
    }
  }

  set data(v: BarData) {
    this._data = v
    this.render()
  }

  get data(): BarData | null {
    return this._data
  }

  render(): void {
    const d = this._data
    if (!d) return
    const focused = this.hasFocus()
    const { paid, owed } = barHeights(d.bill.totalFen, d.bill.paidFen, d.maxFen)
    const top = BASE_Y - paid - owed
    this.patch({
      Frame: { y: top - 6, h: paid + owed + 12, alpha: focused ? 1 : 0 },
      Paid: { y: BASE_Y - paid, h: paid, color: focused ? Colors.accent : PAID_COLOR },
      Owed: { y: top, h: owed, color: focused ? Colors.accent : Colors.danger },
      BarAmount: {
        y: top - AMOUNT_H,
        alpha: focused ? 1 : 0,
        text: textPatch(formatFen(d.bill.totalFen), { fontSize: FontSize.small, fontStyle: 'bold' }),
      },
      BarMonth: {
        alpha: focused ? 0 : 1,
        text: textPatch(d.label, { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
      BarMonthFocused: {
        alpha: focused ? 1 : 0,
        text: textPatch(d.label, { fontSize: FontSize.small, fontStyle: 'bold', textColor: Colors.accent }),
      },
    })
  }

  override _focus(): void {
    // Focus shows by size too, not by colour alone.
    this.setSmooth('scale', ROW_FOCUS_SCALE)
    this.render()
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1)
    this.render()
  }
}
