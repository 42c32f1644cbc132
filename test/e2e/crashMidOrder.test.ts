import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { formatFen } from '../../src/app/lib/format.ts'
import type { Subscriber } from '../integration/harness.ts'
import { freePort } from '../freePort.ts'
import { spawnBff, type SpawnedBff } from '../spawnedBff.ts'
import { bootStubAndTv } from './boot.ts'
import { focusOn, openPackage, pressUntil } from './remote.ts'
import { DIST, tvUrl } from './stack.ts'
import { Tv, type RemoteKey } from './tv.ts'

/**
 * Attack 3 of issue 15, end to end (one stub and one Chromium for every case): the viewer orders or tops up on the
 * TV, the BFF process is SIGKILLed while the call is at the BOSS (which commits it and goes quiet), the BFF comes
 * back on the same store and address, and the viewer, told to try again, leaves and enters the same order, card or
 * QR amount on the remote. The box kept the call's Idempotency-Key, so the BFF answers what the BOSS holds: one
 * charge (one payment code for a QR top-up), and the viewer sees how it ended.
 */
const PRODUCT = 'P_SPORTS'

interface PrepaidCard {
  cardNo: string
  password: string
  faceValueFen: number
}

interface Stats {
  requests: Record<string, number>
  orders: { count: number; byOrderNo: Record<string, number> }
  charges: { count: number; byRef: Record<string, { count: number; totalFen: number }> }
  topups: {
    count: number
    bySerial: Record<string, { count: number; totalFen: number }>
    qrPays: Record<string, number>
  }
}

/** QR payments the BOSS has made, whatever became of them (waiting, paid, cancelled, expired). */
const qrCodes = (s: Stats) => Object.values(s.topups.qrPays).reduce((n, c) => n + c, 0)

/** From the package's detail screen: one month, confirm (Cancel has the focus first), the PIN on the digit keys. */
async function orderFromDetail(tv: Tv, pin: string): Promise<void> {
  await tv.waitForText('ProductTitle', (t) => t.length > 0)
  // Back from the order shows the detail again while it reloads (no focus until it is in): Up moves once it is.
  for (const until = Date.now() + 10_000; (await tv.focusedRef()) !== 'Period1' && Date.now() < until;) {
    await tv.press('up')
    await new Promise((r) => setTimeout(r, 200))
  }
  expect(await tv.focusedRef()).toBe('Period1')
  await tv.press('ok')
  await tv.waitForRoute('order/:productId/:periodMonths')
  await tv.waitForText('OrderAmount', (t) => t !== '--')
  // The page comes back with the last quote on screen while it asks for a fresh one: Right moves once it is in.
  for (const until = Date.now() + 10_000; (await tv.focusedRef()) !== 'ConfirmButton' && Date.now() < until;) {
    await tv.press('right')
    await new Promise((r) => setTimeout(r, 200))
  }
  expect(await tv.focusedRef()).toBe('ConfirmButton')
  await tv.press('ok')
  await tv.waitForText('PinTitle', (t) => t.length > 0)
  await tv.press(...(pin.split('') as RemoteKey[]), 'ok')
}

/** Where the order screen settles: the result's title, or 'pin' when it asks for the PIN again. */
async function orderOutcome(tv: Tv, timeout = 30_000): Promise<string> {
  for (const until = Date.now() + timeout; Date.now() < until;) {
    const seen = await tv.page.evaluate(() => {
      // The inspector mirrors a hidden element with display: none.
      const shown = (ref: string) => {
        const el = document.querySelector<HTMLElement>(`[ref="${ref}"]`)
        return el !== null && el.style.display !== 'none'
      }
      const el = document.querySelector(
        '[ref="OrderResultTitle"][texture-text], [ref="OrderResultTitle"] [texture-text]',
      )
      const title = (el?.getAttribute('texture-text') ?? '').replace(/\u200B/g, '')
      if (shown('Outcome') && (title === '订购成功' || title === '订购未成功')) return title
      return shown('Pin') ? 'pin' : ''
    })
    if (seen) return seen
    await new Promise((r) => setTimeout(r, 100))
  }
  await tv.screenshot('crash-mid-order-unsettled')
  return 'nothing after ' + timeout + ' ms'
}

