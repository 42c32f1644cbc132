import { describe, expect, it } from 'vitest'
import { bootTv } from './boot.ts'
import { Crawler, screenOf, type Snapshot } from './crawl.ts'
import { focusOn, openFirstTicket, openPackage, pressUntil } from './remote.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

// The remote crawler against the real stack: a household with bills, packages, messages and tickets, driven
// with arrows, OK and Back only (digits and colour keys tried once per screen for the hint rule). Every
// screen reachable that way is checked; new screens are found unedited. Issue 17's rules: the first focus of
// a screen is never risky, the hint bar names exactly the keys that act (back-after-transaction: finished.test).
const LIMITS = {
  maxKeys: Number(process.env.CRAWL_MAX_KEYS || 450),
  maxMs: Number(process.env.CRAWL_MAX_MS || 110_000),
  perRoute: Number(process.env.CRAWL_PER_ROUTE || 4),
}
/** Time for the Back-to-home and Home checks after exploring (one pass per screen found). */
const WAY_HOME_MS = Number(process.env.CRAWL_WAY_HOME_MS || 45_000)
/** Time for the hint rule's digit and colour keys (one pass per screen found). */
const HINTS_MS = Number(process.env.CRAWL_HINTS_MS || 40_000)

describe('remote crawler', () => {
  const boot = bootTv()

  it('reaches every screen with arrows, OK and Back, with focus, Back, Home, safe area and texts in order', async () => {
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, boot.stack.bySubscriber('normal')))
    await tv.waitForRoute('home')
    // Issue 16's text rules hold in Chinese too (the ownWords only matter on an English screen).
    const crawler = new Crawler(tv, { ...LIMITS, textFit: { ownWords: [] } })
    let start = await crawler.settle()
    // A notice on start is a state like any other; the crawl itself starts from the bare menu.
    while (start.dialog) {
      crawler.check(start)
      start = await crawler.press('back')
    }
    await crawler.crawl(start)
    const exploreKeys = crawler.keys
    const wayHomeUntil = Date.now() + WAY_HOME_MS
    let checkedWayHome = 0
    for (const [route, path] of crawler.routes) {
      if (route === 'home' || Date.now() > wayHomeUntil) continue
      await crawler.checkWayHome(route, path)
      checkedWayHome++
    }
    await crawler.checkHints(Date.now() + HINTS_MS)
    crawler.check(await crawler.settle())

    const screens = [...crawler.routes.keys()]
    console.log(
      `crawler: ${screens.length} screens, ${crawler.states.size} states, ${crawler.keys} key presses (${exploreKeys} exploring; way home checked from ${checkedWayHome} screens; hints held against the keys on ${crawler.hintsChecked})`,
    )
    console.log(`crawler screens: ${screens.join(', ')}`)
    for (const f of crawler.findings) console.log(`crawler finding: ${f.kind} on ${f.route}: ${f.detail}`)
    await tv.screenshot('crawler-last')

    // The crawl must have gone somewhere: home and at least every tile of the menu.
    expect(screens.length).toBeGreaterThanOrEqual(8)
    // The hint rule ran, not just got skipped by its budget (on a 2-core box at load 20 it holds 4 screens in 40 s).
    expect(crawler.hintsChecked).toBeGreaterThanOrEqual(Math.min(3, screens.length))
    expect(crawler.findings).toEqual([])
    await tv.page.close()
  }, 300_000)

  it("in English on a 1080p stage, every menu screen keeps the same rules, no Chinese outside the household's name included", async () => {
    const who = boot.stack.bySubscriber('arrears')
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, who, { lang: 'en', res: '1080' }))
    await tv.waitForRoute('home')
    const crawler = new Crawler(tv, { ...LIMITS, textFit: { ownWords: [who.name] } })
    let s = await crawler.settle()
    while (s.dialog) s = await crawler.press('back')
    const tiles = await tv.page.evaluate(
      () => (window as unknown as { __tvhall: { screens: string[] } }).__tvhall.screens.length,
    )
    const visited: string[] = []
    // Digits open the numbered home tiles; each screen is checked as the crawler checks it, then Home.
    for (let d = 1; d <= 9; d++) {
      await tv.press(String(d) as never)
      s = await crawler.settle()
      if (s.route === 'home') continue
      visited.push(s.route)
      crawler.check(s)
      s = await crawler.press('home')
      while (s.dialog) s = await crawler.press('back')
    }
    for (const f of crawler.findings) console.log(`crawler 1080p/en finding: ${f.kind} on ${f.route}: ${f.detail}`)
    expect(visited.length).toBeGreaterThanOrEqual(Math.min(8, tiles - 1))
    expect(crawler.findings).toEqual([])
    await tv.page.close()
  }, 120_000)

  it('in English at large text, no label is cut, clipped, overlapped or left in Chinese, the order flow and an open ticket included', async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = new Tv(await boot.browser.newPage())
    await tv.page.evaluateOnNewDocument(() =>
      localStorage.setItem(
        'tvhall.viewerPrefs',
        JSON.stringify({ largeText: true, highContrast: false, speech: false }),
      ),
    )
    await tv.page.goto(tvUrl(boot.stack, who, { lang: 'en' }), { waitUntil: 'load' })
    await tv.waitForRoute('home')
    // The household's own name is the only Chinese an English screen may show.
    const crawler = new Crawler(tv, { ...LIMITS, textFit: { ownWords: [who.name] } })
    let s: Snapshot = await crawler.settle()
    while (s.dialog) {
      crawler.check(s)
      s = await crawler.press('back')
    }
    crawler.check(s)
    const visited = new Set<string>()
    // Every numbered home tile, and what OK on its first focus opens (never a risky item: issue 17), then Home.
    for (let d = 1; d <= 9; d++) {
      await tv.press(String(d) as never)
      s = await crawler.settle()
      if (s.route === 'home') continue
      visited.add(s.route)
      crawler.check(s)
      const deeper = await crawler.press('ok')
      if (screenOf(deeper) !== screenOf(s)) {
        visited.add(screenOf(deeper))
        crawler.check(deeper)
      }
      s = await crawler.press('home')
      while (s.dialog) s = await crawler.press('back')
    }
    // The order's steps, typed into as a viewer does: the package, the confirmation, the PIN, the result.
    await crawler.goTo([])
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await focusOn(tv, 'Product_P_HD')
    await openPackage(tv, 'sports', 'P_SPORTS')
    crawler.check(await crawler.settle())
    await tv.press('ok')
    await tv.waitForRoute('order/:productId/:periodMonths')
    await tv.waitForText('OrderAmount', (t) => t !== '--')
    crawler.check(await crawler.settle())
    await pressUntil(tv, 'right', 'ConfirmButton', 1)
    await tv.press('ok')
    await tv.waitForText('PinTitle', (t) => t.length > 0)
    crawler.check(await crawler.settle())
    for (const d of who.pin.split('')) await tv.press(d as never)
    await tv.waitForText('OrderResultTitle', (t) => t.length > 0, 30_000)
    crawler.check(await crawler.settle())
    await tv.screenshot('crawler-en-large-order-result')
    // An open ticket's page, where Back and Cancel ticket share the side column.
    await crawler.goTo([])
    await openFirstTicket(tv)
    await tv.page.waitForSelector('[ref="CancelTicketButton"]')
    const ticket = await crawler.settle()
    visited.add(screenOf(ticket))
    crawler.check(ticket)

    const screens = [...visited]
    console.log(`crawler en/large: ${screens.length} screens: ${screens.join(', ')}`)
    for (const f of crawler.findings) console.log(`crawler en/large finding: ${f.kind} on ${f.route}: ${f.detail}`)
    expect(screens.length).toBeGreaterThanOrEqual(8)
    expect(crawler.findings).toEqual([])
    await tv.page.close()
  }, 150_000)
})
