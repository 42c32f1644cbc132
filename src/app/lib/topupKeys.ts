/**
 * The Idempotency-Key of a top-up without a definite answer (see attemptKeys.ts): a card top-up per box and
 * card number (never its password), a QR payment per box and amount. Sending the same card or amount again
 * after a cut connection or a crash reuses the key, so the BFF answers what the BOSS did with the first try
 * (credited, or a payment code already made) instead of "card already used" or a second payment.
 */
import { attemptSlot, forgetAttemptKey, keptAttemptKey } from './attemptKeys.ts'
import { boxIdentity } from './backend.ts'

const cardSlot = (cardNo: string) => attemptSlot('topupCard', boxIdentity(), [cardNo])
const qrSlot = (amountFen: number) => attemptSlot('topupQr', boxIdentity(), [amountFen])

export const cardTopupKey = (cardNo: string): string => keptAttemptKey(cardSlot(cardNo))
export const forgetCardTopup = (cardNo: string): void => forgetAttemptKey(cardSlot(cardNo))
export const qrTopupKey = (amountFen: number): string => keptAttemptKey(qrSlot(amountFen))
export const forgetQrTopup = (amountFen: number): void => forgetAttemptKey(qrSlot(amountFen))
