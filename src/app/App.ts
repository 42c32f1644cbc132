/**
 * The hall: Router pages over a plain background, with the Dialog and Toast widgets above them.
 * App-wide keys live here: Home and Menu go home, Blue switches language, Back on the first screen asks
 * before leaving.
 */
import { Lightning, Router, Utils } from '@lightningjs/sdk'
import { routes } from './routes.ts'
import { currentLanguage, isLanguage, nextLanguage, offeredLanguages, setLanguage, t } from './lib/i18n.ts'
import { isDialogOpen, openDialog, showToast } from './lib/overlays.ts'
import { queryParam } from './lib/query.ts'
import { rememberedLanguage, rememberLanguage, startLanguage } from './lib/languageMemory.ts'
import { exposeScan, reportFocus, reportLanguage, reportScreens } from './lib/testHooks.ts'
import { scanScreen } from './lib/screenScan.ts'
import { keyDropped, keyTime } from './lib/okBurst.ts'
import { appText, sdkSettings } from './lib/sdk.ts'
import { announceFocus, setSpeechEnabled } from './lib/announcer.ts'
import { loadPrefs, platformWantsSpeech, speechOn } from './lib/viewerPrefs.ts'
import { applyLook, Colors, currentPalette, currentTextScale } from './lib/theme.ts'
import { applyUiTheme } from './lib/uiTheme.ts'
import { onLookChange } from './lib/lookChange.ts'
import { paletteMap, relookTree } from './lib/relook.ts'
import Dialog from './widgets/Dialog.ts'
import Toast from './widgets/Toast.ts'

/** Where Back means leaving the hall rather than going back to the menu. */
const EXIT_ROUTES = ['home', 'error', '!', '$']

/** Pages that draw their texts again after a language or look change. */
function rerenderable(page: object): page is { render(): void } {
  return 'render' in page && typeof page.render === 'function'
}

// The SDK's Application has `closeApp` (it signals the platform's onClose), which core's declarations lack.
declare module '@lightningjs/core' {
  interface Application {
    closeApp(): void
  }
}

/** The Router's Pages and Loading (its own template), the background under them, the overlays above. */
interface HallAppSpec extends Router.App.TemplateSpec {
  Background: object
  Widgets: { Dialog: typeof Dialog; Toast: typeof Toast }
}

export default class App extends Router.App<HallAppSpec> {
  static language(): { file: string; language: string } {
    const fromUrl = queryParam(window.location.search, 'lang')
    const fromSettings = appText('defaultLanguage') || 'zh-CN'
    return {
      file: Utils.asset('translations.json'),
      language: startLanguage(fromUrl, rememberedLanguage(), fromSettings, isLanguage),
    }
  }

  static override _template(): Lightning.Component.Template<HallAppSpec> {
    return {
      Background: { rect: true, w: 1920, h: 1080, color: Colors.background },
      ...super._template(),
      Widgets: {
        Dialog: { type: Dialog },
        Toast: { type: Toast },
      },
    }
  }

  override _setup(): void {
    reportLanguage(currentLanguage())
    reportScreens(routes.routes)
    exposeScan(() => scanScreen(this.stage as never, this.application.focusPath as never))
    const platform = {
      speech: sdkSettings().get('platform', 'speech', false),
      voiceGuidance: sdkSettings().get('platform', 'voiceGuidance', false),
    }
    setSpeechEnabled(speechOn(loadPrefs(), platformWantsSpeech(platform, window.location.search)))
    onLookChange(() => this._relook())
    Router.startRouter(routes, this)
  }

  /**
   * Settings changed the look: the new palette and text size go into the theme, into everything already
   * on screen (lib/relook.ts) and into what the pages draw next, in place: focus, screen, language stay.
   */
  private _relook(): void {
    const palette = currentPalette()
    const scale = currentTextScale()
    applyLook(loadPrefs())
    applyUiTheme()
    relookTree(this, paletteMap(palette, currentPalette()), currentTextScale() / scale)
    this._rerender()
  }

  /** Every key before anything handles it: OKs in a burst of keys that already sent something are dropped (okBurst.ts). */
  override _captureKey(e: KeyboardEvent): boolean {
    return keyDropped(e.keyCode === 13, keyTime(e))
  }

  /** Home key: the menu, with history cleared, from wherever the viewer is (unless a dialog asks something). */
  _handleHome(): boolean {
    if (isDialogOpen()) return true
    Router.navigate('home')
    return true
  }

  /** Menu key (菜单): the hall's menu is its home screen, so it does what Home does. */
  _handleMenu(): boolean {
    return this._handleHome()
  }

  /** Blue key: 中文 ⇄ English, re-rendering what is on screen. */
  _handleBlue(): boolean {
    const lang = nextLanguage(offeredLanguages(sdkSettings().get('app', 'languages')))
    if (!lang) return true
    setLanguage(lang)
      .then(() => {
        rememberLanguage(lang)
        this._rerender()
        showToast(t('toast.language'))
      })
      .catch(() => undefined) // the language stays as it was; the viewer can press Blue again
    return true
  }

  /** The settings screen's language row does what Blue does. */
  $switchLanguage(): boolean {
    return this._handleBlue()
  }

  private _rerender(): void {
    for (const p of this.pages.children) if (rerenderable(p)) p.render()
  }

  /**
   * Router: Back with no history left. A deep-linked screen goes back to the menu; on the menu (or when
   * the hall cannot start) leaving is a choice, so ask, with "stay" focused.
   */
  override _handleAppClose(): void {
    const route = Router.getActiveRoute()
    if (route && EXIT_ROUTES.indexOf(route) < 0) {
      Router.navigate('home')
      return
    }
    openDialog({
      title: t('exit.title'),
      actions: [
        { label: t('exit.stay'), ref: 'ExitStay' },
        {
          label: t('exit.leave'),
          ref: 'ExitLeave',
          onSelect: () => this.application.closeApp(),
        },
      ],
      defaultIndex: 0,
    })
  }

  /** Lightning calls this on every component that stays in the focus path, so the App hears every focus move. */
  override _focusChange(target: Lightning.Component | undefined): void {
    reportFocus(target && target.ref ? target.ref : undefined)
    announceFocus(this.application.focusPath || [])
  }
}
