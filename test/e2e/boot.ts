import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'puppeteer-core'
import type { Stack, StackOptions } from '../integration/harness.ts'
import { startTvStack } from './stack.ts'
import { launchBrowser } from './tv.ts'

/** One file's stack and browser, started once before its first test and closed after its last. */
export interface TvBoot {
  readonly stack: Stack
  readonly browser: Browser
}

/**
 * The e2e boot every file shares: boss-stub + BFF serving `dist/` (static files included) and one headless
 * Chromium, started side by side (the stub's seed and the browser's start overlap) in the file's `beforeAll`
 * and closed in its `afterAll`. Call it at the top of a `describe`: `const boot = bootTv()`, then
 * `boot.stack` and `boot.browser` inside the tests.
 */
export function bootTv(opts: StackOptions = {}): TvBoot {
  let stack: Stack | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([startTvStack(opts), launchBrowser()])
    if (s.status === 'fulfilled') stack = s.value
    if (b.status === 'fulfilled') browser = b.value
    if (s.status === 'rejected') throw s.reason
    if (b.status === 'rejected') throw b.reason
  })
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })
  return {
    get stack(): Stack {
      if (!stack) throw new Error('the e2e stack is not up: bootTv() starts it in beforeAll')
      return stack
    },
    get browser(): Browser {
      if (!browser) throw new Error('the e2e browser is not up: bootTv() starts it in beforeAll')
      return browser
    },
  }
}
