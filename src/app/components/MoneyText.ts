/** An amount in fen, shown as `¥1,234.50`; `danger` tone for what the viewer owes. */
import { Lightning } from '@lightningjs/sdk'
import { formatFen } from '../lib/format.ts'
import { FontSize, textPatch, themed } from '../lib/theme.ts'

export type MoneyTone = 'normal' | 'danger' | 'muted'

const TONE_COLOR = themed<MoneyTone>({ normal: 'text', danger: 'danger', muted: 'textMuted' })

export interface MoneyTextSpec extends Lightning.Component.TemplateSpec {
  fen: number | null
  tone: MoneyTone
  size: number
}

export default class MoneyText
  extends Lightning.Component<MoneyTextSpec>
  implements Lightning.Component.ImplementTemplateSpec<MoneyTextSpec>
{
  private _fen: number | null = null
  private _tone: MoneyTone = 'normal'
  private _size: number = FontSize.heading

  static override _template(): Lightning.Component.Template<MoneyTextSpec> {
    return { text: textPatch('') }
  }

  set fen(v: number | null) {
    this._fen = v
    this._render()
  }

  get fen(): number | null {
    return this._fen
  }

  set tone(v: MoneyTone) {
    this._tone = v
    this._render()
  }

  set size(v: number) {
    this._size = v
    this._render()
  }

  private _render(): void {
    const value = this._fen === null ? '--' : formatFen(this._fen)
    this.text = textPatch(value, { fontSize: this._size, textColor: TONE_COLOR[this._tone], fontStyle: 'bold' })
  }
}
