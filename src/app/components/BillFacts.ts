/** The facts of one bill, a label and its value a row: period, amount due, amount paid, status, due date. */
import { Lightning } from '@lightningjs/sdk'
import type { BillDetail } from '../../contract/index.ts'
import MoneyText from './MoneyText.ts'
import { STATUS_COLOR, billStatusKey } from '../lib/billText.ts'
import { formatDate, formatPeriod } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 800
const ROW = 64
const FIELDS = [
  ['BillPeriod', 'billDetail.period'],
  ['BillTotal', 'billDetail.total'],
  ['BillPaid', 'billDetail.paid'],
  ['BillStatus', 'billDetail.status'],
  ['BillDue', 'billDetail.dueDate'],
] as const satisfies readonly (readonly [string, TKey])[]

export interface BillFactsSpec extends Lightning.Component.TemplateSpec {
  BillPeriodLabel: object
  BillPeriodValue: object
  BillTotalLabel: object
  BillTotalValue: typeof MoneyText
  BillPaidLabel: object
  BillPaidValue: typeof MoneyText
  BillStatusLabel: object
  BillStatusValue: object
  BillDueLabel: object
  BillDueValue: object
}

const label = (y: number) => ({
  y: y + 4,
  text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }),
})
const text = (y: number) => ({ x: W, mountX: 1, y: y + 4, text: textPatch('--') })
const money = (y: number) => ({ type: MoneyText, x: W, mountX: 1, y, size: FontSize.body })
const value = (s: string, color: number = Colors.text) =>
  textPatch(s, { fontSize: FontSize.body, textColor: color, fontStyle: 'bold' })

export default class BillFacts
  extends Lightning.Component<BillFactsSpec>
  implements Lightning.Component.ImplementTemplateSpec<BillFactsSpec>
{
  static override _template(): Lightning.Component.Template<BillFactsSpec> {
    return {
      BillPeriodLabel: label(0),
      BillPeriodValue: text(0),
      BillTotalLabel: label(ROW),
      BillTotalValue: money(ROW),
      BillPaidLabel: label(ROW * 2),
      BillPaidValue: money(ROW * 2),
      BillStatusLabel: label(ROW * 3),
      BillStatusValue: text(ROW * 3),
      BillDueLabel: label(ROW * 4),
      BillDueValue: text(ROW * 4),
    }
  }

  /** The labels in the viewer's language; the values once the bill is known. */
  show(b: BillDetail | null): void {
    for (const [name, key] of FIELDS)
      this.tag(`${name}Label`)!.text = textPatch(t(key), { fontSize: FontSize.body, textColor: Colors.textMuted })
    if (!b) return
    const lang = currentLanguage()
    this.tag('BillPeriodValue')!.text = value(formatPeriod(b.periodStart, b.periodEnd, lang))
    this.tag('BillTotalValue')!.fen = b.totalFen
    this.tag('BillPaidValue')!.fen = b.paidFen
    this.tag('BillStatusValue')!.text = value(t(billStatusKey(b.status)), STATUS_COLOR[b.status])
    const dueColor = b.status === 'settled' ? Colors.text : Colors.warning
    this.tag('BillDueValue')!.text = value(formatDate(b.dueDate, lang), dueColor)
  }
}
