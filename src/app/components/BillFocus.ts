/**
 * Above the bills chart: the focused month, its total, status and due date, and the chart's legend
 * (paid / owed). The texts follow the focus once the keys pause (`showLater`), not on every step of a
 * held key: four texts are four canvas draws and texture uploads, ~100 ms a key at ×6 CPU slowdown.
 */
import { Lightning } from '@lightningjs/sdk'
import type { BillSummary } from '../../contract/index.ts'
import { PAID_COLOR } from './BillBar.ts'
import MoneyText from './MoneyText.ts'
import { STATUS_COLOR, billStatusKey } from '../lib/billText.ts'
import { formatDate, formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

/** A remote's auto-repeat sends a key every ~100–120 ms; the header waits out one repeat. */
const SHOW_DELAY_MS = 150
const W = 1728

const small = (text: string, color: number = Colors.textMuted) =>
  textPatch(text, { fontSize: FontSize.small, textColor: color })
const month = (text: string) => textPatch(text, { fontSize: FontSize.heading, fontStyle: 'bold' })

export interface BillFocusSpec extends Lightning.Component.TemplateSpec {
  BillFocusMonth: object
  BillFocusTotal: typeof MoneyText
  BillFocusStatus: object
  BillFocusDue: object
  Legend: { PaidKey: object; PaidLabel: object; OwedKey: object; OwedLabel: object }
}

export default class BillFocus
  extends Lightning.Component<BillFocusSpec>
  implements Lightning.Component.ImplementTemplateSpec<BillFocusSpec>
{
  private _bill: BillSummary | null = null
  private _timer: ReturnType<typeof setTimeout> | undefined

  static override _template(): Lightning.Component.Template<BillFocusSpec> {
    return {
      BillFocusMonth: { text: month('') },
      BillFocusTotal: { type: MoneyText, x: 330 },
      BillFocusStatus: { x: 640, y: 4, text: textPatch('', { fontSize: FontSize.body }) },
      BillFocusDue: { x: 860, y: 10, text: small('') },
      // Laid out by its words' widths and ending at the right edge, so longer words (English, large text)
      // push it left instead of out of the title-safe area.
      Legend: {
        x: W,
        mountX: 1,
        y: 78,
        flex: { direction: 'row', alignItems: 'center' },
        PaidKey: { rect: true, w: 24, h: 24, color: PAID_COLOR, flexItem: { marginRight: 10 } },
        PaidLabel: { text: small(''), flexItem: { marginRight: 28 } },
        OwedKey: { rect: true, w: 24, h: 24, color: Colors.danger, flexItem: { marginRight: 10 } },
        OwedLabel: { text: small('') },
      },
    }
  }

  /** The focused bill, shown at once. */
  set bill(b: BillSummary | null) {
    this._bill = b
    this.render()
  }

  /** The focused bill, shown once the keys pause; `read` is asked then (a reload may have come in between). */
  showLater(read: () => BillSummary | null): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = setTimeout(() => {
      this._timer = undefined
      this.bill = read()
    }, SHOW_DELAY_MS)
  }

  render(): void {
    this.patch({
      Legend: { PaidLabel: { text: small(t('bills.legendPaid')) }, OwedLabel: { text: small(t('bills.legendOwed')) } },
    })
    const b = this._bill
    if (!b) return
    const lang = currentLanguage()
    this.patch({
      BillFocusMonth: { text: month(formatMonth(b.month, lang)) },
      BillFocusTotal: { fen: b.totalFen },
      BillFocusStatus: {
        text: textPatch(t(billStatusKey(b.status)), { fontSize: FontSize.body, textColor: STATUS_COLOR[b.status] }),
      },
      BillFocusDue: { text: small(t('bills.dueOn', { date: formatDate(b.dueDate, lang) })) },
    })
  }

  override _detach(): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = undefined
  }
}
