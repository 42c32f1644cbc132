/** A short note at the bottom of the screen that fades by itself. It never takes the focus. */
import { Lightning } from '@lightningjs/sdk'
import { registerToast } from '../lib/overlays.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export default class Toast extends Lightning.Component {
  private _timer: ReturnType<typeof setTimeout> | null = null

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: 1920,
      h: 1080,
      zIndex: 60,
      ToastPanel: {
        alpha: 0,
        x: 960,
        y: 960,
        mount: 0.5,
        rect: true,
        w: 900,
        h: 96,
        color: 0xee222222,
        ToastText: { x: 450, y: 48, mount: 0.5, text: textPatch('', { fontSize: FontSize.body }) },
      },
    }
  }

  override _init(): void {
    registerToast(this)
  }

  show(text: string, seconds = 3): void {
    this.tag('ToastText').text = textPatch(insertZeroWidthSpaces(text), {
      fontSize: FontSize.body,
      wordWrapWidth: 860,
      textAlign: 'center',
      maxLines: 1,
      textColor: Colors.text,
    })
    this.tag('ToastPanel').setSmooth('alpha', 1, { duration: 0.2 })
    if (this._timer !== null) clearTimeout(this._timer)
    this._timer = setTimeout(() => {
      this._timer = null
      this.tag('ToastPanel').setSmooth('alpha', 0, { duration: 0.4 })
    }, seconds * 1000)
  }
}
