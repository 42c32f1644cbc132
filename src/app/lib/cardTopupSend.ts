/**
 * One prepaid card's top-up on its way, and what a refusal does to the card form. The card's Idempotency-Key
 * (topupKeys.ts) stays on the box until the answer is definite, so a retry after a lost answer, leaving, or a
 * crash is answered with what the BOSS did with the first try, never "card already used" for credit given.
 */
import type { Topup } from '../../contract/index.ts'
import { errorCode, isApiError } from './api.ts'
import { EMPTY_CARD_ENTRY, type CardEntry, type CardZone } from './cardEntry.ts'
import { t } from './i18n.ts'
import { cardFailureIsDefinite, cardRefusal } from './topupFlow.ts'
import { topupApi } from './topupApi.ts'
import { cardTopupKey, forgetCardTopup } from './topupKeys.ts'

/** Tops up with the card typed; the same card again is a retry of the same top-up until it is settled. */
export function sendCardTopup(e: CardEntry): Promise<Topup> {
  return topupApi.card({ cardNo: e.cardNo, password: e.password }, cardTopupKey(e.cardNo)).then(
    (topup) => (forgetCardTopup(e.cardNo), topup),
    (err: unknown) => {
      if (cardFailureIsDefinite(errorCode(err))) forgetCardTopup(e.cardNo)
      throw err
    },
  )
}

/** The form after a refusal: what it says next to the fields, what is typed again, where the focus goes. */
export interface CardRefused {
  entry: CardEntry
  message: string
  zone: CardZone
}

export function cardRefused(entry: CardEntry, err: unknown): CardRefused {
  const code = errorCode(err)
  const api = isApiError(err) ? err : null
  const r = cardRefusal(code, api ? api.attemptsLeft : undefined, api ? api.retryAfter : undefined)
  // A wrong password is typed again on its own; a card that cannot be used, from the start.
  const wrongPassword = code === 'CARD_INVALID' || code === 'BAD_REQUEST'
  const next: CardEntry = wrongPassword ? { ...entry, password: '', field: 'password' } : entry
  return {
    entry: r.retype && !wrongPassword ? EMPTY_CARD_ENTRY : next,
    message: t(r.key, r.params),
    zone: r.retype ? 'keypad' : 'confirm',
  }
}
