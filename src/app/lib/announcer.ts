/**
 * Spoken guidance for viewers who cannot read the screen: every focus move and every dialog is read
 * out through the Lightning Announcer's speech engine (ui-components `Speech`, i.e. speechSynthesis),
 * in the hall's current language. Works for every screen unedited: the words are the texts drawn inside
 * the focused item (or its `announce`/`title`), plus its place among its siblings ("3 of 12").
 */
import * as Lui from '@lightningjs/ui-components'
import { currentLanguage, t } from './i18n.ts'

// `Speech` (src/mixins/withAnnouncer/Speech.js) ships in ui-components' JS but not in its type declarations.
declare module '@lightningjs/ui-components' {
  /** Speaks a series of phrases, cancelling the series before; `series` settles when it ends or fails. */
  export function Speech(toSpeak: Lui.SpeechType, lang?: string): { series: Promise<void>; cancel(): void }
}

interface Node {
  ref?: string
  announce?: unknown
  title?: unknown
  visible?: boolean
  alpha?: number
  /** A text texture has `text` and `fontFace`; any other texture draws no words. */
  texture?: object | null
  childList?: { length: number; getAt(i: number): Node | undefined }
  parent?: Node | null
}

let enabled = false
let timer: ReturnType<typeof setTimeout> | undefined
let lastLeaf: Node | undefined
let previousPath: Node[] = []

export function setSpeechEnabled(on: boolean): void {
  enabled = on
  if (!on && typeof window !== 'undefined' && window.speechSynthesis) window.speechSynthesis.cancel()
}

export function speechEnabled(): boolean {
  return enabled
}

export function speechLang(): string {
  return currentLanguage() === 'en' ? 'en-US' : 'zh-CN'
}

/** Say it now, cutting off whatever was being said. */
export function speak(text: string): void {
  if (!enabled || !text.trim() || typeof window === 'undefined' || !window.speechSynthesis) return
  const said = Lui.Speech(text, speechLang())
  // A box without voices fails each utterance: guidance is a help, never an error for the viewer.
  said.series.catch(() => undefined)
}

/** Visible texts drawn inside an element, in tree order. */
export function textsIn(el: Node, out: string[] = [], limit = 4): string[] {
  if (out.length >= limit || el.visible === false || el.alpha === 0) return out
  const tex = el.texture
  if (tex && 'text' in tex && typeof tex.text === 'string' && 'fontFace' in tex && tex.fontFace !== undefined) {
    const s = tex.text.replace(/[\u200B]/g, '').trim()
    if (s && out.indexOf(s) < 0) out.push(s)
  }
  const list = el.childList
  if (list)
    for (let i = 0; i < list.length && out.length < limit; i++) {
      const child = list.getAt(i)
      if (child) textsIn(child, out, limit)
    }
  return out
}

/** What a focused item is called: its own `announce`, its `title`, or the texts it draws. */
export function labelOf(el: Node): string {
  if (typeof el.announce === 'string' && el.announce) return el.announce
  if (typeof el.title === 'string' && el.title) return el.title
  return textsIn(el).join(', ')
}

/** "3 of 12" when the item is one of several side by side (a row, a list, a dialog's buttons). */
export function positionOf(el: Node): { index: number; total: number } | null {
  const list = el.parent && el.parent.childList
  if (!list || list.length < 2) return null
  for (let i = 0; i < list.length; i++) if (list.getAt(i) === el) return { index: i + 1, total: list.length }
  return null
}

function findRef(el: Node, ref: string): Node | undefined {
  if (el.ref === ref) return el
  const list = el.childList
  if (list)
    for (let i = 0; i < list.length; i++) {
      const child = list.getAt(i)
      const f = child && findRef(child, ref)
      if (f) return f
    }
  return undefined
}

/** The sentence for a new focus; a dialog entered just now is read first (title, message). */
export function focusSentence(path: Node[], previous: Node[]): string {
  const leaf = path[path.length - 1]
  if (!leaf) return ''
  const parts: string[] = []
  const dialog = path.find((e) => e.ref === 'Dialog')
  if (dialog && previous.indexOf(dialog) < 0) {
    for (const ref of ['DialogTitle', 'DialogMessage']) {
      const n = findRef(dialog, ref)
      if (n) parts.push(...textsIn(n, [], 1))
    }
  }
  parts.push(labelOf(leaf))
  const pos = positionOf(leaf)
  if (pos) parts.push(t('speech.position', { index: pos.index, total: pos.total }))
  return parts.filter((p) => p).join(', ')
}

/** Called on every focus change; waits a moment so fast presses are not all read out. */
export function announceFocus(path: Node[]): void {
  if (!enabled) return
  const leaf = path[path.length - 1]
  if (leaf === lastLeaf) return
  lastLeaf = leaf
  const snapshot = path.slice()
  const before = previousPath
  previousPath = snapshot
  if (timer) clearTimeout(timer)
  // Texts may still be arriving (data loading): read what is drawn a little later.
  timer = setTimeout(() => speak(focusSentence(snapshot, before)), 250)
}
