/**
 * The viewer's settings: large text, high contrast, read aloud, usage statistics, language: remembered on
 * the box. Offers chosen from the household's use of the hall: a yes or no kept by the BOSS.
 * Every change applies at once, in place (lib/relook.ts for the look): same screen, same row focused.
 */
import { Button, Column } from '@lightningjs/ui-components'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import { setSpeechEnabled, speak, speechEnabled } from '../lib/announcer.ts'
import { api } from '../lib/backend.ts'
import { currentLanguage, offeredLanguages, t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { lookChanged } from '../lib/lookChange.ts'
import { showToast } from '../lib/overlays.ts'
import { sdkSettings } from '../lib/sdk.ts'
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

type Row = 'LargeText' | 'HighContrast' | 'Speech' | 'Usage' | 'Offers' | 'Language'

const LABEL_KEY: Record<Row, TKey> = {
  LargeText: 'settings.largeText',
  HighContrast: 'settings.highContrast',
  Speech: 'settings.speech',
  Usage: 'settings.usage',
  Offers: 'settings.offers',
  Language: 'settings.language',
}
const LANGUAGE_NAMES: Record<string, string> = { 'zh-CN': '中文', en: 'English' }

interface SettingsSpec extends PageFrameSpec {
  SettingsList: typeof Column
}

export default class SettingsPage extends HallPage<SettingsSpec> {
  private _rows: Row[] = []
  /** The BOSS's answer; null until it came (shown as --). */
  private _offers: boolean | null = null

  static override _template(): PageTemplate<SettingsSpec> {
    return frame<SettingsSpec>({
      SettingsList: { type: Column, x: 160, y: 230, w: 1000, h: 700, neverScroll: true },
    })
  }

  private get _list(): Column {
    return this.tag('SettingsList')!
  }

  override _init(): void {
    this._rows = ['LargeText', 'HighContrast', 'Speech', 'Usage', 'Offers']
    if (offeredLanguages(sdkSettings().get('app', 'languages')).length > 1) this._rows.push('Language')
    this._list.style = { itemSpacing: 20 }
    this._list.items = this._rows.map((row) => ({
      type: Button,
      ref: `${row}Setting`,
      w: 900,
      h: 96,
      fixed: true,
      justify: 'left',
      title: '',
      onEnter: () => (this._toggle(row), true),
    }))
    this.render()
    void api()
      .getOfferConsent()
      .then(
        (c) => this._offersAre(c.offers),
        () => undefined,
      )
  }

  protected override visit(first: boolean): void {
    if (!first) this.render()
  }

  private _value(row: Row): string {
    const prefs = loadPrefs()
    if (row === 'Language') return LANGUAGE_NAMES[currentLanguage()] || currentLanguage()
    if (row === 'Offers' && this._offers === null) return '--'
    const on = { LargeText: prefs.largeText, HighContrast: prefs.highContrast, Usage: prefs.usage }
    const value = row === 'Offers' ? this._offers : row === 'Speech' ? speechEnabled() : on[row]
    return value ? t('settings.on') : t('settings.off')
  }

  private _label(row: Row): string {
    return `${t(LABEL_KEY[row])}: ${this._value(row)}`
  }

  render(): void {
    this.title = t('settings.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.switch')],
    ]
    this._list.items.forEach((button, i) => {
      if (button instanceof Button && this._rows[i]) button.title = this._label(this._rows[i])
    })
  }

  private _offersAre(offers: boolean): void {
    this._offers = offers
    this.render()
  }

  private _toggle(row: Row): void {
    const prefs = loadPrefs()
    if (row === 'Language') return this.fireAncestors('$switchLanguage')
    if (row === 'Offers') {
      // Not known yet: the household has never said no, so a first press says no.
      void api()
        .setOfferConsent(!(this._offers ?? true))
        .then(
          (c) => (this._offersAre(c.offers), speak(this._label(row))),
          () => showToast(t('settings.offersFailed')),
        )
      return
    }
    // Off stops recording at once and drops what was not sent yet (usage.ts reads the switch every time).
    if (row === 'Usage') prefs.usage = !prefs.usage
    else if (row === 'Speech') prefs.speech = !speechEnabled()
    else if (row === 'LargeText') prefs.largeText = !prefs.largeText
    else prefs.highContrast = !prefs.highContrast
    savePrefs(prefs)
    if (row === 'Speech') setSpeechEnabled(prefs.speech === true)
    // The App carries the new look into every screen in place; the focus stays on this row.
    const look = row === 'LargeText' || row === 'HighContrast'
    if (look) lookChanged()
    this.render()
    speak(this._label(row))
    if (look) showToast(t('settings.lookApplied'))
  }

  override _getFocused(): Column {
    return this._list
  }
}
