/**
 * Modal question with one to three actions. While open it holds the remote: arrows move between the
 * actions, OK chooses, Back closes it (before anything else happens), every other key is swallowed.
 * On close the focus goes back to the page exactly where it was.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { Button } from '@lightningjs/ui-components'
import { componentAt } from '../lib/elements.ts'
import { registerDialog, type DialogOptions } from '../lib/overlays.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const PANEL_W = 1000
const PANEL_H = 440
const BUTTON_W = 280

interface DialogSpec extends Lightning.Component.TemplateSpec {
  DialogLayer: {
    Dim: object
    Panel: { DialogTitle: object; DialogMessage: object; Actions: object }
  }
}

export default class Dialog
  extends Lightning.Component<DialogSpec>
  implements Lightning.Component.ImplementTemplateSpec<DialogSpec>
{
  private _options: DialogOptions | null = null
  private _index = 0

  static override _template(): Lightning.Component.Template<DialogSpec> {
    return {
      w: 1920,
      h: 1080,
      zIndex: 50,
      DialogLayer: {
        visible: false,
        Dim: { rect: true, w: 1920, h: 1080, color: Colors.dim },
        Panel: {
          x: 960,
          y: 540,
          mount: 0.5,
          w: PANEL_W,
          h: PANEL_H,
          texture: Lightning.Tools.getRoundRect(PANEL_W, PANEL_H, 24, 4, Colors.accent, true, Colors.panel),
          DialogTitle: {
            x: PANEL_W / 2,
            mountX: 0.5,
            y: 56,
            text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }),
          },
          DialogMessage: { x: PANEL_W / 2, mountX: 0.5, y: 140, text: textPatch('', { fontSize: FontSize.body }) },
          Actions: { y: PANEL_H - 130 },
        },
      },
    }
  }

  override _init(): void {
    registerDialog(this)
  }

  get isOpen(): boolean {
    return this._options !== null
  }

  open(options: DialogOptions): void {
    this._options = options
    const n = options.actions.length
    const gap = 40
    const total = n * BUTTON_W + (n - 1) * gap
    const children = options.actions.map((a, i) => ({
      type: Button,
      ref: a.ref,
      x: (PANEL_W - total) / 2 + i * (BUTTON_W + gap),
      w: BUTTON_W,
      h: 84,
      fixed: true,
      title: a.label,
    }))
    this.tag('DialogLayer.Panel.Actions')!.children = children
    this.tag('DialogLayer.Panel.DialogTitle')!.text = textPatch(insertZeroWidthSpaces(options.title), {
      fontSize: FontSize.title,
      fontStyle: 'bold',
      wordWrapWidth: PANEL_W - 80,
      textAlign: 'center',
      maxLines: 1,
    })
    this.tag('DialogLayer.Panel.DialogMessage')!.text = textPatch(insertZeroWidthSpaces(options.message || ''), {
      fontSize: FontSize.body,
      textColor: Colors.textMuted,
      wordWrapWidth: PANEL_W - 120,
      textAlign: 'center',
      maxLines: 3,
    })
    this._index = Math.min(Math.max(options.defaultIndex || 0, 0), n - 1)
    this.tag('DialogLayer')!.visible = true
    Router.focusWidget('Dialog')
  }

  close(): void {
    this._options = null
    this.tag('DialogLayer')!.visible = false
    this.tag('DialogLayer.Panel.Actions')!.children = []
    Router.focusPage()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.isOpen ? componentAt(this.tag('DialogLayer.Panel.Actions'), this._index) : undefined
  }

  override _handleLeft(): boolean {
    if (this._index > 0) this._index--
    return true
  }

  override _handleRight(): boolean {
    if (this._options && this._index < this._options.actions.length - 1) this._index++
    return true
  }

  override _handleEnter(): boolean {
    const action = this._options ? this._options.actions[this._index] : undefined
    this.close()
    if (action && action.onSelect) action.onSelect()
    return true
  }

  override _handleBack(): boolean {
    const dismiss = this._options ? this._options.onDismiss : undefined
    this.close()
    if (dismiss) dismiss()
    return true
  }

  /** The trap: nothing below the dialog hears a key while it is open. */
  override _handleKey(): boolean {
    return true
  }
}