describe("SIGKILL of the BFF while the TV's order or top-up is at the BOSS", () => {
  const boot = bootStubAndTv('e2e-crash')
  const bffs: SpawnedBff[] = []
  afterEach(() => {
    for (const b of bffs.splice(0)) b.child.kill('SIGKILL')
  })

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${boot.stub.boss.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } })
  const stats = async () => (await (await admin('/admin/stats')).json()) as Stats

  /** A BFF on a fixed address whose next life shares store, key and address, as a restarted deployment does. */
  async function bffThatRestarts(): Promise<{ url: string; first: SpawnedBff; restart: () => Promise<void> }> {
    const port = String(await freePort())
    // Its own data folder: the BFF keeps more than its store there (the usage database takes a lock).
    const data = mkdirSync(join(boot.stub.dir, port), { recursive: true }) ?? join(boot.stub.dir, port)
    const env = {
      PORT: port,
      HOST: '127.0.0.1',
      BOSS_URL: boot.stub.boss.url,
      STORE_PATH: join(data, 'bff.sqlite'),
      STATIC_DIR: DIST,
      JWT_SECRET: 'e2e-crash-mid-order-0123456789abcdef',
      BOSS_TIMEOUT_MS: '20000',
      IDEMPOTENCY_LEASE_SECONDS: '2',
    }
    const first = spawnBff(env)
    bffs.push(first)
    const url = await first.url
    return {
      url,
      first,
      restart: async () => {
        const next = spawnBff(env)
        bffs.push(next)
        expect(await next.url).toBe(url)
      },
    }
  }

  /** SIGKILL the BFF once the BOSS has taken (and committed) the call `service`, which it never answers. */
  async function killWhileAtBoss(bff: SpawnedBff, service: string, before: Stats): Promise<Stats> {
    for (let i = 0; i < 200 && ((await stats()).requests[service] ?? 0) === (before.requests[service] ?? 0); i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
    bff.child.kill('SIGKILL')
    await bff.exited
    await admin('/admin/faults/reset', { method: 'POST' })
    const committed = await stats()
    expect((committed.requests[service] ?? 0) - (before.requests[service] ?? 0)).toBe(1)
    return committed
  }

  const normalViewer = async () =>
    ((await (await admin('/admin/subscribers')).json()) as Subscriber[]).find((s) => s.scenario === 'normal')!
  /** What the household may spend: its balance less its arrears, as the BOSS records them. */
  const creditOf = async (who: Subscriber) =>
    ((a: { balanceFen: number; arrearsFen: number }) => a.balanceFen - a.arrearsFen)(
      await (await admin(`/admin/accounts/${who.customerId}`)).json(),
    )

  const holdAnswerOf = (service: string) =>
    admin('/admin/faults', {
      method: 'PUT',
      body: JSON.stringify({ commitThenTimeout: true, holdMs: 60_000, services: [service] }),
    })

  it('the viewer re-enters the same order after the restart: placed once, charged once', async () => {
    const { url, first, restart } = await bffThatRestarts()
    const who = await normalViewer()
    const before = await stats()

    const tv = await Tv.open(boot.browser, tvUrl({ bffUrl: url }, who))
    await tv.waitForRoute('home')
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await tv.waitForText('Product_P_HD.ProductName', (t) => t.length > 0)
    await openPackage(tv, 'sports', PRODUCT)

    // The BOSS commits the order and keeps the BFF waiting; the BFF dies while it waits.
    await holdAnswerOf('ORDER_CREATE')
    await orderFromDetail(tv, who.pin)
    const committed = await killWhileAtBoss(first, 'ORDER_CREATE', before)
    expect(committed.orders.count - before.orders.count).toBe(1)

    // The TV cannot know whether it went through: it offers to try again. The viewer leaves instead.
    expect(await orderOutcome(tv)).toBe('pin')
    await tv.screenshot('crash-mid-order-lost-answer')
    // The BFF is back on the same store and address (as an orchestrator restarts it) while the viewer decides.
    await restart()
    for (let i = 0; i < 3 && (await tv.route()) !== 'packages/:productId'; i++) await tv.press('back')
    await tv.waitForRoute('packages/:productId', 5_000)

    // ...and enters the same order again: same package, same period, the PIN once more.
    await orderFromDetail(tv, who.pin)
    let outcome = await orderOutcome(tv)
    // Within the claim's lease the BFF still says "in progress": the TV asks for the PIN again, the viewer retries.
    for (let i = 0; i < 5 && outcome === 'pin'; i++) {
      await tv.press(...(who.pin.split('') as RemoteKey[]), 'ok')
      outcome = await orderOutcome(tv)
    }
    await tv.screenshot('crash-mid-order-result')
    expect(outcome).toBe('订购成功')

    const after = await stats()
    const placed = Object.keys(after.orders.byOrderNo).filter((no) => !(no in before.orders.byOrderNo))
    expect(placed).toHaveLength(1)
    expect(after.charges.byRef[placed[0]]?.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    // The BOSS was asked (ORDER_QRY), never sent the order a second time.
    expect(after.requests.ORDER_CREATE).toBe(committed.requests.ORDER_CREATE)
    // The viewer sees the one charge the BOSS made.
    expect(await tv.text('OrderResultBody')).toContain(
      `扣费¥${(after.charges.byRef[placed[0]].totalFen / 100).toFixed(2)}`,
    )
    expect(tv.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION|net::/.test(e))).toEqual([])
    await tv.page.close()
  })

  it('a card top-up cut off by the crash, typed again after the restart: credited once, and the TV says so', async () => {
    const { url, first, restart } = await bffThatRestarts()
    const who = await normalViewer()
    const cards = (await (
      await admin('/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=50')
    ).json()) as PrepaidCard[]
    // Not the fixed demo cards: other suites redeem those.
    const card = cards.filter((c) => !c.cardNo.startsWith('910000000000000'))[0]
    const credit = () => creditOf(who)
    const creditBefore = await credit()
    const before = await stats()

    const tv = await Tv.open(boot.browser, tvUrl({ bffUrl: url }, who))
    await tv.waitForRoute('home')
    const typeCard = async () => {
      await tv.page.keyboard.press('F1') // red: top-up
      await tv.waitForRoute('topup')
      await tv.page.waitForFunction(() => document.querySelector('[ref="CardTopupButton"][focused="true"]'), {
        timeout: 20_000,
      })
      await tv.press('ok')
      await tv.waitForRoute('topup/card')
      await tv.press(...((card.cardNo + card.password).split('') as RemoteKey[]))
      await tv.press('down', 'down', 'down', 'down', 'down')
      expect(await tv.focusedRef()).toBe('TopupConfirmButton')
      await tv.press('ok')
    }

    await holdAnswerOf('CARD_RECHARGE')
    await typeCard()
    await killWhileAtBoss(first, 'CARD_RECHARGE', before)
    expect(await credit()).toBe(creditBefore + card.faceValueFen)
    // The TV got no answer: it says it could not finish. The BFF comes back; the viewer goes Home and starts over.
    await tv.waitForText('CardMessage', (t) => t.length > 0 && !/正在充值/.test(t))
    await tv.screenshot('crash-mid-topup-lost-answer')
    await restart()
    await tv.press('home')
    await tv.waitForRoute('home')
    await typeCard()

    await tv.waitForRoute('topup/result/:topupId', 30_000).catch(async (e: unknown) => {
      await tv.screenshot('crash-mid-topup-unsettled')
      throw new Error(
        `the card top-up did not end on its result: "${await tv.text('CardMessage', 1_000).catch(() => '')}" (${String(e)})`,
      )
    })
    await tv.screenshot('crash-mid-topup-result')
    expect(await tv.waitForText('TopupAmountValue', (t) => t !== '--')).toBe(formatFen(card.faceValueFen))
    const after = await stats()
    expect(await credit()).toBe(creditBefore + card.faceValueFen)
    // Settled from what the BOSS holds (the lease ran out, or the sweeper): the card went to the BOSS once.
    expect(after.requests.CARD_RECHARGE).toBe((before.requests.CARD_RECHARGE ?? 0) + 1)
    await tv.page.close()
  })

  it('a QR top-up cut off by the crash, chosen again after the restart: one payment code, paid once, and the TV shows it', async () => {
    const { url, first, restart } = await bffThatRestarts()
    const who = await normalViewer()
    const amountFen = 5_000 // the second amount offered to a household without arrears
    const creditBefore = await creditOf(who)
    const before = await stats()

    const tv = await Tv.open(boot.browser, tvUrl({ bffUrl: url }, who))
    await tv.waitForRoute('home')
    const payUrl = () =>
      tv.page.evaluate(() => (window as unknown as { __tvhall?: { qrPayUrl?: string } }).__tvhall?.qrPayUrl)
    const chooseAmount = async () => {
      await tv.page.keyboard.press('F1') // red: top-up
      await tv.waitForRoute('topup')
      await focusOn(tv, 'CardTopupButton')
      await tv.press('right', 'ok')
      await tv.waitForRoute('topup/qr')
      await focusOn(tv, 'Amount0')
      await tv.press('right')
      expect(await tv.text('Amount1')).toBe(formatFen(amountFen))
      await tv.press('ok')
    }

    await holdAnswerOf('QR_PAY_CREATE')
    await chooseAmount()
    const committed = await killWhileAtBoss(first, 'QR_PAY_CREATE', before)
    expect(qrCodes(committed) - qrCodes(before)).toBe(1)
    // The TV got no code: it says the call failed and offers Retry. The BFF comes back; the viewer goes Home instead.
    await focusOn(tv, 'RetryButton')
    expect(await payUrl()).toBeUndefined()
    await tv.screenshot('crash-mid-qr-lost-answer')
    await restart()
    await tv.press('home')
    await tv.waitForRoute('home')
    await chooseAmount()

    // Within the claim's lease the BFF still says "in progress": the viewer presses Retry until the code comes.
    for (let i = 0; i < 5 && !(await payUrl()); i++) {
      await tv.page
        .waitForFunction(
          () =>
            (window as unknown as { __tvhall?: { qrPayUrl?: string } }).__tvhall?.qrPayUrl ||
            document.querySelector('[ref="RetryButton"][focused="true"]'),
          { timeout: 20_000 },
        )
        .catch(() => undefined)
      if (!(await payUrl())) await tv.press('ok')
    }
    const code = await payUrl()
    expect(code).toMatch(/\/pay\/QP/)
    await tv.screenshot('crash-mid-qr-code')
    // The code on screen is the one the BOSS made before the crash: no second payment was opened.
    const shown = await stats()
    expect(qrCodes(shown) - qrCodes(before)).toBe(1)
    expect(shown.requests.QR_PAY_CREATE).toBe(committed.requests.QR_PAY_CREATE)

    const phone = await boot.browser.newPage()
    await phone.goto(code!, { waitUntil: 'load' })
    await Promise.all([phone.waitForNavigation({ waitUntil: 'load' }), phone.click('button.pay')])
    await phone.close()
    await tv.waitForRoute('topup/result/:topupId', 30_000)
    await tv.screenshot('crash-mid-qr-result')
    expect(await tv.waitForText('TopupAmountValue', (t) => t !== '--')).toBe(formatFen(amountFen))
    const after = await stats()
    expect(await creditOf(who)).toBe(creditBefore + amountFen)
    expect(after.topups.count - before.topups.count).toBe(1)
    expect(qrCodes(after) - qrCodes(before)).toBe(1)
    expect(tv.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION|net::|status of 409/.test(e))).toEqual([])
    await tv.page.close()
  })
})
