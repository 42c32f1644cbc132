/**
 * The viewer's settings: large text, high contrast, read aloud, usage statistics, language: remembered on
 * the box. Offers chosen from the household's use of the hall: a yes or no kept by the BOSS.
 * Every change applies at once, in place (lib/relook.ts for the look): same screen, same row focused.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import SettingsList, { type Setting } from '../components/SettingsList.ts'
import { setSpeechEnabled, speak, speechEnabled } from '../lib/announcer.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { lookChanged } from '../lib/lookChange.ts'
import { showToast } from '../lib/overlays.ts'
import { loadPrefs, savePrefs } from '../lib/viewerPrefs.ts'

declare module '@lightningjs/sdk' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how Lightning's types are augmented
  namespace Lightning.Component {
    interface FireAncestorsMap {
      /** The App switches the language (it redraws every kept page), as the Blue key does. */
      $switchLanguage(): void
    }
  }
}

interface SettingsSpec extends PageFrameSpec {
  SettingsList: typeof SettingsList
}

export default class SettingsPage extends HallPage<SettingsSpec> {
  static override _template(): PageTemplate<SettingsSpec> {
    return frame<SettingsSpec>({
      SettingsList: { type: SettingsList, x: 160, y: 230, w: 1000, h: 700, neverScroll: true },
    })
  }

  private get _list(): SettingsList {
    return this.tag('SettingsList')!
  }

  override _init(): void {
    this._list.onToggle = (setting) => this._toggle(setting)
    this.render()
    const offers = api().getOfferConsent()
    void offers.then((c) => this._offersAre(c.offers)).catch(() => undefined)
  }

  protected override visit(first: boolean): void {
    if (!first) this.render()
  }

  render(): void {
    this.title = t('settings.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.switch')],
    ]
    this._list.render()
  }

  private _offersAre(offers: boolean): void {
    this._list.offers = offers
    this._list.render()
  }

  private _toggle(setting: Setting): void {
    const prefs = loadPrefs()
    const said = () => speak(this._list.label(setting))
    if (setting === 'Language') return this.fireAncestors('$switchLanguage')
    if (setting === 'Offers') {
      // Not known yet: the household has never said no, so a first press says no.
      void api()
        .setOfferConsent(!(this._list.offers ?? true))
        .then(
          (c) => (this._offersAre(c.offers), said()),
          () => showToast(t('settings.offersFailed')),
        )
      return
    }
    // Off stops recording at once and drops what was not sent yet (usage.ts reads the switch every time).
    if (setting === 'Usage') prefs.usage = !prefs.usage
    else if (setting === 'Speech') prefs.speech = !speechEnabled()
    else if (setting === 'LargeText') prefs.largeText = !prefs.largeText
    else prefs.highContrast = !prefs.highContrast
    savePrefs(prefs)
    if (setting === 'Speech') setSpeechEnabled(prefs.speech === true)
    // The App carries the new look into every screen in place; the focus stays on this row.
    const look = setting === 'LargeText' || setting === 'HighContrast'
    if (look) lookChanged()
    this.render()
    said()
    if (look) showToast(t('settings.lookApplied'))
  }

  override _getFocused(): SettingsList {
    return this._list
  }
}
