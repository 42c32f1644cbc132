/** One labelled line of a detail screen; the value is plain text or an amount (MoneyText) and carries a test ref. */
import { Lightning } from '@lightningjs/sdk'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const ROW_H = 84

export default class InfoRow extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: 1200,
      h: ROW_H,
      Line: { rect: true, y: ROW_H - 2, w: 1200, h: 2, color: 0x33ffffff },
      Label: { y: 18, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
    }
  }

  set label(v: string) {
    this.tag('Label').text = textPatch(v, { fontSize: FontSize.body, textColor: Colors.textMuted })
  }
}
