/**
 * What the operator picked, kept in the emulator's own URL (so a pasted link reproduces the view) and in
 * localStorage (so a bare `emulator.html` opens as it was left). The URL wins over storage.
 */
export type Resolution = '720' | '1080'

export interface EmulatorSettings {
  res: Resolution
  lang: string
  /** `live` (the BFF) or an msw scenario name. */
  source: string
  /** The box identity the app logs in with; empty: the app's own default (mocks: their demo device). */
  deviceId: string
  cardNo: string
  /** The box's device key from the stub's development provisioning (signs the log-in); empty for the mocks. */
  deviceKey: string
  /** Title-safe / action-safe overlay. */
  safe: boolean
  inspector: boolean
}

export const DEFAULTS: EmulatorSettings = {
  res: '720',
  lang: 'zh-CN',
  source: 'live',
  deviceId: '',
  cardNo: '',
  deviceKey: '',
  safe: false,
  inspector: false,
}

const STORAGE_KEY = 'tvhall.emulator.settings'
const FLAGS = ['safe', 'inspector'] as const
const TEXTS = ['lang', 'source', 'deviceId', 'cardNo', 'deviceKey'] as const

function fromParams(q: URLSearchParams, base: EmulatorSettings): EmulatorSettings {
  const s = { ...base }
  const res = q.get('res')
  if (res === '720' || res === '1080') s.res = res
  for (const k of TEXTS) {
    const v = q.get(k)
    if (v !== null) s[k] = v
  }
  for (const k of FLAGS) {
    const v = q.get(k)
    if (v !== null) s[k] = v === '1'
  }
  return s
}

export function toParams(s: EmulatorSettings): URLSearchParams {
  const q = new URLSearchParams()
  q.set('res', s.res)
  q.set('lang', s.lang)
  q.set('source', s.source)
  if (s.deviceId) q.set('deviceId', s.deviceId)
  if (s.cardNo) q.set('cardNo', s.cardNo)
  if (s.deviceKey) q.set('deviceKey', s.deviceKey)
  for (const k of FLAGS) q.set(k, s[k] ? '1' : '0')
  return q
}

function stored(): EmulatorSettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    return raw ? fromParams(new URLSearchParams(raw), DEFAULTS) : DEFAULTS
  } catch {
    // Storage can be off (private windows, policies): the URL alone still works.
    return DEFAULTS
  }
}

export function loadSettings(search: string): EmulatorSettings {
  return fromParams(new URLSearchParams(search), stored())
}

/** Writes both places; other query parameters of the page (e.g. `subs`) are kept. */
export function saveSettings(s: EmulatorSettings): void {
  const url = new URL(window.location.href)
  for (const [k, v] of toParams(s)) url.searchParams.set(k, v)
  for (const k of ['deviceId', 'cardNo', 'deviceKey'] as const) if (!s[k]) url.searchParams.delete(k)
  window.history.replaceState(null, '', url)
  try {
    localStorage.setItem(STORAGE_KEY, toParams(s).toString())
  } catch {
    // see stored()
  }
}

/** The TV app's own address for these settings (same origin, so the emulator can reach into it). */
export function tvAppUrl(s: EmulatorSettings): string {
  const q = new URLSearchParams()
  if (s.source !== 'live') q.set('mock', s.source)
  if (s.deviceId && s.cardNo) {
    q.set('deviceId', s.deviceId)
    q.set('cardNo', s.cardNo)
    if (s.deviceKey) q.set('deviceKey', s.deviceKey)
  }
  q.set('lang', s.lang)
  if (s.res === '1080') q.set('res', '1080')
  if (s.inspector) q.set('inspector', '1')
  return `index.html?${q}`
}

/** A name for saved images that says what was on screen. */
export function shotName(s: EmulatorSettings, screen: string): string {
  const who = s.deviceId ? `_${s.deviceId}` : ''
  return `tvhall_${screen.replace(/[^\w-]+/g, '-')}_${s.source}${who}_${s.res}p_${s.lang}.png`
}
