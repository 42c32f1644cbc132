/**
 * A bill's itemised charges (消费清单) as one column: its heading, the list of charges (BillLines), or
 * a plain "no charges" when the bill has none. Narrower than the safe area, so the focused charge grows:
 * `place` keeps that much room round it.
 */
import { Lightning } from '@lightningjs/sdk'
import type { BillDetail } from '../../contract/index.ts'
import BillLines from './BillLines.ts'
import { t } from '../lib/i18n.ts'
import { rowOverhang } from '../lib/rowLook.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 800

export interface BillChargesSpec extends Lightning.Component.TemplateSpec {
  LinesHeading: object
  NoLines: object
  BillLines: typeof BillLines
}

export default class BillCharges
  extends Lightning.Component<BillChargesSpec>
  implements Lightning.Component.ImplementTemplateSpec<BillChargesSpec>
{
  private _lines: BillDetail['lines'] = []

  /** The column at `y`, its right edge on the title-safe area's (with room for the focused charge). */
  static place(y: number) {
    return { type: BillCharges, x: 1824 - rowOverhang(W) - W, y }
  }

  static override _template(): Lightning.Component.Template<BillChargesSpec> {
    return {
      LinesHeading: { text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      NoLines: { y: 80, text: textPatch('', { textColor: Colors.textMuted }) },
      BillLines: BillLines.place(0, 60, W),
    }
  }

  /** True when there are charges to move through. */
  get hasRows(): boolean {
    return this._lines.length > 0
  }

  /** The bill's charges, shown by the next `render` (which words them in the current language). */
  set lines(lines: BillDetail['lines']) {
    this._lines = lines
  }

  render(): void {
    this.tag('LinesHeading')!.text = textPatch(t('billDetail.lines'), { fontSize: FontSize.heading, fontStyle: 'bold' })
    const none = this._lines.length ? '' : t('billDetail.noLines')
    this.tag('NoLines')!.text = textPatch(none, { textColor: Colors.textMuted })
    this.tag('BillLines')!.show(this._lines)
  }

  override _getFocused(): BillLines {
    return this.tag('BillLines')!
  }
}
