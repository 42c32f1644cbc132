/**
 * The viewer's own settings, remembered on the box: large text, high contrast, spoken guidance, usage statistics.
 * Speech left unset follows the platform (a box that asks for voice guidance gets it from the start).
 */
import { queryParam } from './query.ts'

export interface ViewerPrefs {
  largeText: boolean
  highContrast: boolean
  /** null: not chosen by the viewer, the platform decides. */
  speech: boolean | null
  /** Usage statistics for the operator (anonymous, see usage.ts): on unless the viewer switched them off. */
  usage: boolean
}

const KEY = 'tvhall.viewerPrefs'

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null
  } catch {
    return null
  }
}

export function parsePrefs(raw: string | null): ViewerPrefs {
  let v: unknown
  try {
    v = raw ? JSON.parse(raw) : {}
  } catch {
    v = {}
  }
  // Whatever the box kept (another version's prefs, `null`, a bare number): each field is read for what it is.
  const kept = (name: keyof ViewerPrefs): unknown =>
    typeof v === 'object' && v !== null ? Reflect.get(v, name) : undefined
  const speech = kept('speech')
  return {
    largeText: kept('largeText') === true,
    highContrast: kept('highContrast') === true,
    speech: typeof speech === 'boolean' ? speech : null,
    usage: kept('usage') !== false,
  }
}

export function loadPrefs(): ViewerPrefs {
  const s = storage()
  return parsePrefs(s ? s.getItem(KEY) : null)
}

export function savePrefs(prefs: ViewerPrefs): void {
  const s = storage()
  if (s) s.setItem(KEY, JSON.stringify(prefs))
}

/** The platform asks for speech through `platformSettings.speech` / `voiceGuidance`, or the URL `speech=1`. */
export function platformWantsSpeech(platformSettings: Record<string, unknown>, search: string): boolean {
  const url = queryParam(search, 'speech')
  if (url === '1') return true
  if (url === '0') return false
  return platformSettings.speech === true || platformSettings.voiceGuidance === true
}

export function speechOn(prefs: ViewerPrefs, platformDefault: boolean): boolean {
  return prefs.speech === null ? platformDefault : prefs.speech
}
