/**
 * Every string key the app shows. static/translations.json must define each one in every language
 * (a unit test checks), so a missing translation is caught before a viewer sees a raw key.
 */
import type { AppErrorCode } from './api.ts'
import type { LanguageCode } from './format.ts'

export const LANGUAGES = ['zh-CN', 'en'] as const

export const KEYS = [
  'app.title',
  'boot.connecting',
  'home.greeting',
  'home.hintTopup',
  'home.hintLanguage',
  'menu.balance',
  'menu.balance.hint',
  'menu.bills',
  'menu.bills.hint',
  'menu.packages',
  'menu.packages.hint',
  'menu.topup',
  'menu.topup.hint',
  'menu.repair',
  'menu.repair.hint',
  'menu.messages',
  'menu.messages.hint',
  'menu.help',
  'menu.help.hint',
  'status.card',
  'banner.suspended',
  'banner.arrears',
  'banner.arrearsNoDate',
  'banner.low',
  'banner.action',
  'balance.title',
  'balance.balance',
  'balance.arrears',
  'balance.deposit',
  'balance.status',
  'balance.suspendOn',
  'balance.suspendedSince',
  'balance.nextDeduction',
  'balance.nextDeductionValue',
  'balance.none',
  'balance.asOf',
  'balance.topup',
  'account.normal',
  'account.arrears',
  'account.suspended',
  'common.loading',
  'common.retry',
  'common.back',
  'common.backHint',
  'error.title',
  'error.BOSS_UNAVAILABLE',
  'error.BOSS_TIMEOUT',
  'error.NETWORK',
  'error.UNAUTHORIZED',
  'error.RATE_LIMITED',
  'error.DEVICE_UNKNOWN',
  'error.default',
  'comingSoon.body',
  'exit.title',
  'exit.leave',
  'exit.stay',
  'toast.language',
  'bills.title',
  'bills.empty',
  'bills.hint',
  'bills.hintPayments',
  'bills.payments',
  'bills.total',
  'bills.dueOn',
  'bills.legendPaid',
  'bills.legendOwed',
  'bill.unpaid',
  'bill.partial',
  'bill.settled',
  'billDetail.title',
  'billDetail.period',
  'billDetail.periodValue',
  'billDetail.total',
  'billDetail.paid',
  'billDetail.status',
  'billDetail.dueDate',
  'billDetail.lines',
  'billDetail.noLines',
  'billDetail.hint',
  'billChange.title',
  'billChange.up',
  'billChange.down',
  'billChange.same',
  'billChange.none',
  'billChange.noPrevious',
  'billChange.unavailable',
  'billChange.loading',
  'billChange.added',
  'billChange.removed',
  'billChange.changed',
  'billChange.purchase',
  'billChange.purchaseBefore',
  'billChange.adjustment',
  'payments.title',
  'payments.empty',
  'payments.loadingMore',
  'payments.counter',
  'payments.tv',
  'payments.card',
  'payments.qr',
  'payments.bank',
] as const

export type TKey = (typeof KEYS)[number]

/** Codes with their own plain-words message; every other code gets `error.default`. */
const OWN_MESSAGE: Partial<Record<AppErrorCode, TKey>> = {
  BOSS_UNAVAILABLE: 'error.BOSS_UNAVAILABLE',
  BOSS_ERROR: 'error.BOSS_UNAVAILABLE',
  BOSS_TIMEOUT: 'error.BOSS_TIMEOUT',
  NETWORK: 'error.NETWORK',
  UNAUTHORIZED: 'error.UNAUTHORIZED',
  FORBIDDEN: 'error.UNAUTHORIZED',
  RATE_LIMITED: 'error.RATE_LIMITED',
  DEVICE_UNKNOWN: 'error.DEVICE_UNKNOWN',
}

export function errorMessageKey(code: string | undefined): TKey {
  return (code && OWN_MESSAGE[code as AppErrorCode]) || 'error.default'
}

/** The languages the operator offers (settings `languages`), in their order; Chinese when unset or invalid. */
export function offeredLanguages(setting: unknown): LanguageCode[] {
  const list = Array.isArray(setting) ? setting.filter((l): l is LanguageCode => (LANGUAGES as readonly unknown[]).indexOf(l) >= 0) : []
  return list.length ? list : ['zh-CN']
}

/** The language after `current` in `offered`, wrapping; null when there is nothing to switch to. */
export function languageAfter(current: LanguageCode, offered: LanguageCode[]): LanguageCode | null {
  if (offered.length < 2) return null
  const i = offered.indexOf(current)
  return offered[(i + 1) % offered.length]
}
