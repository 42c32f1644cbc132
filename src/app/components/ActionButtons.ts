/**
 * A row of ui-components Buttons: Left/Right move, OK runs the focused action. The buttons are direct
 * children with the refs pages give them (as in the Dialog), so tests find the focused one by name.
 */
import { Lightning } from '@lightningjs/sdk'
import { Button } from '@lightningjs/ui-components'

export interface ButtonAction {
  ref: string
  label: string
  onSelect: () => void
}

const BUTTON_H = 84
const GAP = 40

/** No named children: the buttons are the actions set, each with the ref its page gives it. */
export interface ActionButtonsSpec extends Lightning.Component.TemplateSpec {
  buttonW: number
}

export default class ActionButtons
  extends Lightning.Component<ActionButtonsSpec>
  implements Lightning.Component.ImplementTemplateSpec<ActionButtonsSpec>
{
  private _actions: ButtonAction[] = []
  private _index = 0
  buttonW = 340
  /** Until then OK presses nothing: OKs still coming from the step before must not choose a button not yet seen. */
  guardUntil = 0

  static override _template(): Lightning.Component.Template<ActionButtonsSpec> {
    return { h: BUTTON_H + 24 }
  }

  set actions(actions: ButtonAction[]) {
    this._actions = actions
    this._index = Math.min(this._index, Math.max(0, actions.length - 1))
    // x/y 12: room for the focus outline, as the first version (a ui-components Row) had.
    this.children = actions.map((a, i) => ({
      type: Button,
      ref: a.ref,
      x: 12 + i * (this.buttonW + GAP),
      y: 12,
      w: this.buttonW,
      h: BUTTON_H,
      fixed: true,
      title: a.label,
    }))
    // New buttons are new elements: move the focus onto them, or the old (gone) button keeps it.
    if (this.attached) this._refocus()
  }

  /** Relabels after a language switch, keeping the focused button. */
  relabel(labels: string[]): void {
    this.children.forEach((b, i) => {
      if (b instanceof Button && labels[i] !== undefined) b.title = labels[i]
    })
  }

  get actions(): ButtonAction[] {
    return this._actions
  }

  select(index: number): void {
    this._index = Math.min(Math.max(index, 0), Math.max(0, this._actions.length - 1))
    this._refocus()
  }

  override _getFocused(): Lightning.Component | undefined {
    const button = this.children[this._index]
    return button instanceof Button ? button : undefined
  }

  // Moving between the buttons shows the viewer has seen them: OK counts from then on, however soon.
  override _handleLeft(): boolean {
    this.guardUntil = 0
    if (this._index === 0) return false
    this.select(this._index - 1)
    return true
  }

  override _handleRight(): boolean {
    this.guardUntil = 0
    if (this._index >= this._actions.length - 1) return false
    this.select(this._index + 1)
    return true
  }

  override _handleEnter(): boolean {
    const a = this._actions[this._index]
    if (a && Date.now() >= this.guardUntil) a.onSelect()
    return true
  }
}
