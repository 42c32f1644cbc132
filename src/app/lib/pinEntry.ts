/**
 * The purchase PIN as it is being typed: digits only, never more than six, shown masked. Pure, so the
 * keypad and the remote's digit keys share one rule.
 */
export const PIN_LENGTH = 6

export function pushDigit(pin: string, digit: number | string): string {
  const d = String(digit)
  if (!/^\d$/.test(d) || pin.length >= PIN_LENGTH) return pin
  return pin + d
}

export function popDigit(pin: string): string {
  return pin.slice(0, -1)
}

export function isPinComplete(pin: string): boolean {
  return pin.length === PIN_LENGTH && /^\d+$/.test(pin)
}

/** `123` → `●●●○○○`: filled dots for typed digits, hollow ones for what is left. */
export function maskPin(pin: string): string {
  let out = ''
  for (let i = 0; i < PIN_LENGTH; i++) out += i < pin.length ? '●' : '○'
  return out
}
