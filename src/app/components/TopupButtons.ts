/**
 * A row of big buttons for the top-up screens (ways to pay, amounts, what next): Left/Right move,
 * OK runs the focused one. The focused index is kept, so coming back lands where the viewer left.
 */
import { Lightning } from '@lightningjs/sdk'
import { Button } from '@lightningjs/ui-components'
import { componentAt } from '../lib/elements.ts'

export interface TopupButton {
  ref: string
  label: string
  onSelect: () => void
}

const BUTTON_H = 90
const GAP = 32

export default class TopupButtons extends Lightning.Component {
  private _buttons: TopupButton[] = []
  private _index = 0
  buttonW = 340

  set buttons(list: TopupButton[]) {
    this._buttons = list
    this._index = Math.min(this._index, Math.max(0, list.length - 1))
    this.h = BUTTON_H + 24
    this.children = list.map((b, i) => ({
      type: Button,
      ref: b.ref,
      x: 12 + i * (this.buttonW + GAP),
      y: 12,
      w: this.buttonW,
      h: BUTTON_H,
      fixed: true,
      title: b.label,
    }))
  }

  get buttons(): TopupButton[] {
    return this._buttons
  }

  /** Language switch: new labels, same focus. */
  relabel(labels: string[]): void {
    this.children.forEach((b, i) => {
      if (labels[i] !== undefined) b.patch({ title: labels[i] })
    })
  }

  select(index: number): void {
    this._index = Math.min(Math.max(index, 0), Math.max(0, this._buttons.length - 1))
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._buttons.length ? componentAt(this, this._index) : undefined
  }

  override _handleLeft(): boolean {
    if (this._index === 0) return false
    this._index--
    return true
  }

  override _handleRight(): boolean {
    if (this._index >= this._buttons.length - 1) return false
    this._index++
    return true
  }

  override _handleEnter(): boolean {
    const b = this._buttons[this._index]
    if (b) b.onSelect()
    return true
  }
}
