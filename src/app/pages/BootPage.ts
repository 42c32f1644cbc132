/** First screen: the operator's name while the box opens its session; then home (or the deep-linked screen). */
import { Lightning, Router } from '@lightningjs/sdk'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import { errorCode } from '../lib/api.ts'
import { localized, t } from '../lib/i18n.ts'
import { appText, sdkSettings } from '../lib/sdk.ts'
import { enterHall, startSession } from '../lib/session.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

interface BootSpec extends Lightning.Component.TemplateSpec {
  Logo: object
  OperatorName: object
  Title: object
  Connecting: object
  Loading: typeof LoadingIndicator
}

const operatorName = (name: string) => textPatch(name, { fontSize: FontSize.display, fontStyle: 'bold' })
const title = (text: string) => textPatch(text, { fontSize: FontSize.title, textColor: Colors.accent })
const connecting = (text: string) => textPatch(text, { fontSize: FontSize.body, textColor: Colors.textMuted })

export default class BootPage
  extends Lightning.Component<BootSpec>
  implements Lightning.Component.ImplementTemplateSpec<BootSpec>
{
  static override _template(): Lightning.Component.Template<BootSpec> {
    return {
      w: 1920,
      h: 1080,
      Logo: { x: 960, y: 300, mountX: 0.5, w: 200, h: 200, visible: false },
      OperatorName: { x: 960, y: 430, mount: 0.5, text: operatorName('') },
      Title: { x: 960, y: 530, mount: 0.5, text: title('') },
      Connecting: { x: 960, y: 640, mount: 0.5, text: connecting('') },
      Loading: { type: LoadingIndicator, x: 660, y: 700 },
    }
  }

  override _init(): void {
    const logo = appText('operatorLogo')
    if (logo) this.tag('Logo')!.patch({ src: logo, visible: true, y: 140 })
    this.render()
  }

  render(): void {
    this.tag('OperatorName')!.text = operatorName(localized(sdkSettings().get('app', 'operatorName', '')))
    this.tag('Title')!.text = title(t('app.title'))
    this.tag('Connecting')!.text = connecting(t('boot.connecting'))
  }

  override _onMounted(): void {
    this._boot()
  }

  /** Without lazyCreate the Router builds pages up front and the first visit arrives as "changed". */
  override _onChanged(): void {
    this._boot()
  }

  private _boot(): void {
    const loading = this.tag('Loading')!
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
