/**
 * What a page shows instead of its data when a call failed: plain words per error code and a Retry
 * button that holds the focus, so the screen is never blank and the remote always does something.
 */
import { Lightning } from '@lightningjs/sdk'
import HallButton from './HallButton.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const ERROR_W = 1200

export interface ErrorStateSpec extends Lightning.Component.TemplateSpec {
  Icon: object
  Title: object
  Message: object
  RetryButton: typeof HallButton
}

export default class ErrorState
  extends Lightning.Component<ErrorStateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ErrorStateSpec>
{
  private _code: string | undefined
  /** Called when the viewer presses OK on Retry. */
  onRetry: (() => void) | null = null

  static override _template(): Lightning.Component.Template<ErrorStateSpec> {
    return {
      w: ERROR_W,
      h: 420,
      Icon: {
        x: ERROR_W / 2,
        mountX: 0.5,
        text: textPatch('!', { fontSize: 96, textColor: Colors.warning, fontStyle: 'bold' }),
      },
      Title: {
        x: ERROR_W / 2,
        mountX: 0.5,
        y: 120,
        text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }),
      },
      Message: { x: ERROR_W / 2, mountX: 0.5, y: 200, text: textPatch('', { fontSize: FontSize.body }) },
      RetryButton: { type: HallButton, x: ERROR_W / 2, mountX: 0.5, y: 320, w: 320, h: 80, fixed: true },
    }
  }

  set code(v: string | undefined) {
    this._code = v
    this.render()
  }

  get code(): string | undefined {
    return this._code
  }

  render(): void {
    this.patch({
      Title: { text: textPatch(t('error.title'), { fontSize: FontSize.title, fontStyle: 'bold' }) },
      Message: {
        text: textPatch(insertZeroWidthSpaces(t(errorMessageKey(this._code))), {
          fontSize: FontSize.body,
          textColor: Colors.textMuted,
          wordWrapWidth: ERROR_W,
          textAlign: 'center',
          maxLines: 2,
        }),
      },
    })
    const button = this.tag('RetryButton')!
    button.title = t('common.retry')
    button.onEnter = () => {
      if (this.onRetry) this.onRetry()
      return true
    }
  }

  override _getFocused() {
    return this.tag('RetryButton')!
  }
}
