/**
 * The remote's buttons and the keyCodes a box sends for them. Codes come from the app's own
 * `settings.json` key map when it names the key, so the emulator presses what the app listens for.
 */
export interface RemoteKey {
  /** Lightning's key name in settings.json (`Enter`, `Red`, `Digit1` …). */
  name: string
  label: string
  /** What the box sends when settings.json does not say. */
  fallbackCode: number
  /** Desktop keyboard keys (KeyboardEvent.key) that press this button. */
  keyboard: string[]
}

const digit = (d: number): RemoteKey => ({
  name: `Digit${d}`,
  label: String(d),
  fallbackCode: 48 + d,
  keyboard: [String(d)],
})

export const REMOTE_KEYS: RemoteKey[] = [
  { name: 'Up', label: '▲', fallbackCode: 38, keyboard: ['ArrowUp'] },
  { name: 'Left', label: '◀', fallbackCode: 37, keyboard: ['ArrowLeft'] },
  { name: 'Enter', label: 'OK', fallbackCode: 13, keyboard: ['Enter', ' '] },
  { name: 'Right', label: '▶', fallbackCode: 39, keyboard: ['ArrowRight'] },
  { name: 'Down', label: '▼', fallbackCode: 40, keyboard: ['ArrowDown'] },
  { name: 'Back', label: '返回 Back', fallbackCode: 8, keyboard: ['Backspace', 'Escape'] },
  { name: 'Home', label: '主页 Home', fallbackCode: 36, keyboard: ['Home', 'h'] },
  { name: 'Menu', label: '菜单 Menu', fallbackCode: 93, keyboard: ['ContextMenu', 'm'] },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map(digit),
  { name: 'Red', label: '', fallbackCode: 403, keyboard: ['F1', 'r'] },
  { name: 'Green', label: '', fallbackCode: 404, keyboard: ['F2', 'g'] },
  { name: 'Yellow', label: '', fallbackCode: 405, keyboard: ['F3', 'y'] },
  { name: 'Blue', label: '', fallbackCode: 406, keyboard: ['F4', 'b'] },
]

/**
 * keyCode for each button: the box's usual code if the app maps it to this key, else the first code the
 * app maps to it (numeric object keys come out in ascending order), else the fallback.
 */
export function keyCodes(appKeys: Record<string, string>): Map<string, number> {
  const codes = new Map<string, number>()
  for (const k of REMOTE_KEYS) {
    const mapped = Object.keys(appKeys)
      .filter((code) => appKeys[code] === k.name)
      .map(Number)
    codes.set(k.name, mapped.includes(k.fallbackCode) ? k.fallbackCode : (mapped[0] ?? k.fallbackCode))
  }
  return codes
}

export function keyForKeyboard(key: string): RemoteKey | undefined {
  return REMOTE_KEYS.find((k) => k.keyboard.includes(key))
}
