import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Stack } from '../../integration/harness.ts'
import { inside, RAW_KEY, type Snapshot } from '../crawl.ts'
import { startTvStack, tvUrl } from '../stack.ts'
import { WpeTv } from './wpeTv.ts'

type Hooks = { route?: string; loading?: number; screens?: string[]; scan?: () => Snapshot['scan'] }
declare const window: Window & { __tvhall?: Hooks }

/** The screen once its focus stopped moving: two looks 150 ms apart agree (animations done), at most 8 s. */
async function settled(tv: WpeTv): Promise<Snapshot['scan']> {
  const look = () => tv.wpe.run(() => window.__tvhall!.scan!())
  let last = await look()
  const until = Date.now() + 8_000
  for (;;) {
    await new Promise((r) => setTimeout(r, 150))
    const now = await look()
    const [f, g] = [now.focused, last.focused]
    if (
      // A focus at 0,0 sits in content the page frame has not laid out yet (its fade-in): look again.
      (f &&
        g &&
        f.path === g.path &&
        (f.x1 > 1 || f.y1 > 1) &&
        Math.abs(f.x1 - g.x1) < 0.5 &&
        Math.abs(f.y1 - g.y1) < 0.5 &&
        Math.abs(f.x2 - g.x2) < 0.5) ||
      Date.now() > until
    )
      return now
    last = now
  }
}

// Every main screen the app lists (`__tvhall.screens`, where the remote crawler and the emulator's walk start)
// opened on WPE WebKit, both bundles: each fills in without a JS error, holds a focus inside the title-safe
// area, shows no raw translation key, and the remote still moves and takes the viewer home.
describe('every screen on WPE WebKit', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startTvStack()
  })
  afterAll(async () => {
    await stack?.close()
  })

  for (const bundle of ['modern', 'legacy'] as const) {
    it(`opens every main screen in the ${bundle} bundle without a JS error`, async () => {
      const tv = await WpeTv.boot(
        tvUrl(stack, stack.bySubscriber('normal'), bundle === 'legacy' ? { legacy: '1' } : {}),
      )
      const findings: string[] = []
      try {
        const screens = await tv.wpe.run(() => window.__tvhall?.screens ?? [])
        expect(screens.length).toBeGreaterThanOrEqual(10)
        for (const screen of screens.filter((s) => s !== 'home')) {
          await tv.wpe.run((h: string) => {
            window.location.hash = h
          }, screen)
          await tv.waitForSettledRoute(screen)
          const scan = await settled(tv)
          const f = scan.focused
          if (!f) findings.push(`${screen}: nothing focused`)
          else if (!inside(f))
            findings.push(
              `${screen}: focus ${f.path} outside the safe area (${[f.x1, f.y1, f.x2, f.y2].map(Math.round).join(',')})`,
            )
          for (const t of scan.texts)
            if (RAW_KEY.test(t.text.trim()) || /undefined|NaN|\[object /.test(t.text))
              findings.push(`${screen}: raw text "${t.text.slice(0, 40)}"`)
          await tv.press('down', 'up')
          await tv.press('home')
          await tv.waitForRoute('home', 15_000).catch(() => findings.push(`${screen}: Home key stayed on ${screen}`))
          for (const e of await tv.wpe.run(() => (window.__tvhall as { errors?: string[] }).errors!.splice(0)))
            findings.push(`${screen}: JS error ${e}`)
        }
        await tv.screenshot(`walk-last-${bundle}`)
        for (const f of findings) console.log(`WPE ${bundle} screen finding: ${f}`)
        expect(findings).toEqual([])
      } finally {
        await tv.close()
      }
    })
  }
})
