import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from '../../freePort.ts'
import { COG_PATH, WPE_WEBDRIVER_PATH } from '../../systemDeps.ts'

/**
 * WPE WebKit driven over W3C WebDriver: Debian's WPEWebDriver starting cog (the WPE launcher RDK-style
 * boxes use) headless with automation on. Plain fetch to the handful of W3C endpoints the tests need:
 * the npm clients (webdriver/webdriverio) pull in driver downloaders for other browsers (geckodriver,
 * edgedriver, @puppeteer/browsers) that must not run here, for six HTTP calls.
 */

/** W3C WebDriver key codes (spec table "normalised key values") for the remote's keys. */
export const WD_KEY = {
  up: '\uE013',
  down: '\uE015',
  left: '\uE012',
  right: '\uE014',
  ok: '\uE007',
  back: '\uE00C',
  home: '\uE011',
} as const

export interface WpeOptions {
  /** Extra cog arguments (WebKitSettings as `--name=value`). */
  cogArgs?: string[]
}

/** One WPEWebDriver process with one cog session: a freshly booted box (its own web context). */
export class WpeSession {
  private readonly driver: ChildProcess
  private readonly base: string
  readonly id: string
  /** WebKit version the driver reports (e.g. "2.38"). */
  readonly version: string
  private readonly log: () => string

  private constructor(driver: ChildProcess, base: string, id: string, version: string, log: () => string) {
    this.driver = driver
    this.base = base
    this.id = id
    this.version = version
    this.log = log
  }

  static async start(opts: WpeOptions = {}): Promise<WpeSession> {
    const port = await freePort()
    const driver = spawn(WPE_WEBDRIVER_PATH, [`--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const keep = (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000)
    }
    driver.stdout.on('data', keep)
    driver.stderr.on('data', keep)
    const base = `http://127.0.0.1:${port}`
    const until = Date.now() + 10_000
    for (;;) {
      const ready = await fetch(`${base}/status`).then(
        (r) => r.ok,
        () => false,
      )
      if (ready) break
      if (driver.exitCode !== null || Date.now() > until) {
        driver.kill('SIGKILL')
        throw new Error(`WPEWebDriver did not start (exit ${driver.exitCode}): ${out}`)
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    const capabilities = {
      alwaysMatch: {
        'wpe:browserOptions': { binary: COG_PATH, args: ['--automation', '-P', 'headless', ...(opts.cogArgs ?? [])] },
        timeouts: { script: 20_000, pageLoad: 120_000 },
        // Navigation returns at DOMContentLoaded: the bundle the page then loads is waited for by the tests
        // (route, texts), not by the page's load event, which a 1 MB ES5 bundle on a busy machine delays.
        pageLoadStrategy: 'eager',
      },
    }
    try {
      const value = await call<{ sessionId: string; capabilities: { browserVersion: string } }>(
        base,
        'POST',
        '/session',
        { capabilities },
      )
      return new WpeSession(driver, base, value.sessionId, value.capabilities.browserVersion, () => out)
    } catch (e) {
      driver.kill('SIGKILL')
      throw new Error(`${(e as Error).message}\n${out}`, { cause: e })
    }
  }

  private cmd<T>(method: string, path: string, body?: unknown): Promise<T> {
    return call<T>(this.base, method, `/session/${this.id}${path}`, body)
  }

  /** Navigates and waits for DOMContentLoaded (pageLoadStrategy "eager"). */
  navigate(url: string): Promise<void> {
    return this.cmd('POST', '/url', { url })
  }

  /**
   * Runs `fn` in the page with JSON arguments and returns its JSON result; a returned promise is awaited
   * (execute/async: the callback WebDriver appends). Page exceptions come back as errors.
   */
  run<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    const script = `var args = Array.prototype.slice.call(arguments, 0, -1), done = arguments[arguments.length - 1];
      Promise.resolve().then(function () { return (${fn.toString()}).apply(null, args); })
        .then(function (v) { done({ ok: v === undefined ? null : v }); }, function (e) { done({ error: String(e && e.stack || e) }); });`
    return this.cmd<{ ok?: T; error?: string }>('POST', '/execute/async', { script, args }).then((r) => {
      if (r.error !== undefined) throw new Error(`in WPE: ${r.error}`)
      return r.ok as T
    })
  }

  /** One key pressed and released, as the box's remote sends it (W3C key actions). */
  async key(value: string): Promise<void> {
    await this.cmd('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'remote',
          actions: [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ],
        },
      ],
    })
  }

  /** What the driver and cog wrote (for a failure message). */
  output(): string {
    return this.log()
  }

  async close(): Promise<void> {
    await this.cmd('DELETE', '').catch(() => undefined)
    this.driver.kill('SIGTERM')
    await new Promise((r) => {
      if (this.driver.exitCode !== null) return r(null)
      const t = setTimeout(() => {
        this.driver.kill('SIGKILL')
        r(null)
      }, 3000)
      this.driver.once('exit', () => {
        clearTimeout(t)
        r(null)
      })
    })
  }
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as { value?: unknown }
  const value = json.value as { error?: string; message?: string } | null
  if (!res.ok || (value && typeof value === 'object' && 'error' in value && value.error)) {
    throw new Error(`WebDriver ${method} ${path}: ${res.status} ${value?.error ?? ''} ${value?.message ?? ''}`.trim())
  }
  return json.value as T
}
