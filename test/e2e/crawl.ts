/**
 * The remote crawler: explores the app with arrows, OK and Back only (as a viewer with the remote
 * would), and notes every place that breaks the rules for viewers three metres away: no focus, focus on
 * something hidden or off the title-safe area, text outside it, raw translation keys, Back that goes
 * nowhere, focus not restored on return, JS errors. Screens are found at run time, so new screens are
 * crawled without editing this file.
 * Issue 17's rules: the first focus of every screen is never a risky item (risky.ts, one list); the hint
 * bar names exactly the keys that act there; Back after a finished transaction never shows a step of it.
 */
import type { KeyInput } from 'puppeteer-core'
import { NO_OK, riskyFocus } from './risky.ts'
import { TRANSACTIONS, type Transaction, type TransactionSteps } from './transactions.ts'
import type { Tv } from './tv.ts'

export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}
interface Scan {
  focused: (Box & { ref?: string; path: string; visible: boolean; scale: number }) | null
  texts: ScannedText[]
}
/** One drawn text as the app's scan reports it (src/app/lib/screenScan.ts). */
export type ScannedText = Box & {
  text: string
  size: number
  ref?: string
  cut?: boolean
  clipped?: string
  ink?: Box
  lines?: number
  lineHeight?: number
}
export interface Snapshot {
  route: string
  loading: number
  dialog: string
  /** The app's language ('en', 'zh-CN'). */
  language: string
  scan: Scan
  /** The keys the hint bar names (its `Hint_<key>` items drawn on screen), Back included. */
  hints: string[]
}
export interface Finding {
  kind: string
  route: string
  detail: string
}

/** Title-safe area: 5% in from every edge of the 1920×1080 stage (a little slack for anti-aliasing). */
export const SAFE: Box = { x1: 96 - 1, y1: 54 - 1, x2: 1824 + 1, y2: 1026 + 1 }
const ARROWS = ['right', 'down', 'left', 'up'] as const
export type Key = (typeof ARROWS)[number] | 'ok' | 'back' | 'home' | 'digit' | 'red' | 'green' | 'yellow'
// Colour keys as the box's settings.json maps F1-F3 (Red, Green, Yellow); a digit is tried as 1.
const PUPPETEER_KEY: Record<Key, KeyInput> = {
  right: 'ArrowRight',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  up: 'ArrowUp',
  ok: 'Enter',
  back: 'Escape',
  home: 'Home',
  digit: '1',
  red: 'F1',
  green: 'F2',
  yellow: 'F3',
}
const OPPOSITE = { right: 'left', left: 'right', up: 'down', down: 'up' } as const
/**
 * What each hint names, as the keys that try it ('arrows' names all four). Back acts everywhere and the
 * frame names it on every screen; Home, Menu and Blue (language) are App-wide keys, named on home only.
 */
export const HINT_KEYS: Record<string, Key[]> = {
  updown: ['up', 'down'],
  leftright: ['left', 'right'],
  ok: ['ok'],
  digits: ['digit'],
  red: ['red'],
  green: ['green'],
  yellow: ['yellow'],
}
/** Texts that change by themselves (the header clock, a QR code's countdown): not a key's doing. */
const TICKING = /^(Clock|QrCountdown)$/
/** Smallest text readable from three metres, in 1080p stage pixels. */
export const MIN_TEXT_PX = 24
/** A translation key shown as it is, e.g. `menu.balance`. */
export const RAW_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/

export function inside(b: Box, area: Box = SAFE): boolean {
  return b.x1 >= area.x1 && b.y1 >= area.y1 && b.x2 <= area.x2 && b.y2 <= area.y2
}

/** A screen: the route, plus the dialog over it if one is open. */
export function screenOf(s: Snapshot): string {
  return s.dialog ? `${s.route} [dialog ${s.dialog}]` : s.route
}

export function stateKey(s: Snapshot): string {
  return `${s.route}|${s.scan.focused ? s.scan.focused.path : '-'}|${s.dialog}`
}

export interface CrawlLimits {
  maxKeys: number
  maxMs: number
  /** Focus states explored per screen, so one long list does not eat the whole budget. */
  perRoute: number
  /**
   * Issue 16's text rules (fitProblems) on every state, with the household's own name and address: the only
   * Chinese an English screen may show. Off by default until the Chinese crawls are clean of them too.
   */
  textFit?: { ownWords: string[] }
}

