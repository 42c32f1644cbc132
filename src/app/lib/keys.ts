/** Digit keys from the remote: top row (48-57) and keypad (96-105) both count. */
export function digitOfKey(e: { keyCode: number }): number | null {
  if (e.keyCode >= 48 && e.keyCode <= 57) return e.keyCode - 48
  if (e.keyCode >= 96 && e.keyCode <= 105) return e.keyCode - 96
  return null
}
