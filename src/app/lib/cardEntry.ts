/**
 * The prepaid card form as the viewer types it: the 16-digit number first, then the 6-8 digit password.
 * Pure, so the on-screen keypad and the remote's digit keys follow one rule, tested once.
 */
export const CARD_NO_DIGITS = 16
export const PASSWORD_MIN = 6
export const PASSWORD_MAX = 8

export type CardField = 'cardNo' | 'password'

export interface CardEntry {
  cardNo: string
  password: string
  field: CardField
}

export const EMPTY_CARD_ENTRY: CardEntry = { cardNo: '', password: '', field: 'cardNo' }

/**
 * One key: a digit, `delete` or `clear`. The number moves on to the password by itself once complete
 * (one press fewer); delete on an empty password goes back into the number, so no digit is out of reach.
 */
export function applyCardKey(s: CardEntry, key: string): CardEntry {
  const field = s.field
  const value = s[field]
  const max = field === 'cardNo' ? CARD_NO_DIGITS : PASSWORD_MAX
  if (key === 'clear') return { ...s, [field]: '' }
  if (key === 'delete') {
    if (value === '' && field === 'password') return { ...s, field: 'cardNo', cardNo: s.cardNo.slice(0, -1) }
    return { ...s, [field]: value.slice(0, -1) }
  }
  if (!/^\d$/.test(key) || value.length >= max) return s
  const next = { ...s, [field]: value + key }
  if (field === 'cardNo' && next.cardNo.length === CARD_NO_DIGITS) next.field = 'password'
  return next
}

export function isCardNoComplete(s: CardEntry): boolean {
  return /^\d{16}$/.test(s.cardNo)
}

export function canSubmitCard(s: CardEntry): boolean {
  return isCardNoComplete(s) && /^\d{6,8}$/.test(s.password)
}

/** `91000000001` → `9100 0000 001_ ____`: groups of four, as printed on the card, with the places still to type. */
export function groupCardNo(digits: string): string {
  let out = ''
  for (let i = 0; i < CARD_NO_DIGITS; i++) {
    if (i > 0 && i % 4 === 0) out += ' '
    out += i < digits.length ? digits[i] : '_'
  }
  return out
}

/** The password is never shown: a dot per typed digit, then the places up to the shortest password. */
export function maskPassword(password: string): string {
  let out = ''
  const places = Math.max(PASSWORD_MIN, password.length)
  for (let i = 0; i < places; i++) out += i < password.length ? '●' : '_'
  return out
}

/** Where the focus is on the card form: the two fields, the keypad, or the Top up button. */
export type CardZone = 'fields' | 'keypad' | 'confirm'

/**
 * After a digit typed on the remote: once the card can be submitted (number complete, password long
 * enough) the focus moves on to Top up, so the next OK submits; a viewer typing a longer password keeps
 * typing (the digits go to the field wherever the focus is). The on-screen pad keeps its focus.
 */
export function zoneAfterRemoteDigit(before: CardEntry, after: CardEntry, zone: CardZone): CardZone {
  return canSubmitCard(after) && !canSubmitCard(before) ? 'confirm' : zone
}
