/**
 * The viewer's settings as one column of buttons, each saying its setting and its value now ("Large
 * text: On"); OK on one asks the page to switch it. Language is offered only where the operator ships more than one.
 */
import { Button, Column } from '@lightningjs/ui-components'
import { speechEnabled } from '../lib/announcer.ts'
import { currentLanguage, offeredLanguages, t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { sdkSettings } from '../lib/sdk.ts'
import { loadPrefs } from '../lib/viewerPrefs.ts'

export type Setting = 'LargeText' | 'HighContrast' | 'Speech' | 'Usage' | 'Offers' | 'Language'

const LABEL_KEY: Record<Setting, TKey> = {
  LargeText: 'settings.largeText',
  HighContrast: 'settings.highContrast',
  Speech: 'settings.speech',
  Usage: 'settings.usage',
  Offers: 'settings.offers',
  Language: 'settings.language',
}
const LANGUAGE_NAMES: Record<string, string> = { 'zh-CN': '中文', en: 'English' }

export default class SettingsList extends Column {
  private _settings: Setting[] = []
  /** The BOSS's answer on offers; null until it came (shown as --). */
  offers: boolean | null = null
  /** OK on a setting. */
  onToggle: (setting: Setting) => void = () => {}

  override _init(): void {
    super._init()
    this._settings = ['LargeText', 'HighContrast', 'Speech', 'Usage', 'Offers']
    if (offeredLanguages(sdkSettings().get('app', 'languages')).length > 1) this._settings.push('Language')
    this.style = { itemSpacing: 20 }
    this.items = this._settings.map((setting) => ({
      type: Button,
      ref: `${setting}Setting`,
      w: 900,
      h: 96,
      fixed: true,
      justify: 'left',
      title: '',
      onEnter: () => (this.onToggle(setting), true),
    }))
    this.render()
  }

  private _value(setting: Setting): string {
    const prefs = loadPrefs()
    if (setting === 'Language') return LANGUAGE_NAMES[currentLanguage()] || currentLanguage()
    if (setting === 'Offers' && this.offers === null) return '--'
    const on = { LargeText: prefs.largeText, HighContrast: prefs.highContrast, Usage: prefs.usage }
    const value = setting === 'Offers' ? this.offers : setting === 'Speech' ? speechEnabled() : on[setting]
    return value ? t('settings.on') : t('settings.off')
  }

  /** What the setting's button says: its name and value now. */
  label(setting: Setting): string {
    return `${t(LABEL_KEY[setting])}: ${this._value(setting)}`
  }

  render(): void {
    this.items.forEach((button, i) => {
      if (button instanceof Button && this._settings[i]) button.title = this.label(this._settings[i])
    })
  }
}
