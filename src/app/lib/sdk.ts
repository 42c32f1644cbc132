/**
 * The SDK plugins the hall calls, typed: @lightningjs/sdk declares Settings and Language as `any`, so a wrong call
 * or a misread answer would compile. Each is checked, on first use, to have the methods named here.
 */
import { Language, Settings } from '@lightningjs/sdk'

interface SettingsPlugin {
  /** A value of settings.json's `app` or `platform` section (the user's own: `user`); `fallback` when absent. */
  get(type: 'app' | 'platform' | 'user', key: string, fallback?: unknown): unknown
}

interface LanguagePlugin {
  /** The text of `key` in the current language, `{name}` replaced from `replacements`; the key itself when missing. */
  translate(key: string, replacements?: Record<string, string | number>): string
  /** The current language's code, before the first set() undefined. */
  get(): unknown
  /** Loads the language's translations and switches to it. */
  set(language: string): Promise<void>
}

function hasMethods<T>(plugin: unknown, names: (keyof T & string)[]): plugin is T {
  return (
    typeof plugin === 'object' && plugin !== null && names.every((n) => typeof Reflect.get(plugin, n) === 'function')
  )
}

function checked<T>(plugin: unknown, name: string, methods: (keyof T & string)[]): T {
  if (!hasMethods<T>(plugin, methods)) throw new Error(`@lightningjs/sdk's ${name} lacks ${methods.join(', ')}`)
  return plugin
}

let settings: SettingsPlugin | undefined
let language: LanguagePlugin | undefined

export const sdkSettings = (): SettingsPlugin => (settings ??= checked<SettingsPlugin>(Settings, 'Settings', ['get']))

export const sdkLanguage = (): LanguagePlugin =>
  (language ??= checked<LanguagePlugin>(Language, 'Language', ['translate', 'get', 'set']))

/** A text setting of settings.json's `app` section ('' when absent or not text). */
export function appText(key: string): string {
  const value = sdkSettings().get('app', key, '')
  return typeof value === 'string' ? value : ''
}
