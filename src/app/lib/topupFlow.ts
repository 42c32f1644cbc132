/**
 * Rules of the top-up screens that need no canvas: the amounts offered, the countdown, the card
 * refusals in plain words. Pure, so they are unit-tested.
 */
import type { TKey } from './i18nKeys.ts'

/** Mirrors the contract's QR_TOPUP_PRESETS_FEN / QR_TOPUP_MAX_FEN (importing values would pull TypeBox into the TV bundle). */
export const PRESETS_FEN = [3_000, 5_000, 10_000, 20_000, 50_000]
export const MAX_FEN = 500_000

/**
 * What the QR screen offers. An account that owes money starts at what it owes (the one press that lifts a
 * suspension), then only the presets above it: an amount that would leave it in arrears is not offered.
 */
export function amountOptions(arrearsFen: number): number[] {
  if (arrearsFen <= 0 || arrearsFen > MAX_FEN) return PRESETS_FEN.slice()
  return [arrearsFen].concat(PRESETS_FEN.filter((p) => p > arrearsFen))
}

/** How a successful top-up was shared out, for the result screen: credit, arrears paid, balance, still owed. */
export interface TopupSplit {
  creditFen: number
  /** null when the account before the top-up is not known (a result looked up later). */
  arrearsPaidFen: number | null
  balanceFen: number
  arrearsLeftFen: number
}

/** The BOSS settles arrears first (topup-credit), so what the arrears went down by is what this top-up paid. */
export function topupSplit(
  amountFen: number,
  after: { balanceFen: number; arrearsFen: number },
  before: { arrearsFen: number } | null,
): TopupSplit {
  const paid = before ? Math.max(0, Math.min(amountFen, before.arrearsFen - after.arrearsFen)) : null
  return { creditFen: amountFen, arrearsPaidFen: paid, balanceFen: after.balanceFen, arrearsLeftFen: after.arrearsFen }
}

/** What a successful top-up did to the service: lifted a suspension, or paid off arrears (service was never off). */
export type TopupOutcome = 'restored' | 'settled' | null

export function topupOutcome(
  before: { arrearsFen: number; status: string } | null,
  after: { arrearsFen: number; status: string },
): TopupOutcome {
  if (!before || after.arrearsFen > 0 || after.status !== 'normal') return null
  if (before.status === 'suspended') return 'restored'
  return before.arrearsFen > 0 || before.status === 'arrears' ? 'settled' : null
}

/** `125` → `2:05`; never negative. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const m = Math.floor(s / 60)
  const r = s % 60
  return m + ':' + (r < 10 ? '0' : '') + r
}

/** Seconds left, counted from when the BFF answered, on the box's monotonic-enough clock. */
export function secondsLeft(expiresInSeconds: number, answeredAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil(expiresInSeconds - (nowMs - answeredAtMs) / 1000))
}

/** Whole minutes to wait, rounded up, at least one. */
export function minutesOf(retryAfterSeconds: number | undefined): number {
  return Math.max(1, Math.ceil((retryAfterSeconds || 0) / 60))
}

export interface CardRefusal {
  key: TKey
  params: Record<string, number>
  /** The viewer fixes what was typed (number or password) and tries again. */
  retype: boolean
}

/** A refused card top-up in the viewer's words. */
/** Answers that leave open whether the card was credited: the top-up's key stays on the box for the next try. */
const UNSETTLED = ['NETWORK', 'BOSS_UNAVAILABLE', 'BOSS_TIMEOUT', 'BOSS_ERROR', 'CONFLICT', 'INTERNAL']

/** Whether a card top-up's failure is definite (refused, nothing credited), so its key may be forgotten. */
export function cardFailureIsDefinite(code: string): boolean {
  return UNSETTLED.indexOf(code) < 0
}

export function cardRefusal(code: string, attemptsLeft?: number, retryAfter?: number): CardRefusal {
  switch (code) {
    case 'CARD_INVALID':
      return { key: 'topup.card.invalid', params: { attempts: attemptsLeft || 0 }, retype: true }
    case 'LOCKED':
      return { key: 'topup.card.locked', params: { minutes: minutesOf(retryAfter) }, retype: false }
    case 'CARD_USED':
      return { key: 'topup.card.used', params: {}, retype: true }
    case 'CARD_EXPIRED':
      return { key: 'topup.card.expired', params: {}, retype: true }
    case 'CARD_NOT_ALLOWED':
      return { key: 'topup.card.notAllowed', params: {}, retype: true }
    case 'BAD_REQUEST':
      return { key: 'topup.card.invalid', params: { attempts: attemptsLeft || 0 }, retype: true }
    case 'BOSS_UNAVAILABLE':
    case 'BOSS_ERROR':
      return { key: 'topup.bossDown', params: {}, retype: false }
    case 'BOSS_TIMEOUT':
    case 'NETWORK':
    case 'CONFLICT':
      // The answer was lost or the first try is still under way: the card may be credited already, so never
      // "nothing was charged". The same card again goes out under the same key and gets the BOSS's answer.
      return { key: 'topup.unknown', params: {}, retype: false }
    default:
      return { key: 'topup.failed', params: {}, retype: false }
  }
}
