/**
 * Where the time goes while a list scrolls: the same throttled browser and key rhythm as the bench's
 * scroll measure, with the CDP sampling profiler running. Prints fps and the top functions by self time
 * (and by total time), and writes the .cpuprofile (open it in Chrome DevTools → Performance) to test-output/bench/.
 *
 *   npx rollup -c --silent && npx node test/bench/app/profileScroll.ts [hash=bills] [presses=12]
 *   npx node test/bench/app/profileScroll.ts packages/P_BASIC 28   (a screen with a parameter: its route pattern and the keys into its list below)
 *   npx node test/bench/app/profileScroll.ts messages 12 normal   (another household than big-household, which has no messages)
 *   (a cold start: test/bench/app/profileBoot.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { scrollFrames } from './measure.ts'
import type { KeyInput } from 'puppeteer-core'
import { openThrottled } from './page.ts'
import { hotSpots, type Profile } from './cpuProfile.ts'

const ROOT = new URL('../../../', import.meta.url).pathname
const [hash = 'bills', pressArg = '12', scenario = 'big-household'] = process.argv.slice(2)

/**
 * Screens with a parameter report their route pattern, not the hash (goTo waits for the pattern), and some
 * lists are entered with a key first (a package's channels are to the right of its periods).
 */
const ENTER: Array<[RegExp, { routeName: string; keys: KeyInput[] }]> = [
  [/^packages\/[^/]+$/, { routeName: 'packages/:productId', keys: ['ArrowRight'] }],
]
const enter = ENTER.find(([re]) => re.test(hash))?.[1] ?? {}

const stack = await startTvStack({ bff: { logLevel: 'warn' } })
const browser = await launchBrowser()
try {
  const who = stack.subscribers.find((s) => s.scenario === scenario) ?? stack.subscribers[0]
  const hall = await openThrottled(browser, tvUrl(stack, who, { inspector: '0' }))
  await hall.page.waitForFunction(() => (window as any).__bench.homeReadyAt !== null, { timeout: 120_000 })
  const cdp = await hall.page.createCDPSession()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  // One unprofiled pass first, so the profile shows the steady state rather than first-visit work.
  await scrollFrames(hall.page, hash, Number(pressArg), 120, enter)
  // Which strings get drawn into text textures while scrolling (each one is a canvas draw and a texture upload).
  await hall.page.evaluate(() => {
    const drawn: Record<string, number> = ((window as any).__drawn = {})
    const fillText = CanvasRenderingContext2D.prototype.fillText
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
      drawn[text] = (drawn[text] ?? 0) + 1
      return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max)
    }
    // Lightning uploads a canvas texture by reading it back with getImageData: count those by size.
    const uploads: Record<string, number> = ((window as any).__uploads = {})
    const getImageData = CanvasRenderingContext2D.prototype.getImageData
    CanvasRenderingContext2D.prototype.getImageData = function (
      this: CanvasRenderingContext2D,
      ...args: Parameters<typeof getImageData>
    ) {
      const k = `${args[2]}x${args[3]}`
      uploads[k] = (uploads[k] ?? 0) + 1
      return getImageData.apply(this, args)
    }
  })
  await cdp.send('Profiler.start')
  const r = await scrollFrames(hall.page, hash, Number(pressArg), 120, enter)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  const drawn = (await hall.page.evaluate(() => (window as any).__drawn)) as Record<string, number>
  const uploads = (await hall.page.evaluate(() => (window as any).__uploads)) as Record<string, number>
  console.log(`--- canvas uploads by size: ${JSON.stringify(uploads)}`)
  const texts = Object.entries(drawn).sort((a, b) => b[1] - a[1])
  console.log(`--- text drawn: ${texts.reduce((a, [, n]) => a + n, 0)} fillText calls, ${texts.length} distinct ---`)
  console.log(
    texts
      .slice(0, 30)
      .map(([t, n]) => `${String(n).padStart(5)}  ${JSON.stringify(t)}`)
      .join('\n'),
  )
  console.log(`${hash}: ${r.fps.toFixed(1)} fps, ${r.dropped} dropped, ${r.seconds.toFixed(1)} s`)
  const hs = hotSpots(profile)
  console.log('--- self time ---\n' + hs.self.join('\n'))
  console.log('--- total time ---\n' + hs.total.join('\n'))
  mkdirSync(`${ROOT}test-output/bench`, { recursive: true })
  writeFileSync(`${ROOT}test-output/bench/scroll-${hash.replace(/\//g, '_')}.cpuprofile`, JSON.stringify(profile))
  await hall.close()
} finally {
  await browser.close()
  await stack.close()
}