/** A focus still on its way: not grown (and not a full-width row, which grows little), or not laid out yet. */
function unfinishedFocus(f: Box & { scale: number }): boolean {
  return (f.scale < 1.01 && f.x2 - f.x1 < 1200) || (f.x1 === 0 && f.y1 === 0)
}

export class Crawler {
  readonly findings: Finding[] = []
  readonly states = new Map<string, Key[]>()
  readonly routes = new Map<string, Key[]>()
  keys = 0
  /** Screens whose hint bar was held against the keys (the budget may end first). */
  hintsChecked = 0
  private readonly started = Date.now()
  private readonly seen = new Set<string>()
  private readonly perRoute = new Map<string, number>()

  readonly tv: Tv
  readonly limits: CrawlLimits

  constructor(tv: Tv, limits: CrawlLimits) {
    this.tv = tv
    this.limits = limits
  }

  private outOfBudget(): boolean {
    return this.keys >= this.limits.maxKeys || Date.now() - this.started > this.limits.maxMs
  }

  note(kind: string, route: string, detail: string): void {
    const id = `${kind}|${route}|${detail}`
    if (this.seen.has(id)) return
    this.seen.add(id)
    this.findings.push({ kind, route, detail })
  }

  async snapshot(): Promise<Snapshot> {
    return this.tv.page.evaluate(() => {
      const h = (
        window as unknown as { __tvhall: { route?: string; loading?: number; language?: string; scan: () => unknown } }
      ).__tvhall
      const scan = h.scan() as { texts: { ref?: string; text: string }[] }
      const title = scan.texts.find((t) => t.ref === 'DialogTitle')
      // The inspector mirrors the stage as DOM and hides what Lightning does not draw (a page left behind, a closed bar).
      const hints = Array.from(document.querySelectorAll('[ref^="Hint_"]'))
        .filter((e) => e.checkVisibility())
        .map((e) => (e.getAttribute('ref') || '').slice(5))
      const language = h.language || ''
      return {
        route: h.route || '',
        loading: h.loading || 0,
        dialog: title ? title.text : '',
        language,
        scan,
        hints,
      } as never
    })
  }

  /** After a key: wait until nothing loads and two looks 120 ms apart agree (animations done). */
  async settle(): Promise<Snapshot> {
    let last = await this.snapshot()
    const until = Date.now() + 6000
    for (;;) {
      await new Promise((r) => setTimeout(r, 120))
      const now = await this.snapshot()
      const f = now.scan.focused
      const g = last.scan.focused
      const same =
        stateKey(now) === stateKey(last) &&
        now.loading === 0 &&
        (!f || !g || (Math.abs(f.x1 - g.x1) < 0.5 && Math.abs(f.y1 - g.y1) < 0.5 && Math.abs(f.x2 - g.x2) < 0.5))
      if (same && this.moving(now) && Date.now() <= until) {
        // A focus that has not grown yet, or sits in content still fading in (not laid out: 0,0), or a list
        // caught mid-scroll (its rows cut by its edges) may be a transition whose frames have not come on a
        // slow stage: looks until it ends (3 s at most), so the rules judge what the viewer ends up seeing.
        let end = await this.snapshot()
        for (const stop = Date.now() + 3000; Date.now() < stop;) {
          await new Promise((r) => setTimeout(r, 150))
          end = await this.snapshot()
          if (!this.moving(end)) break
        }
        return end
      }
      if (same || Date.now() > until) return now
      last = now
    }
  }

  /** A look that may be mid-transition: the focus not finished, or (with the text rules on) a text cut by its box. */
  private moving(s: Snapshot): boolean {
    const f = s.scan.focused
    if (f && unfinishedFocus(f)) return true
    return !!this.limits.textFit && s.scan.texts.some((t) => t.x2 - t.x1 > 0 && t.y2 - t.y1 > 0 && !!t.clipped)
  }

  async press(key: Key): Promise<Snapshot> {
    this.keys++
    await this.tv.page.keyboard.press(PUPPETEER_KEY[key])
    return this.settle()
  }

