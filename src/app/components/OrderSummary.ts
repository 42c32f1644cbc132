/**
 * What a confirmation must show before a paid order (NRTA second confirmation): product, period, amount,
 * dates, balance before and after. Values carry refs (`OrderAmount`…) for the end-to-end tests.
 */
import { Lightning } from '@lightningjs/sdk'
import type { OrderQuote } from '../../contract/index.ts'
import { heldName, periodKey } from '../lib/catalogue.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const SUMMARY_ROW_H = 70
const VALUE_X = 1000

const ROWS: [string, TKey][] = [
  ['OrderProduct', 'order.product'],
  ['OrderPeriod', 'order.period'],
  ['OrderAmount', 'order.amount'],
  ['OrderEffective', 'order.effective'],
  ['OrderExpiry', 'order.expiry'],
  ['OrderBalanceBefore', 'order.balanceBefore'],
  ['OrderBalanceAfter', 'order.balanceAfter'],
]

export interface OrderSummarySpec extends Lightning.Component.TemplateSpec {
  quote: OrderQuote | null
  /** One `<ref>Row` per line of ROWS (a label and its value named `<ref>`), made in a loop. */
  [row: `Order${string}Row`]: object
}

export default class OrderSummary
  extends Lightning.Component<OrderSummarySpec>
  implements Lightning.Component.ImplementTemplateSpec<OrderSummarySpec>
{
  private _quote: OrderQuote | null = null

  static override _template(): Lightning.Component.Template<OrderSummarySpec> {
    const rows: Record<string, unknown> = {}
    ROWS.forEach(([ref], i) => {
      rows[ref + 'Row'] = {
        y: i * SUMMARY_ROW_H,
        Line: { rect: true, y: SUMMARY_ROW_H - 2, w: VALUE_X, h: 2, color: 0x33ffffff },
        Label: { y: 14, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        [ref]: { x: VALUE_X, mountX: 1, y: 10, text: textPatch('--', { fontSize: FontSize.heading }) },
      }
    })
    return { w: VALUE_X, h: ROWS.length * SUMMARY_ROW_H, ...rows }
  }

  set quote(q: OrderQuote | null) {
    this._quote = q
    this.render()
  }

  render(): void {
    const q = this._quote
    const lang = currentLanguage()
    const values: Record<string, [string, number]> = q
      ? {
          OrderProduct: [heldName(q, lang), Colors.text],
          OrderPeriod: [t(periodKey(q.periodMonths), { n: q.periodMonths }), Colors.text],
          OrderAmount: [formatFen(q.amountFen), Colors.accent],
          OrderEffective: [formatDate(q.effectiveDate, lang), Colors.text],
          OrderExpiry: [formatDate(q.expiryDate, lang), Colors.text],
          OrderBalanceBefore: [formatFen(q.balanceBeforeFen), Colors.text],
          OrderBalanceAfter: [formatFen(q.balanceAfterFen), q.balanceAfterFen < 0 ? Colors.danger : Colors.text],
        }
      : {}
    for (const [ref, key] of ROWS) {
      const [value, color] = values[ref] || ['--', Colors.text]
      this.childList.getByRef(ref + 'Row')?.patch({
        Label: { text: textPatch(t(key), { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        [ref]: { text: textPatch(value, { fontSize: FontSize.heading, fontStyle: 'bold', textColor: color }) },
      })
    }
  }
}
