import { writeFileSync } from 'node:fs'
import { OUTPUT_DIR, type RemoteKey } from '../tv.ts'
import { WD_KEY, WpeSession, type WpeOptions } from './webdriver.ts'

type Hooks = {
  route?: string
  focusedRef?: string
  loading?: number
  errors?: string[]
  redraw?: () => void
  scan?: () => unknown
}
declare const window: Window & { __tvhall?: Hooks }

/**
 * The TV on WPE WebKit, as test/e2e/tv.ts's Tv is on Chromium: a remote (W3C key actions) and the screen
 * read from the app's test hooks (`window.__tvhall`) and the inspector's DOM mirror. No devtools protocol
 * reaches WPE, so JS errors are the ones the boot script (static/boot.js) collects from its first line
 * (`__tvhall.errors`: uncaught errors, unhandled rejections, console.error).
 */
export class WpeTv {
  readonly wpe: WpeSession

  private constructor(wpe: WpeSession) {
    this.wpe = wpe
  }

  /** A fresh WPE (its own driver and cog) on `url`, loaded. */
  static async open(url: string, opts: WpeOptions = {}): Promise<WpeTv> {
    const tv = new WpeTv(await WpeSession.start(opts))
    try {
      await tv.wpe.navigate(url)
    } catch (e) {
      await tv.close()
      throw e
    }
    return tv
  }

  /**
   * A fresh WPE on `url`, waited until the app reports `route`. On this shared 2-core machine a cog has now and
   * then stopped answering WebDriver for over a minute while booting (only ever during the boot; cause not found):
   * such a boot is logged and tried once more in a fresh cog, so one stuck start does not fail the check.
   */
  static async boot(url: string, route = 'home', timeout = 45_000): Promise<WpeTv> {
    for (let attempt = 1; ; attempt++) {
      const tv = await WpeTv.open(url)
      try {
        await tv.waitForRoute(route, timeout)
        return tv
      } catch (e) {
        await tv.close()
        if (attempt === 2) throw e
        console.warn(`WPE boot stuck, trying a fresh cog: ${(e as Error).message.slice(0, 300)}`)
      }
    }
  }

  get version(): string {
    return this.wpe.version
  }

  navigate(url: string): Promise<void> {
    return this.wpe.navigate(url)
  }

  /** Remote keys, one frame apart (as a viewer's presses are spaced). */
  async press(...keys: RemoteKey[]): Promise<void> {
    for (const k of keys) {
      await this.wpe.key(k in WD_KEY ? WD_KEY[k as keyof typeof WD_KEY] : k)
      await this.wpe.run(() => new Promise((r) => requestAnimationFrame(() => r(null))))
    }
  }

  /** Polls `read` in the page until `ok` holds for its value; returns that value. */
  async waitFor<T>(what: string, read: () => T, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
    const until = Date.now() + timeout
    for (;;) {
      // A look that times out (the page busy parsing a 1 MB bundle on a loaded machine) is a look that failed.
      const v = await this.wpe.run(read).catch((e: Error) => {
        if (Date.now() > until) throw e
        return undefined as T
      })
      if (v !== undefined && ok(v)) return v
      if (Date.now() > until)
        throw new Error(
          `WPE: ${what} not reached in ${timeout} ms; last: ${JSON.stringify(v)}; errors: ${JSON.stringify(await this.errors())}`,
        )
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  route(): Promise<string | undefined> {
    return this.wpe.run(() => window.__tvhall?.route)
  }

  async waitForRoute(route: string, timeout = 20_000): Promise<void> {
    await this.waitFor(
      `route ${route}`,
      () => window.__tvhall?.route,
      (r) => r === route,
      timeout,
    )
  }

  /** The screen filled in: the route reached and no loading indicator running. */
  async waitForSettledRoute(route: string, timeout = 20_000): Promise<void> {
    await this.waitFor(
      `route ${route} loaded`,
      () => [window.__tvhall?.route, window.__tvhall?.loading || 0] as const,
      ([r, l]) => r === route && l === 0,
      timeout,
    )
  }

  /** Text shown by the element with this ref path (`A.B`: ref B inside ref A), '' when not on screen. */
  async text(ref: string): Promise<string> {
    const path = ref
      .split('.')
      .map((r) => `[ref="${r}"]`)
      .join(' ')
    const raw = await this.wpe.run((p: string) => {
      const el = document.querySelector(`${p}[texture-text], ${p} [texture-text]`)
      return el ? el.getAttribute('texture-text') : null
    }, path)
    // Zero-width spaces let Lightning wrap Chinese; a viewer never sees them.
    return (raw ?? '').replace(/\u200B/g, '')
  }

  async waitForText(ref: string, predicate: (t: string) => boolean, timeout = 20_000): Promise<string> {
    const until = Date.now() + timeout
    for (;;) {
      const t = await this.text(ref).catch((e: Error) => {
        if (Date.now() > until) throw e
        return ''
      })
      if (predicate(t)) return t
      if (Date.now() > until) throw new Error(`WPE: text of ${ref} never matched; last: "${t}"`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  /** The ref of the focus path's leaf, as the inspector marks it. */
  focusedRef(): Promise<string | null> {
    return this.wpe.run(() => {
      const all = document.querySelectorAll('[focused="true"]')
      const el = all[all.length - 1]
      return el ? el.getAttribute('ref') : null
    })
  }

  /** JS errors since the page loaded (the collector of static/boot.js). */
  async errors(): Promise<string[]> {
    return (
      (await this.wpe.run(
        () => (window.__tvhall && window.__tvhall.errors) || ['no error collector: static/boot.js did not run'],
      )) ?? []
    )
  }

  /** Presses `key` until the focus lands on `ref` (at most `max` presses); returns where it ended. */
  async pressUntil(key: RemoteKey, ref: string, max = 12): Promise<string | null> {
    let at = await this.focusedRef()
    for (let i = 0; i < max && at !== ref; i++) {
      await this.press(key)
      at = await this.focusedRef()
    }
    return at
  }

  /**
   * The picture on the TV as a PNG, read from the stage canvas right after a frame the app is asked to draw
   * (WebGL keeps no picture between frames; WebDriver screenshots of headless cog are not relied on).
   */
  async screenshot(name: string): Promise<string> {
    const dataUrl = await this.wpe.run(
      () =>
        new Promise<string>((resolve) => {
          const canvas = document.querySelector('canvas')
          if (!canvas) return resolve('')
          if (window.__tvhall?.redraw) window.__tvhall.redraw()
          requestAnimationFrame(() => resolve(canvas.toDataURL('image/png')))
        }),
    )
    if (!dataUrl.startsWith('data:image/png;base64,')) throw new Error('WPE: no stage canvas to capture')
    const path = `${OUTPUT_DIR}wpe-${name}.png`
    writeFileSync(path, Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'))
    return path
  }

  close(): Promise<void> {
    return this.wpe.close()
  }
}