  /** The rules every state must keep. */
  check(s: Snapshot): void {
    const f = s.scan.focused
    const where = s.route + (s.dialog ? ` [dialog ${s.dialog}]` : '')
    if (!f || f.x2 - f.x1 < 4 || f.y2 - f.y1 < 4) this.note('focus-missing', where, f ? f.path : 'nothing focused')
    else if (f.x2 - f.x1 > 1700 && f.y2 - f.y1 > 900)
      this.note('focus-missing', where, `only the whole screen is focused (${f.path})`)
    else {
      if (!f.visible) this.note('focus-hidden', where, f.path)
      else if (!inside(f)) this.note('focus-unsafe', where, `${f.path} at ${fmt(f)}`)
      // Focus shows by size as well as colour, for viewers who cannot tell the colours apart.
      // Rows as wide as the safe area cannot grow; they show focus by a frame and fill instead.
      if (f.scale < 1.01 && f.x2 - f.x1 < 1200) this.note('focus-colour-only', s.route, f.path.replace(/\d+$/, '<n>'))
    }
    // A text with no size yet is not drawn (its texture is still coming): nothing a viewer sees.
    for (const t of s.scan.texts.filter((x) => x.x2 - x.x1 > 0 && x.y2 - x.y1 > 0)) {
      if (!inside(t)) this.note('text-unsafe', where, `"${t.text.slice(0, 30)}" (${t.ref || '?'}) at ${fmt(t)}`)
      if (t.size && t.size < MIN_TEXT_PX)
        this.note('text-small', s.route, `"${t.text.slice(0, 20)}" (${t.ref || '?'}) ${Math.round(t.size)}px`)
      if (RAW_KEY.test(t.text.trim()) || /undefined|NaN|\[object |\{\w+\}/.test(t.text))
        this.note('raw-text', where, `"${t.text.slice(0, 40)}"`)
    }
    if (this.limits.textFit)
      for (const [kind, detail] of fitProblems(s, this.limits.textFit.ownWords)) this.note(kind, where, detail)
    for (const e of this.tv.errors.splice(0)) this.note('js-error', where, e.slice(0, 200))
  }

  /** Home with no dialog, then the keys again: the way back to any state when the cheap way fails. */
  async goTo(path: Key[]): Promise<Snapshot> {
    let s = await this.settle()
    for (let i = 0; i < 4 && s.dialog; i++) s = await this.press('back')
    if (s.route !== 'home') s = await this.press('home')
    for (let i = 0; i < 4 && s.dialog; i++) s = await this.press('back')
    if (stateKey(s) !== this.homeStart) {
      // Home remembers its last tile (paths start from the first one), or a broken screen holds the remote:
      // start the app afresh and go on.
      await this.tv.page.reload({ waitUntil: 'load' })
      await this.tv.waitForRoute('home')
      s = await this.settle()
      for (let i = 0; i < 4 && s.dialog; i++) s = await this.press('back')
    }
    for (const k of path) s = await this.press(k)
    return s
  }

  record(s: Snapshot, path: Key[]): boolean {
    const key = stateKey(s)
    if (this.states.has(key)) return false
    this.states.set(key, path)
    if (!this.routes.has(s.route)) this.routes.set(s.route, path)
    this.check(s)
    return true
  }

  /** Screens (route and dialog) found and waiting, breadth first, with the keys that reach them from home. */
  private readonly queue: { screen: string; path: Key[] }[] = []
  /** Each screen's first state as explored, with the arrows and OK that acted there (for the hint rule). */
  private readonly firstStates = new Map<string, { s: Snapshot; path: Key[]; acted: Set<Key> }>()
  private readonly queued = new Set<string>()
  private askedToLeave = false
  private homeStart = ''

  /** Every screen in turn: menu tiles first, then what they open, and so on, until the budget is spent. */
  async crawl(start: Snapshot): Promise<void> {
    this.homeStart = stateKey(start)
    this.record(start, [])
    this.checkFirstFocus(start)
    this.enqueue(start, [])
    while (this.queue.length && !this.outOfBudget()) {
      const { screen, path } = this.queue.shift()!
      const s = await this.goTo(path)
      if (screenOf(s) !== screen) {
        this.note('lost', screen, `path ${path.join(',')} now leads to ${stateKey(s)}`)
        continue
      }
      await this.explore(s, path, true)
    }
  }

  private enqueue(s: Snapshot, path: Key[]): void {
    if (this.queued.has(screenOf(s))) return
    this.queued.add(screenOf(s))
    this.queue.push({ screen: screenOf(s), path })
  }

  /**
   * Arrows within one screen (depth first, a few states per screen); OK and what it opens is queued. On a
   * screen's first state (`first`) it also notes which keys act, for the hint rule, and tries the digit and
   * colour keys too.
   */
  async explore(s: Snapshot, path: Key[], first = false): Promise<void> {
    const here = stateKey(s)
    const actedKeys = new Set<Key>()
    // What was drawn just before each key (a focus animation may still have been ending when `s` was taken).
    let base = s
    for (const key of [...ARROWS, 'ok'] as Key[]) {
      if (this.outOfBudget()) return
      const ref = s.scan.focused && s.scan.focused.ref ? s.scan.focused.ref : ''
      // Not pressed, but OK does act on a risky item: that is why it is not pressed.
      if (key === 'ok' && NO_OK.test(ref)) {
        actedKeys.add('ok')
        continue
      }
      let next = await this.press(key)
      if (stateKey(next) === here) {
        if (textSignature(next) === textSignature(base)) {
          base = next
          continue
        }
        // Same focus, other texts: a scroll or a field typed into. It acts; put it back as it was.
        actedKeys.add(key)
        if (key !== 'ok') next = await this.press(OPPOSITE[key as keyof typeof OPPOSITE])
        if (textSignature(next) !== textSignature(base)) next = await this.goTo(path)
        if (stateKey(next) !== here)
          return this.note('lost', s.route, `could not get back to ${here} (at ${stateKey(next)})`)
        base = next
        continue
      }
      actedKeys.add(key)
      const nextPath = [...path, key]
      const fresh = this.record(next, nextPath)
      const sameScreen = screenOf(next) === screenOf(s)
      if (!sameScreen && fresh) this.checkFirstFocus(next)
      if (sameScreen) {
        const count = (this.perRoute.get(screenOf(next)) || 0) + 1
        this.perRoute.set(screenOf(next), count)
        if (fresh && count <= this.limits.perRoute) {
          await this.explore(next, nextPath)
          if (this.outOfBudget()) return
          next = await this.settle()
        }
      } else this.enqueue(next, nextPath)
      // Back the cheap way: the opposite arrow on the same screen, Back from a new screen or dialog.
      const undo: Key = key !== 'ok' && sameScreen ? OPPOSITE[key as keyof typeof OPPOSITE] : 'back'
      const from = next
      let back = stateKey(next) === here ? next : await this.press(undo)
      if (undo === 'back') this.checkBack(from, s, back)
      if (stateKey(back) !== here) back = await this.goTo(path)
      if (stateKey(back) !== here) {
        this.note('lost', s.route, `could not get back to ${here} (at ${stateKey(back)})`)
        return
      }
      base = back
    }
    // The hint rule needs the digit and colour keys too: tried later, in `checkHints`, on its own budget.
    if (first && !s.dialog) this.firstStates.set(s.route, { s, path, acted: actedKeys })
  }

  /** No screen or dialog opens with the focus on a risky item (risky.ts). */
  checkFirstFocus(s: Snapshot): void {
    const why = firstFocusRisk(s)
    if (why) this.note('first-focus-risky', screenOf(s), why)
  }

  /**
   * The hint bar names exactly the keys that act, on the first state of every screen explored: the arrows
   * and OK were tried by `explore`, the digit and colour keys are tried here, until `untilMs` (Date.now()).
   */
  async checkHints(untilMs: number): Promise<void> {
    for (const { s, path, acted } of this.firstStates.values()) {
      if (Date.now() > untilMs) return
      const at = await this.goTo(path)
      if (screenOf(at) !== screenOf(s)) {
        this.note('lost', s.route, `path ${path.join(',')} now leads to ${stateKey(at)}`)
        continue
      }
      await this.checkHintsOn(at, path, new Set(acted))
    }
  }

  private async checkHintsOn(s: Snapshot, path: Key[], actedKeys: Set<Key>): Promise<void> {
    const here = stateKey(s)
    let base = s
    for (const key of ['digit', 'red', 'green', 'yellow'] as Key[]) {
      let next = await this.press(key)
      if (!acted(base, next)) {
        base = next
        continue
      }
      actedKeys.add(key)
      if (screenOf(next) !== screenOf(s)) next = await this.press('back')
      if (stateKey(next) !== here || textSignature(next) !== textSignature(s)) next = await this.goTo(path)
      if (screenOf(next) !== screenOf(s))
        return this.note('lost', s.route, `could not get back to ${here} (at ${stateKey(next)})`)
      base = next
    }
    this.hintsChecked++
    for (const m of hintMismatches(s.hints, actedKeys)) this.note('hint-keys', s.route, m)
  }

  /** Back closes a dialog first, otherwise goes one level up and lands where the viewer left. */
  private checkBack(from: Snapshot, parent: Snapshot, after: Snapshot): void {
    const where = from.route + (from.dialog ? ` [dialog ${from.dialog}]` : '')
    if (from.dialog) {
      if (after.dialog) this.note('back-dialog', where, 'Back did not close the dialog')
      return
    }
    if (after.route === from.route && !after.dialog) this.note('back-dead', where, `Back stayed on ${stateKey(after)}`)
    else if (after.route === parent.route && stateKey(after) !== stateKey(parent) && !parent.dialog)
      this.note(
        'focus-not-restored',
        where,
        `back on ${parent.route}: focus ${after.scan.focused?.path} instead of ${parent.scan.focused?.path}`,
      )
  }

  /**
   * Back after a finished transaction, from where the viewer is now (its result, or a screen reached from
   * it): Back at most 8 times until home; no screen on the way may show a step of it, none may hold the
   * remote, and no JS error. Returns the screens passed.
   */
  async checkBackAfterFinish(done: Transaction): Promise<string[]> {
    const passed: string[] = []
    let s = await this.settle()
    for (let n = 1; n <= 8 && !(s.route === 'home' && !s.dialog); n++) {
      s = await this.press('back')
      passed.push(screenOf(s))
      for (const e of this.tv.errors.splice(0)) this.note('js-error', screenOf(s), e.slice(0, 200))
      const step = stepShown(s, TRANSACTIONS[done])
      if (step) this.note('back-into-finished', done, `Back ${n} shows its step again: ${step}`)
    }
    if (s.route !== 'home' || s.dialog) this.note('trap', done, `8 x Back after the ${done} ends on ${stateKey(s)}`)
    return passed
  }

  /** From the first state of every screen, Back (at most 8 times) and Home each reach the home screen. */
  async checkWayHome(route: string, path: Key[]): Promise<void> {
    let s = await this.goTo(path)
    if (s.route !== route) return this.note('lost', route, `path ${path.join(',')} now leads to ${s.route}`)
    let n = 0
    while (!(s.route === 'home' && !s.dialog) && n < 8) {
      s = await this.press('back')
      n++
    }
    if (s.route !== 'home' || s.dialog) this.note('trap', route, `8 x Back ends on ${stateKey(s)}`)
    await this.goTo(path)
    s = await this.press('home')
    if (s.route !== 'home') this.note('home-key', route, `Home key stays on ${stateKey(s)}`)
    if (this.askedToLeave) return
    this.askedToLeave = true
    s = await this.press('back')
    if (s.route !== 'home' || !s.dialog)
      this.note('exit-question', 'home', `Back on home did not ask before leaving (${stateKey(s)})`)
    else await this.press('back')
  }
}

/** What is drawn, where: a scroll or a typed digit changes it without moving the focus. Ticking texts left out. */
export function textSignature(s: Snapshot): string {
  return (
    s.scan.texts
      .filter((t) => !TICKING.test(t.ref || ''))
      // In 16 px steps: a scroll moves texts by a row; a focus growing by 8 % moves its own by a few pixels.
      .map((t) => `${t.text}@${Math.round(t.x1 / 16)},${Math.round(t.y1 / 16)}`)
      .sort()
      .join('|')
  )
}

/** A key acted: the screen, dialog or focus changed, or what is drawn did. */
export function acted(before: Snapshot, after: Snapshot): boolean {
  return stateKey(before) !== stateKey(after) || textSignature(before) !== textSignature(after)
}

/** The hint bar held against the keys that acted: a named key that does nothing, or a key that acts unnamed. */
export function hintMismatches(named: string[], actedKeys: ReadonlySet<Key>): string[] {
  const names = new Set(named.flatMap((n) => (n === 'arrows' ? ['updown', 'leftright'] : [n])))
  const out: string[] = []
  for (const [hint, keys] of Object.entries(HINT_KEYS)) {
    const acting = keys.filter((k) => actedKeys.has(k))
    if (names.has(hint) && !acting.length) out.push(`the hint names ${hint} but ${keys.join('/')} do nothing`)
    if (!names.has(hint) && acting.length) out.push(`${acting.join('/')} act but the hint does not name ${hint}`)
  }
  return out
}

/** The step of a transaction this screen shows ('' for none): its route, or a step's own item drawn or focused. */
export function stepShown(s: Snapshot, steps: TransactionSteps): string {
  if (steps.routes && steps.routes.test(s.route)) return s.route
  if (!steps.refs) return ''
  const refs = steps.refs
  const f = s.scan.focused
  const held = f ? f.path.split('/').find((r) => refs.test(r)) : undefined
  if (held) return `${s.route} (focus in ${held})`
  const drawn = s.scan.texts.find((t) => t.ref && refs.test(t.ref))
  return drawn ? `${s.route} (${drawn.ref} drawn)` : ''
}

/** Why the focused item is risky ('' when safe): its ref, or a text drawn inside its box (its label). */
export function firstFocusRisk(s: Snapshot): string {
  const f = s.scan.focused
  if (!f) return ''
  const labels = s.scan.texts
    .filter((t) => t.x1 >= f.x1 - 2 && t.x2 <= f.x2 + 2 && t.y1 >= f.y1 - 2 && t.y2 <= f.y2 + 2)
    .map((t) => t.text)
  for (const label of labels.length ? labels : ['']) {
    const why = riskyFocus(f.ref, label)
    if (why) return why
  }
  return ''
}

/** Chinese characters, CJK punctuation and full-width forms: none belongs on an English screen. */
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/
/** Languages named in their own words (the switch to Chinese reads 中文 in every language). */
const ENDONYMS = ['中文']
/** Below this, two lines of a text touch (Chinese glyphs fill the whole em). */
const MIN_LINE_HEIGHT = 1.1
/** Glyph boxes may touch by this much (anti-aliasing, the ink box's estimate) before they count as overlapping. */
const OVERLAP_PX = 4

/**
 * Issue 16's text rules on one screen, as [kind, detail]: no label cut with "..", no text clipped by its
 * box, a parent or the screen, no two texts drawn over each other, no lines of one text touching, and in
 * English no Chinese outside the household's own words.
 */
export function fitProblems(s: Snapshot, ownWords: string[]): [string, string][] {
  const out: [string, string][] = []
  const drawn = s.scan.texts.filter((x) => x.x2 - x.x1 > 0 && x.y2 - x.y1 > 0)
  const name = (t: ScannedText) => `"${t.text.slice(0, 30)}" (${t.ref || '?'})`
  for (const t of drawn) {
    if (t.cut) out.push(['text-cut', name(t)])
    if (t.clipped) out.push(['text-clipped', `${name(t)} ${t.clipped}`])
    if (t.lines && t.lines > 1 && t.lineHeight && t.size && t.lineHeight < t.size * MIN_LINE_HEIGHT)
      out.push(['text-lines-touch', `${name(t)} line height ${Math.round(t.lineHeight)} for ${Math.round(t.size)}px`])
    if (s.language === 'en') {
      const rest = [...ownWords, ...ENDONYMS].reduce((text, own) => (own ? text.split(own).join('') : text), t.text)
      if (CJK.test(rest)) out.push(['chinese-in-english', name(t)])
    }
  }
  for (let i = 0; i < drawn.length; i++) {
    for (let j = i + 1; j < drawn.length; j++) {
      const a = drawn[i].ink
      const b = drawn[j].ink
      if (!a || !b) continue
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1)
      if (w > OVERLAP_PX && h > OVERLAP_PX) out.push(['text-overlap', `${name(drawn[i])} and ${name(drawn[j])}`])
    }
  }
  return out
}

function fmt(b: Box): string {
  return `${Math.round(b.x1)},${Math.round(b.y1)}-${Math.round(b.x2)},${Math.round(b.y2)}`
}
