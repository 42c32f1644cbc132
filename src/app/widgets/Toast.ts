/**
 * A short note that fades by itself. It never takes the focus, and it sits above the hint bar (its
 * bottom at the bar's top), so the keys that act stay readable while it shows. Long notes wrap and
 * the panel grows upwards.
 */
import { Lightning } from '@lightningjs/sdk'
import { registerToast } from '../lib/overlays.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, Radius, Space, textPatch } from '../lib/theme.ts'

const W = 960
const PAD = 24

interface ToastSpec extends Lightning.Component.TemplateSpec {
  ToastPanel: { ToastText: object }
}

export default class Toast
  extends Lightning.Component<ToastSpec>
  implements Lightning.Component.ImplementTemplateSpec<ToastSpec>
{
  private _timer: ReturnType<typeof setTimeout> | null = null

  static override _template(): Lightning.Component.Template<ToastSpec> {
    return {
      w: 1920,
      h: 1080,
      zIndex: 60,
      ToastPanel: {
        alpha: 0,
        x: 960,
        y: Space.hintTop - 16,
        mountX: 0.5,
        mountY: 1,
        w: W,
        h: 96,
        texture: Lightning.Tools.getRoundRect(W, 96, Radius.panel, 2, Colors.accent, true, Colors.panel),
        ToastText: { x: W / 2, y: PAD, mountX: 0.5, text: textPatch('', { fontSize: FontSize.body }) },
      },
    }
  }

  override _init(): void {
    registerToast(this)
    this.tag('ToastPanel.ToastText')!.on('txLoaded', () => this._fit())
  }

  /** The panel as tall as the note's lines. */
  private _fit(): void {
    const h = Math.ceil(this.tag('ToastPanel.ToastText')!.renderHeight) + 2 * PAD
    this.tag('ToastPanel')!.patch({
      h,
      texture: Lightning.Tools.getRoundRect(W, h, Radius.panel, 2, Colors.accent, true, Colors.panel),
    })
  }

  show(text: string, seconds = 3): void {
    this.tag('ToastPanel.ToastText')!.text = textPatch(insertZeroWidthSpaces(text), {
      fontSize: FontSize.body,
      wordWrapWidth: W - 2 * PAD,
      textAlign: 'center',
      textColor: Colors.text,
    })
    this.tag('ToastPanel')!.setSmooth('alpha', 1, { duration: 0.2 })
    if (this._timer !== null) clearTimeout(this._timer)
    this._timer = setTimeout(() => {
      this._timer = null
      this.tag('ToastPanel')!.setSmooth('alpha', 0, { duration: 0.4 })
    }, seconds * 1000)
  }
}
