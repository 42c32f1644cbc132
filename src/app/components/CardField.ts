/**
 * One field of the prepaid card form: its label and the digits in big type inside a box. The field
 * being typed into has an accent frame; the remote's focus fills it, so the one focus stays unmistakable.
 */
import { Lightning } from '@lightningjs/sdk'
import { rowInk, tintedText } from '../lib/rowLook.ts'
import { Colors, FOCUS_SCALE, FontSize, textPatch } from '../lib/theme.ts'

export const FIELD_W = 820
const BOX_H = 100

export interface CardFieldSpec extends Lightning.Component.TemplateSpec {
  FieldLabel: object
  Box: { FieldValue: object }
}

export default class CardField
  extends Lightning.Component<CardFieldSpec>
  implements Lightning.Component.ImplementTemplateSpec<CardFieldSpec>
{
  private _label = ''
  private _value = ''
  private _editing = false

  static override _template(): Lightning.Component.Template<CardFieldSpec> {
    return {
      w: FIELD_W,
      h: BOX_H + 60,
      FieldLabel: { text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      Box: {
        y: 50,
        w: FIELD_W,
        h: BOX_H,
        FieldValue: { x: 32, y: BOX_H / 2, mountY: 0.5, text: textPatch('', { fontSize: 56 }) },
      },
    }
  }

  set label(v: string) {
    this._label = v
    this._draw()
  }

  set value(v: string) {
    this._value = v
    this._draw()
  }

  set editing(v: boolean) {
    this._editing = v
    this._draw()
  }

  override _focus(): void {
    this._draw()
  }

  override _unfocus(): void {
    this._draw()
  }

  private _draw(): void {
    const focused = this.hasFocus()
    const border = this._editing ? Colors.text : Colors.panel
    const box = this.tag('Box')!
    box.texture = Lightning.Tools.getRoundRect(
      FIELD_W,
      BOX_H,
      16,
      4,
      border,
      true,
      focused ? Colors.panelFocused : Colors.panel,
    )
    box.scale = focused ? FOCUS_SCALE : 1
    this.tag('FieldLabel')!.text = textPatch(this._label, { fontSize: FontSize.small, textColor: Colors.textMuted })
    // Monospace-like spacing comes from the fixed groups; the digits are what a viewer checks against the card.
    // Tinted, not redrawn, on focus (lib/rowLook.ts).
    this.tag('Box.FieldValue')!.patch(tintedText(this._value, rowInk(focused).fg, { fontSize: 56, fontStyle: 'bold' }))
  }
}
