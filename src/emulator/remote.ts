/**
 * The on-screen remote: each button becomes a real keydown/keyup pair inside the TV iframe, with the
 * keyCode the app maps. The desktop keyboard presses the same buttons; every press goes to the key log.
 */
import { keyCodes, keyForKeyboard, REMOTE_KEYS, type RemoteKey } from './keys.ts'
import { logTime } from './logTime.ts'

export interface Remote {
  press(name: string, via: 'button' | 'keyboard' | 'walk'): void
}

type Target = () => Window | null

function send(win: Window, type: 'keydown' | 'keyup', key: RemoteKey, code: number): void {
  const doc = win.document
  // The iframe's own constructor: an event made in the parent window would not be "real" inside it.
  const Ctor = (win as unknown as { KeyboardEvent: typeof KeyboardEvent }).KeyboardEvent
  const event = new Ctor(type, { key: key.keyboard[0], bubbles: true, cancelable: true })
  // keyCode/which in the init dictionary are ignored by browsers; Lightning reads keyCode.
  Object.defineProperty(event, 'keyCode', { get: () => code })
  Object.defineProperty(event, 'which', { get: () => code })
  ;(doc.activeElement ?? doc.body ?? doc.documentElement).dispatchEvent(event)
}

function logLine(log: HTMLElement, text: string): void {
  const line = document.createElement('li')
  line.textContent = `${logTime(new Date())}  ${text}`
  log.prepend(line)
  while (log.children.length > 40) log.lastElementChild!.remove()
}

export function buildRemote(
  host: HTMLElement,
  log: HTMLElement,
  target: Target,
  appKeys: Record<string, string>,
): Remote {
  const codes = keyCodes(appKeys)
  const press = (name: string, via: 'button' | 'keyboard' | 'walk') => {
    const key = REMOTE_KEYS.find((k) => k.name === name)
    const win = target()
    if (!key) return
    const code = codes.get(name)!
    const unmapped = appKeys[String(code)] ? '' : '  (the app does not map it)'
    logLine(log, `${key.label || key.name} → keyCode ${code}${unmapped}  [${via}]`)
    if (!win) return
    send(win, 'keydown', key, code)
    send(win, 'keyup', key, code)
  }

  for (const key of REMOTE_KEYS) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = `key key-${key.name.toLowerCase()}`
    button.dataset.key = key.name
    button.title = `${key.name} (keyCode ${codes.get(key.name)}; keyboard: ${key.keyboard.join(', ')})`
    button.textContent = key.label
    // Keep keyboard focus off the button, so arrows keep driving the TV and not the page.
    button.addEventListener('mousedown', (e) => e.preventDefault())
    button.addEventListener('click', () => press(key.name, 'button'))
    const slot = host.querySelector(`[data-slot="${key.name}"]`)
    if (slot) slot.replaceWith(button)
    else host.append(button)
  }

  window.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement | null
    if (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const key = keyForKeyboard(e.key)
    if (!key) return
    e.preventDefault()
    press(key.name, 'keyboard')
  })
  return { press }
}
