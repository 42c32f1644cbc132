/**
 * `npm run shots`: every screen of the hall in zh/en × normal/large text/high contrast, rendered by
 * headless Chromium against the real stack (boss-stub + BFF + built app), into test-output/shots/ with
 * an index.html contact sheet for operators and designers to review.
 *
 *   SHOTS_RES=720 (default 1080)   SHOTS_ONLY=bills,packages   SHOTS_MODES=normal   SHOTS_LANGS=en
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { startTvStack, tvUrl } from '../e2e/stack.ts'
import type { Stack } from '../integration/harness.ts'
import { launchBrowser, Tv, type RemoteKey } from '../e2e/tv.ts'

const OUT = new URL('../../test-output/shots/', import.meta.url).pathname

interface Screen {
  name: string
  /** Deep link (or one per shot, by the shot's number in the row), then keys pressed there (one at a time, each waited for). */
  hash: string | ((cell: number) => string)
  /** The route the deep link opens, when it is not the link itself (`packages/:productId`). */
  opens?: string
  /** Or keys worked out against the stack at the time (a prepaid card not yet used). */
  keys?: RemoteKey[] | ((stack: Stack) => Promise<RemoteKey[]>)
  route: string
  who?: string
}

/** No signal, the four self-help checks answered "not fixed", then Report. */
const STEPS_TO_REPORT: RemoteKey[] = ['ok', 'right', 'ok', 'right', 'ok', 'right', 'ok', 'right', 'ok', 'ok']

/** An unused city-wide prepaid card typed on the digit keys, then down to Confirm and OK. */
async function cardTopup(stack: Stack): Promise<RemoteKey[]> {
  const res = await fetch(`${stack.bossUrl}/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=50`)
  const cards = (await res.json()) as { cardNo: string; password: string }[]
  const card = cards.filter((c) => !c.cardNo.startsWith('910000000000000'))[0]
  const digits = (card.cardNo + card.password).split('') as RemoteKey[]
  return [...digits, 'down', 'down', 'down', 'down', 'down', 'ok']
}

/**
 * The demo household holds HD Pack, the catalogue's first package: the order shots open packages it can
 * order, and each result shot orders another one (a package ordered once is held from then on).
 */
const CAN_ORDER = 'packages/P_SPORTS'
const ORDER_ONE = ['P_SPORTS', 'P_MOVIE', 'P_DOC', 'P_OPERA', 'P_EDU', 'P_VOD']
const PACKAGE = 'packages/:productId'

const SCREENS: Screen[] = [
  { name: 'home', hash: 'home', route: 'home' },
  { name: 'balance', hash: 'balance', route: 'balance' },
  { name: 'bills', hash: 'bills', route: 'bills' },
  { name: 'bill-detail', hash: 'bills', keys: ['ok'], route: 'bills/:billId' },
  { name: 'payments', hash: 'payments', route: 'payments' },
  { name: 'packages', hash: 'packages', route: 'packages' },
  { name: 'package', hash: 'packages', keys: ['ok'], route: 'packages/:productId' },
  { name: 'order', hash: CAN_ORDER, opens: PACKAGE, keys: ['ok'], route: 'order/:productId/:periodMonths' },
  // The flows' later steps and results (issue 17): the PIN step, then the demo household's PIN.
  {
    name: 'order-pin',
    hash: CAN_ORDER,
    opens: PACKAGE,
    keys: ['ok', 'right', 'ok'],
    route: 'order/:productId/:periodMonths',
  },
  {
    name: 'order-result',
    hash: (cell) => 'packages/' + ORDER_ONE[cell % ORDER_ONE.length],
    opens: PACKAGE,
    keys: ['ok', 'right', 'ok', '1', '2', '3', '4', '5', '6'],
    route: 'order/:productId/:periodMonths',
  },
  { name: 'subscriptions', hash: 'subscriptions', route: 'subscriptions' },
  { name: 'spending-limit', hash: 'spending-limit', route: 'spending-limit' },
  { name: 'topup', hash: 'topup', route: 'topup' },
  { name: 'topup-card', hash: 'topup/card', route: 'topup/card' },
  { name: 'topup-qr', hash: 'topup/qr', route: 'topup/qr', who: 'arrears' },
  { name: 'topup-result', hash: 'topup/card', keys: cardTopup, route: 'topup/result/:topupId', who: 'arrears' },
  { name: 'repair', hash: 'repair', route: 'repair' },
  { name: 'repair-steps', hash: 'repair', keys: ['ok'], route: 'repair/symptom/:symptomId' },
  { name: 'repair-report', hash: 'repair', keys: [...STEPS_TO_REPORT], route: 'repair/report/:category' },
  {
    name: 'repair-ticket-created',
    hash: 'repair',
    keys: [...STEPS_TO_REPORT, 'down', 'down', 'down', 'down', 'ok', 'ok'],
    route: 'repair/report/:category',
  },
  { name: 'repair-code', hash: 'repair/code', route: 'repair/code' },
  { name: 'repair-code-unknown', hash: 'repair/code', keys: ['9', '9', '7'], route: 'repair/code' },
  { name: 'repair-complaint', hash: 'repair/complaint', route: 'repair/complaint' },
  { name: 'repair-complaint-review', hash: 'repair/complaint', keys: ['ok', 'ok'], route: 'repair/complaint' },
  { name: 'repair-complaint-filed', hash: 'repair/complaint', keys: ['ok', 'ok', 'ok'], route: 'repair/complaint' },
  { name: 'repair-tickets', hash: 'repair/tickets', route: 'repair/tickets' },
  { name: 'ticket', hash: 'repair/tickets', keys: ['ok'], route: 'repair/tickets/:ticketId' },
  { name: 'messages', hash: 'messages', route: 'messages' },
  { name: 'message', hash: 'messages', keys: ['ok'], route: 'messages/:messageId' },
  { name: 'help', hash: 'help', route: 'help' },
  { name: 'settings', hash: 'settings', route: 'settings' },
]

