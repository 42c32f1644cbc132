/**
 * Runs in the page before any of its scripts (evaluateOnNewDocument). It catches the Application as the
 * bundle's `tvHallApp(...)` returns it (both the hall and the baseline export that global), so neither app
 * needs a bench hook, and wraps `stage.renderFrame` (Lightning's per-rAF pass; it returns whether the tree
 * changed and anything was drawn). Everything the bench reads is on `window.__bench`.
 *
 * Key-to-frame: a capturing keydown listener (registered before the app's) notes `event.timeStamp`; the
 * latency ends when the first render pass that drew something after it returns, i.e. the GL commands of
 * the frame that shows the key's effect were issued (the compositor presents them at the next vsync).
 * The bench only presses a key after 3 frames in a row drew nothing, so the drawn frame is the key's.
 */
export interface BenchProbe {
  stage: any
  frameNo: number
  lastDrawnFrame: number
  firstDrawnAt: number | null
  /** First drawn frame after the account answer arrived while home was shown with a focus. */
  homeReadyAt: number | null
  /** When the last frame that drew something was drawn (the household's name counts once a frame drew it). */
  lastDrawnAt: number | null
  accountAnsweredAt: number | null
  /** When index.html called the bundle's `tvHallApp` and when it returned (the stage built). */
  startCalledAt: number | null
  startReturnedAt: number | null
  /**
   * Text the bench waits to see (`window.__benchWatchText`, set before the page loads): the end of the render pass
   * that first drew a text texture holding it, i.e. the frame the viewer first sees it in.
   */
  textDrawnAt: number | null
  keyAt: number | null
  keyLatencies: number[]
  recording: boolean
  frameTimes: number[]
}

export function installProbe(): void {
  const w = window as any
  const b: BenchProbe = {
    stage: null,
    frameNo: 0,
    lastDrawnFrame: 0,
    firstDrawnAt: null,
    homeReadyAt: null,
    lastDrawnAt: null,
    accountAnsweredAt: null,
    startCalledAt: null,
    startReturnedAt: null,
    textDrawnAt: null,
    keyAt: null,
    keyLatencies: [],
    recording: false,
    frameTimes: [],
  }
  w.__bench = b
  // When the app's own XHR handler gets the account (a resource observer reports it later, when the page is busy,
  // possibly after the frame that drew it).
  const open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    if (/\/api\/v1\/account(\?|$)/.test(String(args[1]))) {
      this.addEventListener('load', () => {
        if (b.accountAnsweredAt === null) b.accountAnsweredAt = performance.now()
      })
    }
    return (open as (...a: unknown[]) => void).apply(this, args)
  }
  window.addEventListener(
    'keydown',
    (e) => {
      if (b.keyAt === null) b.keyAt = e.timeStamp
    },
    true,
  )

  // Set while a render pass shows a text texture holding the watched text for the first time (Element's
  // _setDisplayedTexture runs inside the pass that uploads it and draws it).
  let watchedShown = false
  const watchTexts = (app: any) => {
    const watched = String(w.__benchWatchText || '')
    if (!watched) return
    let proto = Object.getPrototypeOf(app)
    while (proto && !Object.prototype.hasOwnProperty.call(proto, '_setDisplayedTexture'))
      proto = Object.getPrototypeOf(proto)
    if (!proto) return
    const setDisplayed = proto._setDisplayedTexture
    proto._setDisplayedTexture = function (this: unknown, v: any) {
      const r = setDisplayed.call(this, v)
      if (b.textDrawnAt === null && v && typeof v.text === 'string' && v.text.replace(/\u200B/g, '').includes(watched))
        watchedShown = true
      return r
    }
  }

  const hook = (app: any) => {
    const stage = app.stage
    b.stage = stage
    watchTexts(app)
    const render = stage.renderFrame.bind(stage)
    stage.renderFrame = () => {
      const drew = render()
      const now = performance.now()
      if (watchedShown && b.textDrawnAt === null) b.textDrawnAt = now
      b.frameNo++
      if (b.recording) b.frameTimes.push(now)
      if (drew) {
        b.lastDrawnFrame = b.frameNo
        b.lastDrawnAt = now
        if (b.firstDrawnAt === null) b.firstDrawnAt = now
        if (b.keyAt !== null) {
          b.keyLatencies.push(now - b.keyAt)
          b.keyAt = null
        }
      }
      const hall = w.__tvhall
      if (
        drew &&
        b.homeReadyAt === null &&
        b.accountAnsweredAt !== null &&
        hall &&
        hall.route === 'home' &&
        hall.focusedRef
      )
        b.homeReadyAt = now
      return drew
    }
  }
  let real: unknown
  Object.defineProperty(window, 'tvHallApp', {
    configurable: true,
    get: () => real,
    set(start: (...a: unknown[]) => unknown) {
      real = function (this: unknown, ...args: unknown[]) {
        b.startCalledAt = performance.now()
        const app = start.apply(this, args)
        b.startReturnedAt = performance.now()
        hook(app)
        return app
      }
    },
  })
}
