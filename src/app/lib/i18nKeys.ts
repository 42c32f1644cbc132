/**
 * Every string key the app shows. static/translations.json must define each one in every language
 * (a unit test checks), so a missing translation is caught before a viewer sees a raw key.
 */
import type { AppErrorCode } from './api.ts'
import type { LanguageCode } from './format.ts'
import { SHELL_KEYS } from './i18nKeys/shell.ts'
import { BILLS_KEYS } from './i18nKeys/bills.ts'
import { ORDERS_KEYS } from './i18nKeys/orders.ts'
import { TOPUP_KEYS } from './i18nKeys/topup.ts'
import { REPAIR_KEYS } from './i18nKeys/repair.ts'
import { MESSAGES_KEYS } from './i18nKeys/messages.ts'
import { FRAME_KEYS } from './i18nKeys/frame.ts'
import { FLOWS_KEYS } from './i18nKeys/flows.ts'

export const LANGUAGES = ['zh-CN', 'en'] as const

/** One list a domain (src/app/lib/i18nKeys/), so screens of different domains add keys without touching one long list. */
export const KEYS = [
  ...SHELL_KEYS,
  ...BILLS_KEYS,
  ...ORDERS_KEYS,
  ...TOPUP_KEYS,
  ...REPAIR_KEYS,
  ...MESSAGES_KEYS,
  ...FRAME_KEYS,
  ...FLOWS_KEYS,
] as const

export type TKey = (typeof KEYS)[number]

/** Codes with their own plain-words message; every other code gets `error.default`. */
const OWN_MESSAGE: Partial<Record<string, TKey>> = {
  BOSS_UNAVAILABLE: 'error.BOSS_UNAVAILABLE',
  BOSS_ERROR: 'error.BOSS_UNAVAILABLE',
  BOSS_TIMEOUT: 'error.BOSS_TIMEOUT',
  NETWORK: 'error.NETWORK',
  UNAUTHORIZED: 'error.UNAUTHORIZED',
  FORBIDDEN: 'error.UNAUTHORIZED',
  RATE_LIMITED: 'error.RATE_LIMITED',
  DEVICE_UNKNOWN: 'error.DEVICE_UNKNOWN',
} satisfies Partial<Record<AppErrorCode, TKey>>

export function errorMessageKey(code: string | undefined): TKey {
  return (code && OWN_MESSAGE[code]) || 'error.default'
}

/** The languages the operator offers (settings `languages`), in their order; Chinese when unset or invalid. */
export function offeredLanguages(setting: unknown): LanguageCode[] {
  const list = Array.isArray(setting)
    ? setting.filter((l): l is LanguageCode => LANGUAGES.some((code) => code === l))
    : []
  return list.length ? list : ['zh-CN']
}

/** The language after `current` in `offered`, wrapping; null when there is nothing to switch to. */
export function languageAfter(current: LanguageCode, offered: LanguageCode[]): LanguageCode | null {
  if (offered.length < 2) return null
  const i = offered.indexOf(current)
  return offered[(i + 1) % offered.length]
}
