import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'puppeteer-core'
import type { Stack, StackOptions } from '../integration/harness.ts'
import { seededBossStub, type SeededStub } from '../seededBoss.ts'
import { requireDist, startPreview, startTvStack, type Preview } from './stack.ts'
import { launchBrowser } from './tv.ts'

/** One file's stack and browser, started once before its first test and closed after its last. */
export interface TvBoot {
  readonly stack: Stack
  readonly browser: Browser
}

/** One file's seeded boss-stub and browser, for a file that runs its own BFF processes (the crash tests). */
export interface StubBoot {
  readonly stub: SeededStub
  readonly browser: Browser
}

/** One file's `npm run preview` (the built app on the mocks alone) and browser. */
export interface PreviewBoot {
  readonly preview: Preview
  readonly browser: Browser
}

/**
 * Starts `servers` and one headless Chromium side by side (the stub's seed and the browser's start overlap) in
 * the file's `beforeAll` and closes both in its `afterAll`; the getters say so if a test runs without them.
 */
function bootBeside<T>(servers: () => Promise<T>, close: (t: T) => Promise<void>, helper: string) {
  let up: T | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([servers(), launchBrowser()])
    if (s.status === 'fulfilled') up = s.value
    if (b.status === 'fulfilled') browser = b.value
    if (s.status === 'rejected') throw s.reason
    if (b.status === 'rejected') throw b.reason
  })
  afterAll(async () => {
    await browser?.close()
    if (up) await close(up)
  })
  return {
    get servers(): T {
      if (!up) throw new Error(`the e2e servers are not up: ${helper}() starts them in beforeAll`)
      return up
    },
    get browser(): Browser {
      if (!browser) throw new Error(`the e2e browser is not up: ${helper}() starts it in beforeAll`)
      return browser
    },
  }
}

/**
 * The e2e boot every file shares: boss-stub + BFF serving `dist/` (static files included) and one headless
 * Chromium. Call it at the top of a `describe`: `const boot = bootTv()`, then `boot.stack` and `boot.browser`
 * inside the tests.
 */
export function bootTv(opts: StackOptions = {}): TvBoot {
  const boot = bootBeside(
    () => startTvStack(opts),
    (stack) => stack.close(),
    'bootTv',
  )
  return {
    get stack() {
      return boot.servers
    },
    get browser() {
      return boot.browser
    },
  }
}

/**
 * The same boot for a file whose BFF is a process of its own (killed and started again on the same store): a
 * seeded boss-stub in a fresh folder (`boot.stub.dir` holds the BFFs' data too) and one Chromium; `dist/` must be
 * built, as the BFFs serve it.
 */
export function bootStubAndTv(name: string): StubBoot {
  const boot = bootBeside(
    () => {
      requireDist()
      return seededBossStub(name)
    },
    (stub) => stub.close(),
    'bootStubAndTv',
  )
  return {
    get stub() {
      return boot.servers
    },
    get browser() {
      return boot.browser
    },
  }
}

/** The same boot for the msw scenarios: `npm run preview` as a child process and one Chromium. */
export function bootPreview(): PreviewBoot {
  const boot = bootBeside(startPreview, async (preview) => preview.close(), 'bootPreview')
  return {
    get preview() {
      return boot.servers
    },
    get browser() {
      return boot.browser
    },
  }
}
