/**
 * The viewer's language, remembered on the box. A switch (Blue, or the settings row) is written to
 * storage and into the page's own address, so a reload, a restart after a change of look, or the next
 * start without a `lang` from the launcher all come back in the viewer's language.
 * Which one wins at start: the launcher's explicit `lang` (the platform asks for it; the switch keeps it
 * current), then the viewer's remembered choice, then the operator's default.
 */
const KEY = 'tvhall.language'

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null
  } catch {
    return null // some boxes throw on access with storage disabled
  }
}

export function rememberedLanguage(): string | null {
  const s = storage()
  try {
    return s ? s.getItem(KEY) : null
  } catch {
    return null
  }
}

/** First of URL, remembered, default that `isLanguage` accepts; else zh-CN. Pure. */
export function startLanguage<L extends string>(
  fromUrl: string | null,
  remembered: string | null,
  fromSettings: string | null,
  isLanguage: (v: unknown) => v is L,
): L | 'zh-CN' {
  for (const v of [fromUrl, remembered, fromSettings]) if (isLanguage(v)) return v
  return 'zh-CN'
}

/** `?a=1&lang=zh-CN#x` with `en` → `?a=1&lang=en`: the address a reload starts from. Pure; no URLSearchParams on old engines. */
export function searchWithLanguage(search: string, lang: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && p.split('=')[0] !== 'lang')
  pairs.push('lang=' + encodeURIComponent(lang))
  return '?' + pairs.join('&')
}

export function rememberLanguage(lang: string): void {
  const s = storage()
  try {
    if (s) s.setItem(KEY, lang)
  } catch {
    // full or disabled storage: the address below still carries it over a reload
  }
  if (typeof window === 'undefined' || !window.history || !window.history.replaceState) return
  const l = window.location
  window.history.replaceState(window.history.state, '', l.pathname + searchWithLanguage(l.search, lang) + l.hash)
}
