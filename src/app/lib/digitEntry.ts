/**
 * Numbers typed with the remote's digits or the on-screen pad: an E-code's three digits and a mobile
 * number. Pure functions so the rules (length, what counts as complete) are tested once.
 */

export const CODE_DIGITS = 3
export const PHONE_DIGITS = 11

/** Appends a digit unless the entry is full; 'delete' removes the last one. */
export function typeDigit(current: string, key: string, max: number): string {
  if (key === 'delete') return current.slice(0, -1)
  if (!/^\d$/.test(key) || current.length >= max) return current
  return current + key
}

/** The code as the box shows it (E + 3 digits), or null until all three digits are in. */
export function errorCodeOf(digits: string): string | null {
  return /^\d{3}$/.test(digits) ? 'E' + digits : null
}

/** What the code field shows while typing: E1__ */
export function codeDisplay(digits: string): string {
  let s = 'E' + digits
  for (let i = digits.length; i < CODE_DIGITS; i++) s += '_'
  return s
}

/** A mainland mobile number, as the BFF accepts it. */
export function isMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits)
}

/** 139 1234 5678: groups a viewer can check against the number on a card. */
export function phoneDisplay(digits: string): string {
  return [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)].filter((p) => p).join(' ')
}