const MODES: Record<string, { largeText: boolean; highContrast: boolean }> = {
  normal: { largeText: false, highContrast: false },
  large: { largeText: true, highContrast: false },
  contrast: { largeText: false, highContrast: true },
}

const list = (env: string | undefined, all: string[]) => (env ? env.split(',').filter((x) => all.indexOf(x) >= 0) : all)

async function settle(tv: Tv): Promise<void> {
  await tv.page
    .waitForFunction(() => !(window as unknown as { __tvhall?: { loading?: number } }).__tvhall?.loading, {
      timeout: 10_000,
    })
    .catch(() => undefined)
  await new Promise((r) => setTimeout(r, 700))
}

async function main(): Promise<void> {
  const res = process.env.SHOTS_RES === '720' ? '720' : '1080'
  const screens = SCREENS.filter(
    (s) =>
      list(
        process.env.SHOTS_ONLY,
        SCREENS.map((x) => x.name),
      ).indexOf(s.name) >= 0,
  )
  const modes = list(process.env.SHOTS_MODES, Object.keys(MODES))
  const langs = list(process.env.SHOTS_LANGS, ['zh-CN', 'en'])
  mkdirSync(OUT, { recursive: true })
  const stack = await startTvStack()
  const browser = await launchBrowser()
  const rows: string[] = []
  try {
    for (const screen of screens) {
      const cells: string[] = []
      for (const lang of langs) {
        for (const mode of modes) {
          const page = await browser.newPage()
          const size = res === '1080' ? { width: 1920, height: 1080 } : { width: 1280, height: 720 }
          await page.setViewport(size)
          await page.evaluateOnNewDocument(
            (prefs: string) => localStorage.setItem('tvhall.viewerPrefs', prefs),
            JSON.stringify({ ...MODES[mode], speech: false }),
          )
          const tv = new Tv(page)
          const who = stack.bySubscriber(screen.who || 'normal')
          const extra: Record<string, string> = { lang, ...(res === '1080' ? { res: '1080' } : {}) }
          const hash = typeof screen.hash === 'function' ? screen.hash(cells.length) : screen.hash
          await page.goto(tvUrl(stack, who, extra) + '#' + hash, { waitUntil: 'load' })
          await tv.waitForRoute(screen.opens || hash, 20_000).catch(() => undefined)
          await settle(tv)
          // A notice on start (arrears) is closed as a viewer would.
          if (await page.$('[ref="BootNoticeClose"]')) {
            await tv.press('back')
            await settle(tv)
          }
          const keys = typeof screen.keys === 'function' ? await screen.keys(stack) : screen.keys || []
          for (const k of keys) {
            await tv.press(k)
            await settle(tv)
          }
          const file = `${screen.name}.${lang}.${mode}.${res}.png`
          await page.screenshot({ path: OUT + file })
          const route = await tv.route()
          const note = route === screen.route ? '' : ` (on ${route})`
          cells.push(
            `<figure><a href="${file}"><img src="${file}" loading="lazy"></a><figcaption>${lang} · ${mode}${note}</figcaption></figure>`,
          )
          if (tv.errors.length) console.log(`${file}: ${tv.errors.join(' | ').slice(0, 300)}`)
          await page.close()
        }
      }
      rows.push(`<h2>${screen.name}</h2><div class="row">${cells.join('')}</div>`)
      console.log(`shots: ${screen.name}`)
    }
  } finally {
    await browser.close()
    await stack.close()
  }
  const css =
    'body{background:#222;color:#eee;font-family:sans-serif}.row{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0;width:320px}img{width:320px}'
  writeFileSync(
    OUT + 'index.html',
    `<!doctype html><meta charset="utf-8"><title>TV hall screens</title><style>${css}</style><h1>Every screen, ${res}p</h1>${rows.join('\n')}\n`,
  )
  console.log(`shots: ${OUT}index.html`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
