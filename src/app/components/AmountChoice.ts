/**
 * The QR top-up's amounts: the prompt, what the account owes (in red, when it owes) and the amounts as
 * buttons, the arrears first when there are any (topupFlow.amountOptions).
 */
import { Lightning } from '@lightningjs/sdk'
import TopupButtons from './TopupButtons.ts'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { Colors, currentTextScale, FontSize, textPatch } from '../lib/theme.ts'
import { amountOptions } from '../lib/topupFlow.ts'

const X = 140

export interface AmountChoiceSpec extends Lightning.Component.TemplateSpec {
  Prompt: object
  ArrearsNote: object
  Amounts: typeof TopupButtons
}

export default class AmountChoice
  extends Lightning.Component<AmountChoiceSpec>
  implements Lightning.Component.ImplementTemplateSpec<AmountChoiceSpec>
{
  private _arrearsFen = 0
  /** An amount was chosen (in fen). */
  onChoose: (fen: number) => void = () => {}

  static override _template(): Lightning.Component.Template<AmountChoiceSpec> {
    return {
      Prompt: { x: X, y: 220, text: textPatch('', { fontSize: FontSize.heading }) },
      ArrearsNote: { x: X, y: 300, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.danger }) },
      Amounts: { type: TopupButtons, x: X - 12, y: 380 },
    }
  }

  /** The amounts for an account owing `arrearsFen`, the focus on `fen` if it is one of them (else the first). */
  show(arrearsFen: number, fen = 0): void {
    this._arrearsFen = arrearsFen
    const options = amountOptions(arrearsFen)
    const amounts = this.tag('Amounts')!
    // Large text: wider buttons, or ¥100.00 is cut to "¥100..."; five still end inside the title-safe area.
    amounts.buttonW = currentTextScale() > 1 ? 300 : 250
    amounts.buttons = options.map((option, i) => ({
      ref: 'Amount' + i,
      label: formatFen(option),
      onSelect: () => this.onChoose(option),
    }))
    amounts.select(Math.max(0, options.indexOf(fen)))
    this.render()
  }

  render(): void {
    const owed = this._arrearsFen > 0 ? t('topup.qr.arrearsAmount', { amount: formatFen(this._arrearsFen) }) : ''
    this.tag('Prompt')!.text = textPatch(t('topup.qr.choose'), { fontSize: FontSize.heading })
    this.tag('ArrearsNote')!.text = textPatch(owed, { fontSize: FontSize.body, textColor: Colors.danger })
  }

  override _getFocused(): TopupButtons {
    return this.tag('Amounts')!
  }
}
