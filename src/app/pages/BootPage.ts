/** First screen: the operator's name while the box opens its session; then home (or the deep-linked screen). */
import { Lightning, Router, Settings } from '@lightningjs/sdk'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import { errorCode } from '../lib/api.ts'
import { localized, t } from '../lib/i18n.ts'
import { enterHall, startSession } from '../lib/session.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export default class BootPage extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: 1920,
      h: 1080,
      Logo: { x: 960, y: 300, mountX: 0.5, w: 200, h: 200, visible: false },
      OperatorName: {
        x: 960,
        y: 430,
        mount: 0.5,
        text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold' }),
      },
      Title: {
        x: 960,
        y: 530,
        mount: 0.5,
        text: textPatch('', { fontSize: FontSize.title, textColor: Colors.accent }),
      },
      Connecting: {
        x: 960,
        y: 640,
        mount: 0.5,
        text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }),
      },
      Loading: { type: LoadingIndicator, x: 660, y: 700 },
    }
  }

  override _init(): void {
    const logo = Settings.get('app', 'operatorLogo', '') as string
    if (logo) this.tag('Logo').patch({ src: logo, visible: true, y: 140 })
    this.render()
  }

  render(): void {
    this.patch({
      OperatorName: {
        text: textPatch(localized(Settings.get('app', 'operatorName', '')) || '', {
          fontSize: FontSize.display,
          fontStyle: 'bold',
        }),
      },
      Title: { text: textPatch(t('app.title'), { fontSize: FontSize.title, textColor: Colors.accent }) },
      Connecting: { text: textPatch(t('boot.connecting'), { fontSize: FontSize.body, textColor: Colors.textMuted }) },
    })
  }

  override _onMounted(): void {
    this._boot()
  }

  /** Without lazyCreate the Router builds pages up front and the first visit arrives as "changed". */
  override _onChanged(): void {
    this._boot()
  }

  private _boot(): void {
    const loading = this.tag('Loading') as LoadingIndicator
    loading.start()
    startSession()
      .then(() => {
        loading.stop()
        enterHall()
      })
      .catch((e: unknown) => {
        loading.stop()
        Router.navigate('error', { code: errorCode(e) }, false)
      })
  }
}
