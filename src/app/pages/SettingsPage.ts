/**
 * The viewer's settings: large text, high contrast, read aloud, usage statistics, language: remembered on
 * the box. Offers chosen from the household's use of the hall: a yes or no kept by the BOSS.
 * Every change applies at once, in place (lib/relook.ts for the look): same screen, same row focused.
 */
import { Lightning, Settings } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { Button, Column } from '@lightningjs/ui-components'
import { setSpeechEnabled, speak, speechEnabled } from '../lib/announcer.ts'
import { currentLanguage, offeredLanguages, t } from '../lib/i18n.ts'
import { lookChanged } from '../lib/lookChange.ts'
import { showToast } from '../lib/overlays.ts'
import { loadPrefs, savePrefs, type ViewerPrefs } from '../lib/viewerPrefs.ts'
import { api } from '../lib/backend.ts'

type Row = 'LargeText' | 'HighContrast' | 'Speech' | 'Usage' | 'Offers' | 'Language'

const LANGUAGE_NAMES: Record<string, string> = { 'zh-CN': '中文', en: 'English' }

export default class SettingsPage extends HallPage {
  private _rows: Row[] = []
  /** The BOSS's answer; null until it came (shown as --). */
  private _offers: boolean | null = null

  static override _template(): PageTemplate {
    return frame({
      SettingsList: { type: Column, x: 160, y: 230, w: 1000, h: 700, neverScroll: true, style: { itemSpacing: 20 } },
    })
  }

  override _init(): void {
    this._rows = ['LargeText', 'HighContrast', 'Speech', 'Usage', 'Offers']
    if (offeredLanguages(Settings.get('app', 'languages')).length > 1) this._rows.push('Language')
    this.tag('SettingsList').items = this._rows.map((row) => ({
      type: Button,
      ref: `${row}Setting`,
      w: 900,
      h: 96,
      fixed: true,
      justify: 'left',
      title: '',
      onEnter: () => {
        this._toggle(row)
        return true
      },
    }))
    this.render()
    api()
      .getOfferConsent()
      .then(
        (c) => {
          this._offers = c.offers
          this.render()
        },
        () => undefined,
      )
  }

  override _onChanged(): void {
    this.render()
  }

  private _value(row: Row, prefs: ViewerPrefs): string {
    if (row === 'Language') return LANGUAGE_NAMES[currentLanguage()] || currentLanguage()
    if (row === 'Offers') return this._offers === null ? '--' : this._offers ? t('settings.on') : t('settings.off')
    const on =
      row === 'LargeText'
        ? prefs.largeText
        : row === 'HighContrast'
          ? prefs.highContrast
          : row === 'Usage'
            ? prefs.usage
            : speechEnabled()
    return on ? t('settings.on') : t('settings.off')
  }

  private _label(row: Row): string {
    const key =
      row === 'LargeText'
        ? 'settings.largeText'
        : row === 'HighContrast'
          ? 'settings.highContrast'
          : row === 'Speech'
            ? 'settings.speech'
            : row === 'Usage'
              ? 'settings.usage'
              : row === 'Offers'
                ? 'settings.offers'
                : 'settings.language'
    return `${t(key)}: ${this._value(row, loadPrefs())}`
  }

  render(): void {
    this.title = t('settings.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.switch')],
    ]
    const items = this.tag('SettingsList').items as Lightning.Component[]
    this._rows.forEach((row, i) => {
      if (items[i]) (items[i] as unknown as { title: string }).title = this._label(row)
    })
  }

  private _toggle(row: Row): void {
    const prefs = loadPrefs()
    if (row === 'Language') {
      // The App owns the language switch (it redraws every kept page), as the Blue key does.
      ;(this.fireAncestors as unknown as (name: string) => void).call(this, '$switchLanguage')
      return
    }
    if (row === 'Speech') {
      prefs.speech = !speechEnabled()
      savePrefs(prefs)
      setSpeechEnabled(prefs.speech)
      this.render()
      speak(this._label(row))
      return
    }
    if (row === 'Usage') {
      // Off stops recording at once and drops what was not sent yet (usage.ts reads the switch every time).
      prefs.usage = !prefs.usage
      savePrefs(prefs)
      this.render()
      speak(this._label(row))
      return
    }
    if (row === 'Offers') {
      // Not known yet: the household has never said no, so a first press says no.
      api()
        .setOfferConsent(!(this._offers ?? true))
        .then(
          (c) => {
            this._offers = c.offers
            this.render()
            speak(this._label(row))
          },
          () => showToast(t('settings.offersFailed')),
        )
      return
    }
    if (row === 'LargeText') prefs.largeText = !prefs.largeText
    else prefs.highContrast = !prefs.highContrast
    savePrefs(prefs)
    // The App carries the new look into every screen in place; the focus stays on this row.
    lookChanged()
    this.render()
    speak(this._label(row))
    showToast(t('settings.lookApplied'))
  }

  override _getFocused(): Lightning.Component {
    return this.tag('SettingsList')
  }
}
