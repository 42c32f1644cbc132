/** Every visible string goes through the SDK Language plugin; this adds types and the language switch. */
import { sdkLanguage } from './sdk.ts'
import type { LanguageCode } from './format.ts'
import { LANGUAGES, languageAfter, type TKey } from './i18nKeys.ts'

export { offeredLanguages } from './i18nKeys.ts'
import { reportLanguage } from './testHooks.ts'

export function t(key: TKey, params?: Record<string, string | number>): string {
  // Without replacements the plugin is called with the key alone: an undefined argument would count as one.
  return params ? sdkLanguage().translate(key, params) : sdkLanguage().translate(key)
}

export function currentLanguage(): LanguageCode {
  const lang = sdkLanguage().get()
  return lang === 'en' ? 'en' : 'zh-CN'
}

export function isLanguage(value: unknown): value is LanguageCode {
  return LANGUAGES.some((l) => l === value)
}

export function setLanguage(lang: LanguageCode): Promise<void> {
  return sdkLanguage()
    .set(lang)
    .then(() => reportLanguage(lang))
}

/** The next offered language after the current one, for the one-key switch; null when only one is offered. */
export function nextLanguage(offered: LanguageCode[]): LanguageCode | null {
  return languageAfter(currentLanguage(), offered)
}

/** A setting that may be one string or one per language, e.g. `operatorName: { "zh-CN": "星河有线", "en": "Xinghe Cable" }`. */
export function localized(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const v: unknown = Reflect.get(value, currentLanguage()) ?? Reflect.get(value, 'zh-CN')
    return typeof v === 'string' ? v : ''
  }
  return ''
}
