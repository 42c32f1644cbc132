/** Every visible string goes through the SDK Language plugin; this adds types and the language switch. */
import { Language } from '@lightningjs/sdk'
import type { LanguageCode } from './format.ts'
import { LANGUAGES, languageAfter, type TKey } from './i18nKeys.ts'

export { offeredLanguages } from './i18nKeys.ts'
import { reportLanguage } from './testHooks.ts'

export function t(key: TKey, params?: Record<string, string | number>): string {
  return params ? (Language.translate(key, params) as string) : (Language.translate(key) as string)
}

export function currentLanguage(): LanguageCode {
  const lang = Language.get() as string | null
  return lang === 'en' ? 'en' : 'zh-CN'
}

export function isLanguage(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).indexOf(value) >= 0
}

export function setLanguage(lang: LanguageCode): Promise<void> {
  return (Language.set(lang) as Promise<void>).then(() => reportLanguage(lang))
}

/** The next offered language after the current one, for the one-key switch; null when only one is offered. */
export function nextLanguage(offered: LanguageCode[]): LanguageCode | null {
  return languageAfter(currentLanguage(), offered)
}

/** A setting that may be one string or one per language, e.g. `operatorName: { "zh-CN": "星河有线", "en": "Xinghe Cable" }`. */
export function localized(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const byLang = value as Record<string, unknown>
    const v = byLang[currentLanguage()] ?? byLang['zh-CN']
    return typeof v === 'string' ? v : ''
  }
  return ''
}
