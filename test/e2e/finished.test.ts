import { describe, expect, it } from 'vitest'
import { bootTv } from './boot.ts'
import { Crawler } from './crawl.ts'
import {
  focusOn,
  mash,
  openFirstTicket,
  openHome,
  openRepairSide,
  openPackage,
  pressUntil,
  times,
  toTicketConfirmation,
} from './remote.ts'
import { Tv, type RemoteKey } from './tv.ts'

// Issue 17, for every transaction of the hall (order, card top-up, QR top-up, repair ticket, complaint,
// rating): a viewer mashes the remote on its last step (20 OKs in 200 ms, digits among them) and the BOSS
// records it once; then Back, pressed until home, never shows a step of it again (the crawler's
// back-after-transaction rule, transactions.ts), never gets stuck and raises no JS error.
// ticketSpeed 1800: a new ticket is resolved within seconds, so it can be rated in the same test.

interface Stats {
  orders: { count: number }
  charges: { count: number }
  topups: { count: number; cardRecharges: { count: number }; qrPays: Record<string, number> }
  requests: Record<string, number>
}
interface Counted {
  tickets: { count: number }
  complaints: { count: number }
}
interface PrepaidCard {
  cardNo: string
  password: string
}

const LIMITS = { maxKeys: 100, maxMs: 60_000, perRoute: 1 }
const MASH = times(20, 'ok' as const)

