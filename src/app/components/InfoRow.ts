/** One labelled line of a detail screen; the value is plain text or an amount (MoneyText) and carries a test ref. */
import { Lightning } from '@lightningjs/sdk'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const ROW_H = 84
const ROW_W = 1200

/** A row's own parts, for a typed spec: `BalanceRow: InfoRowParts<'BalanceValue', typeof MoneyText>`. */
export type InfoRowParts<Ref extends string, Value> = { Line: object; Label: object } & Record<Ref, Value>

/** The row's look (a rule under it, the label on the left), for rows laid out inside a typed component. */
export function infoRowLook(y = 0) {
  return {
    y,
    w: ROW_W,
    h: ROW_H,
    Line: { rect: true, y: ROW_H - 2, w: ROW_W, h: 2, color: 0x33ffffff },
    Label: { y: 18, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
  }
}

/** The label as a row shows it. */
export const rowLabel = (v: string) => textPatch(v, { fontSize: FontSize.body, textColor: Colors.textMuted })

/**
 * Loose on purpose: the value child is the page's, named and typed by it (`LimitValue: …` in its template, its
 * spec an InfoRowParts), so this class cannot name it.
 */
export default class InfoRow extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const { y: _y, ...look } = infoRowLook()
    return look
  }

  set label(v: string) {
    const label = this.childList.getByRef('Label')
    if (label) label.text = rowLabel(v)
  }
}
