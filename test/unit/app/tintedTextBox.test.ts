import { describe, expect, it } from 'vitest'
import { tintText, tintedTextBox, type TintableText } from '../../../src/app/lib/tintedTextBox.ts'

const DARK = 0xff111111
const WHITE = 0xffffffff

/** Like Lightning's TextTexture: a colour setter that marks the texture for a redraw when the value changes. */
class FakeTexture {
  _textColor = WHITE
  changes = 0
  shadow = false
  highlight = false
  _fontFace: string[] = ['Noto Sans CJK SC', 'sans-serif']
  get fontFace(): string[] {
    return this._fontFace
  }
  set fontFace(v: string[]) {
    if (v === this._fontFace) return // Lightning compares by identity
    this._fontFace = v
    this.changes++
  }
  get textColor(): number {
    return this._textColor
  }
  set textColor(v: number) {
    if (v === this._textColor) return
    this._textColor = v
    this.changes++
  }
}

const element = (tx: FakeTexture): TintableText & { text: FakeTexture } => ({ color: WHITE, text: tx })

describe('ui-components texts coloured by tint, not redrawn on focus', () => {
  it('a pinned text takes focus and blur colours as tints: its texture never changes', () => {
    const el = element(new FakeTexture())
    el.text.textColor = DARK // the style's first colour, before the first frame
    tintText(el)
    expect(el.color).toBe(DARK)
    expect(el.text._textColor).toBe(WHITE)
    const before = el.text.changes
    el.text.textColor = WHITE // blur
    expect(el.color).toBe(WHITE)
    el.text.textColor = DARK // focus
    el.text.fontFace = ['Noto Sans CJK SC', 'sans-serif'] // the focused style's own copy of the stack
    expect(el.color).toBe(DARK)
    expect(el.text._textColor).toBe(WHITE)
    expect(el.text.changes, 'texture settings changed by focus moves').toBe(before)
    el.text.fontFace = ['serif']
    expect(el.text.changes, 'another font stack is still set').toBe(before + 1)
  })

  it('leaves a text with a shadow its own colour (a tint would colour the shadow too)', () => {
    const tx = new FakeTexture()
    tx.shadow = true
    const el = element(tx)
    tintText(el)
    el.text.textColor = DARK
    expect(el.color).toBe(WHITE)
    expect(el.text._textColor).toBe(DARK)
    expect(() => tintText({ color: WHITE, text: null })).not.toThrow()
  })

  it('the theme extension pins the text TextBox made, after its update', () => {
    class FakeTextBox {
      _Text: TintableText | null = null
      _updateText(): void {
        if (!this._Text) this._Text = element(new FakeTexture())
        this._Text.text!.textColor = DARK // what the focused style patches in
      }
    }
    const Tinted = tintedTextBox(FakeTextBox)
    const box = new Tinted() as FakeTextBox
    box._updateText()
    box._updateText()
    expect(box._Text!.color).toBe(DARK)
    expect((box._Text!.text as FakeTexture)._textColor).toBe(WHITE)
  })
})