describe('finished is finished: one transaction for mashed keys, and Back never shows its steps again', () => {
  const boot = bootTv({ ticketSpeed: 1800, bff: { outboxMaxDelaySeconds: 1 } })
  const stats = async () => (await (await fetch(`${boot.stack.bossUrl}/admin/stats`)).json()) as Stats
  const counted = async (customerId: string) =>
    (await (await fetch(`${boot.stack.bossUrl}/admin/tickets?customerId=${customerId}`)).json()) as Counted

  /** Back until home from where the viewer is, with the crawler's rules; no step again, no finding. */
  async function backHome(tv: Tv, done: Parameters<Crawler['checkBackAfterFinish']>[0]): Promise<string[]> {
    const crawler = new Crawler(tv, LIMITS)
    const passed = await crawler.checkBackAfterFinish(done)
    for (const f of crawler.findings) console.log(`finished ${done}: ${f.kind} on ${f.route}: ${f.detail}`)
    expect(crawler.findings).toEqual([])
    expect(passed[passed.length - 1]).toBe('home')
    return passed
  }

  it('order: OKs mashed on the confirmation and the PIN place one order; Back from My subscriptions goes via the catalogue home', async () => {
    const who = boot.stack.bySubscriber('normal')
    const before = await stats()
    const tv = await openHome(boot, 'normal')
    await pressUntil(tv, 'right', 'PackagesTile')
    await tv.press('ok')
    await tv.waitForRoute('packages')
    await focusOn(tv, 'Product_P_HD')
    await openPackage(tv, 'sports', 'P_SPORTS')
    await focusOn(tv, 'Period1')
    await tv.press('ok')
    await tv.waitForRoute('order/:productId/:periodMonths')
    await tv.waitForText('OrderAmount', (t) => t !== '--')
    await pressUntil(tv, 'right', 'ConfirmButton', 1)
    await mash(tv, MASH, 200)
    await tv.waitForText('PinTitle', (t) => t.length > 0)
    // The OKs that reached the PIN step typed nothing and sent nothing.
    expect(await tv.waitForText('PinDots', (t) => t.length > 0)).toBe('○○○○○○')
    // The PIN typed fast, then OK mashed while the order goes out.
    await mash(tv, [...(who.pin.split('') as RemoteKey[]), ...MASH], 260)
    expect(await tv.waitForText('OrderResultTitle', (t) => t === '订购成功' || t === '订购未成功', 30_000)).toBe(
      '订购成功',
    )
    const after = await stats()
    expect(after.orders.count - before.orders.count).toBe(1)
    expect(after.charges.count - before.charges.count).toBe(1)
    // As the issue found it: My subscriptions from the result, then Back until home.
    await focusOn(tv, 'ResultDoneButton', 5_000)
    await pressUntil(tv, 'right', 'ResultSubscriptionsButton', 2)
    await tv.press('ok')
    await tv.waitForRoute('subscriptions')
    const passed = await backHome(tv, 'order')
    expect(passed[0]).toBe('packages')
    await tv.page.close()
  })

  it('card top-up: the card typed at full speed and OK mashed on Top up credit the card once; Back goes to the top-up hub, home', async () => {
    const res = await fetch(
      `${boot.stack.bossUrl}/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=50`,
    )
    // Not the fixed demo cards: other suites redeem those.
    const card = ((await res.json()) as PrepaidCard[]).filter((c) => !c.cardNo.startsWith('910000000000000'))[0]
    const before = await stats()
    const tv = await openHome(boot, 'normal')
    await tv.page.keyboard.press('F1') // red: top up
    await tv.waitForRoute('topup')
    await focusOn(tv, 'CardTopupButton')
    await tv.press('ok')
    await tv.waitForRoute('topup/card')
    await mash(tv, (card.cardNo + card.password).split('') as RemoteKey[], 300)
    await focusOn(tv, 'TopupConfirmButton', 5_000)
    await mash(tv, MASH, 200)
    await tv.screenshot('finished-card-mashed')
    await tv.waitForRoute('topup/result/:topupId', 30_000)
    await tv.waitForText('TopupAmountValue', (t) => t !== '--')
    const after = await stats()
    expect(after.topups.cardRecharges.count - before.topups.cardRecharges.count).toBe(1)
    expect(after.topups.count - before.topups.count).toBe(1)
    const passed = await backHome(tv, 'cardTopup')
    expect(passed[0]).toBe('topup')
    await tv.page.close()
  })

  it('QR top-up: OK mashed on an amount shows one code, one payment credits once; Back goes to the top-up hub, home', async () => {
    const before = await stats()
    const tv = await openHome(boot, 'normal')
    await tv.page.keyboard.press('F1')
    await tv.waitForRoute('topup')
    await focusOn(tv, 'CardTopupButton')
    await tv.press('right', 'ok')
    await tv.waitForRoute('topup/qr')
    await focusOn(tv, 'Amount0')
    await mash(tv, MASH, 200)
    const handle = await tv.page.waitForFunction(
      () => (window as unknown as { __tvhall?: { qrPayUrl?: string } }).__tvhall?.qrPayUrl,
      { timeout: 20_000 },
    )
    const payUrl = (await handle.jsonValue()) as string
    const shown = await stats()
    // One code asked of the BOSS for twenty OKs, not one per OK (or one per return to the amounts).
    expect(
      Object.values(shown.topups.qrPays).reduce((a, b) => a + b, 0) -
        Object.values(before.topups.qrPays).reduce((a, b) => a + b, 0),
    ).toBe(1)
    const phone = await boot.browser.newPage()
    await phone.goto(payUrl, { waitUntil: 'load' })
    await Promise.all([phone.waitForNavigation({ waitUntil: 'load' }), phone.click('button.pay')])
    await phone.close()
    await tv.waitForRoute('topup/result/:topupId', 20_000)
    await tv.waitForText('TopupAmountValue', (t) => t !== '--')
    const after = await stats()
    expect(after.topups.count - before.topups.count).toBe(1)
    const passed = await backHome(tv, 'qrTopup')
    expect(passed[0]).toBe('topup')
    await tv.page.close()
  })

  it('repair ticket and its rating: OK mashed on the confirmation files one ticket, on the stars rates once; Back never reopens the form or the stars', async () => {
    const who = boot.stack.bySubscriber('normal')
    const before = await counted(who.customerId)
    const tv = await openHome(boot, 'normal')
    await toTicketConfirmation(tv)
    await mash(tv, MASH, 200)
    await tv.waitForText('TicketNumber', (t) => t.length > 0, 30_000)
    expect((await counted(who.customerId)).tickets.count - before.tickets.count).toBe(1)
    const passed = await backHome(tv, 'ticket')
    expect(passed[0]).toBe('repair')

    // The same ticket, resolved by the stub within seconds: rate it with OK mashed on the stars.
    await openFirstTicket(tv)
    for (let i = 0; i < 20 && !(await tv.page.$('[ref="Rating"][focused="true"]')); i++) {
      // Not resolved yet: back to the list and in again, as a viewer would look again.
      await tv.press('back')
      await tv.waitForRoute('repair/tickets')
      await new Promise((r) => setTimeout(r, 1000))
      await tv.press('ok')
      await tv.waitForRoute('repair/tickets/:ticketId')
      await new Promise((r) => setTimeout(r, 500))
    }
    await focusOn(tv, 'Rating', 5_000)
    const rated = (await stats()).requests.TICKET_RATE ?? 0
    await mash(tv, MASH, 200)
    await tv.waitForText('RatingTitle', (t) => /\d/.test(t))
    await new Promise((r) => setTimeout(r, 1000))
    expect(((await stats()).requests.TICKET_RATE ?? 0) - rated).toBe(1)
    // The rest of the OKs pressed nothing: the viewer is still on the rated ticket.
    expect(`${await tv.route()} ${await tv.focusedRef()}`).toBe('repair/tickets/:ticketId BackButton')
    await backHome(tv, 'rating')
    await tv.page.close()
  })

  it('complaint: OK mashed on Submit files one complaint; Back from the filed complaint goes to the repair hub, never its subjects', async () => {
    const who = boot.stack.bySubscriber('normal')
    const before = await counted(who.customerId)
    const tv = await openHome(boot, 'normal')
    await openRepairSide(tv, 'ComplaintRow')
    await tv.waitForRoute('repair/complaint')
    await focusOn(tv, 'TypeRow0')
    await tv.press('ok')
    await focusOn(tv, 'SubjectRow0')
    await tv.press('ok')
    await focusOn(tv, 'ComplaintSubmitButton')
    await mash(tv, MASH, 200)
    await tv.waitForText('ComplaintResult', (t) => /\d/.test(t), 30_000)
    expect((await counted(who.customerId)).complaints.count - before.complaints.count).toBe(1)
    const passed = await backHome(tv, 'complaint')
    expect(passed[0]).toBe('repair')
    await tv.page.close()
  })
})
