/**
 * Lightning wraps text only at spaces and U+200B. Chinese has no spaces, so a long Chinese sentence
 * would overflow; a zero-width space between CJK characters gives the wrapper break opportunities.
 */

const ZWSP = '\u200B'

// CJK ideographs, CJK punctuation, full-width forms, kana and hangul syllables.
const CJK = /[\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/

// Punctuation that must not start a line (避头点), so no break opportunity goes before it.
const NO_BREAK_BEFORE = /[，。、；：？！）》」』】〕…%,.;:?!)\]]/

export function isCjk(ch: string): boolean {
  return CJK.test(ch)
}

/** Inserts U+200B between neighbouring characters when either of them is CJK. Idempotent. */
export function insertZeroWidthSpaces(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    const next = text.charAt(i + 1)
    out += ch
    if (!next || ch === ZWSP || next === ZWSP || ch === ' ' || next === ' ') continue
    if ((isCjk(ch) || isCjk(next)) && !NO_BREAK_BEFORE.test(next)) out += ZWSP
  }
  return out
}

export function stripZeroWidthSpaces(text: string): string {
  return text.split(ZWSP).join('')
}
