import { describe, expect, it } from 'vitest'
import { formatFen } from '../../src/app/lib/format.ts'
import { groupCardNo } from '../../src/app/lib/cardEntry.ts'
import type { Subscriber } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { openHome } from './remote.ts'
import { bossAccount } from './stack.ts'
import type { RemoteKey, Tv } from './tv.ts'

interface PrepaidCard {
  cardNo: string
  password: string
  faceValueFen: number
  status: string
}

// Top-up end to end: the real boss-stub (its cards, its phone pay page), the real BFF, the built app in
// Chromium, driven with the remote only; the phone is a second page.
describe('top-up on the TV', () => {
  const boot = bootTv()

  async function unusedCard(): Promise<PrepaidCard> {
    const res = await fetch(
      `${boot.stack.bossUrl}/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=50`,
    )
    const cards = (await res.json()) as PrepaidCard[]
    // Not the fixed demo cards: other suites redeem those.
    const card = cards.filter((c) => !c.cardNo.startsWith('910000000000000'))[0]
    expect(card, 'an unused city-wide card').toBeTruthy()
    return card
  }

  /** Home, then the red key: the top-up home with its two ways. */
  async function openTopup(who: Subscriber): Promise<Tv> {
    // A suspended household is greeted by its arrears notice first (a dialog); Back closes it.
    const tv = await openHome(boot, who)
    await tv.page.keyboard.press('F1') // red
    await tv.waitForRoute('topup')
    await tv.page.waitForFunction(() => document.querySelector('[ref="CardTopupButton"][focused="true"]'), {
      timeout: 20_000,
    })
    return tv
  }

  async function typeCard(tv: Tv, card: PrepaidCard): Promise<void> {
    // The keypad's keys (the inspector's mirror of them) before typing: each digit must not build them anew.
    const keys = await tv.page.waitForSelector('[ref="NumberKeys"] [ref="Dialpad"]', { timeout: 10_000 })
    // Focus moving over the keys changes their colours by tint: no key's label is drawn again (lib/tintedTextBox.ts).
    await tv.page.evaluate(() => {
      const drawn: string[] = ((window as unknown as { __keyLabels: string[] }).__keyLabels = [])
      const fillText = CanvasRenderingContext2D.prototype.fillText
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
        if (/^[0-9⌫]$/.test(text)) drawn.push(text)
        return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max)
      }
    })
    await tv.press('right', 'down', 'left', 'up')
    await new Promise((r) => setTimeout(r, 500))
    expect(
      await tv.page.evaluate(() => (window as unknown as { __keyLabels: string[] }).__keyLabels),
      'key labels drawn again while the focus moved over the keypad',
    ).toEqual([])
    await tv.press(...((card.cardNo + card.password).split('') as RemoteKey[]))
    expect(await tv.waitForText('CardNoField.FieldValue', (t) => t === groupCardNo(card.cardNo))).toBe(
      groupCardNo(card.cardNo),
    )
    expect(await keys!.evaluate((n) => n.isConnected), 'the same keypad keys after typing').toBe(true)
    // Masked: the password's digits never reach the screen.
    const shown = await tv.text('PasswordField.FieldValue')
    expect(shown).toBe('●'.repeat(card.password.length))
    await tv.press('down', 'down', 'down', 'down', 'down')
    expect(await tv.focusedRef()).toBe('TopupConfirmButton')
  }

  it('tops up with a prepaid card typed with digit keys; a used card is refused as used', async () => {
    const who = boot.stack.bySubscriber('normal')
    const card = await unusedCard()
    const before = await bossAccount(boot.stack, who.customerId)
    const tv = await openTopup(who)
    await tv.press('ok')
    await tv.waitForRoute('topup/card')
    await typeCard(tv, card)
    await tv.screenshot('topup-card-typed')
    await tv.press('ok')

    await tv.waitForRoute('topup/result/:topupId')
    const after = await bossAccount(boot.stack, who.customerId)
    expect(after.balanceFen - after.arrearsFen).toBe(before.balanceFen - before.arrearsFen + card.faceValueFen)
    expect(await tv.waitForText('TopupNewBalance', (t) => t !== '--')).toBe(formatFen(after.balanceFen))
    expect(await tv.text('TopupAmountValue')).toBe(formatFen(card.faceValueFen))
    await tv.screenshot('topup-card-success')

    // Back goes one level up, to the top-up home (not the filled-in form).
    // The result screen holds the focus (its transition done) before the viewer presses Back.
    await tv.page.waitForFunction(() => document.querySelector('[ref="TopupDoneButton"][focused="true"]'), {
      timeout: 20_000,
    })
    await tv.press('back')
    await tv.waitForRoute('topup').catch(async (e) => {
      throw new Error(
        `Back from the result left the TV on ${await tv.route()}, focus ${await tv.focusedRef()} errors ${tv.errors.join(', ')}: ${e}`,
      )
    })
    // Back on the top-up home the card way keeps the focus at once (the new balance comes in behind it).
    expect(await tv.focusedRef()).toBe('CardTopupButton')
    await tv.press('ok')
    await tv.waitForRoute('topup/card')
    await typeCard(tv, card)
    await tv.press('ok')
    // "Processing" shows while the BFF asks the BOSS; the refusal replaces it.
    expect(await tv.waitForText('CardMessage', (t) => t.length > 0 && !/正在充值/.test(t))).toMatch(/已经充值过/)
    expect((await bossAccount(boot.stack, who.customerId)).balanceFen).toBe(after.balanceFen)
    await tv.screenshot('topup-card-used')
    // The browser logs the refused POST itself (409 CARD_USED); nothing else may go wrong.
    expect(tv.errors.filter((e) => !/status of 409/.test(e))).toEqual([])
    await tv.page.close()
  })

  /** Choose the amount at `index`, read the QR's address, pay on the "phone"; returns the amount label. */
  async function payByQr(tv: Tv, index: number): Promise<string> {
    await tv.press('right', 'ok')
    await tv.waitForRoute('topup/qr')
    await tv.page.waitForFunction(() => document.querySelector('[ref="Amount0"][focused="true"]'), { timeout: 20_000 })
    for (let i = 0; i < index; i++) await tv.press('right')
    const label = await tv.text(`Amount${index}`)
    await tv.screenshot(`topup-qr-amounts-${index}`)
    await tv.press('ok')
    const handle = await tv.page.waitForFunction(
      () => (window as unknown as { __tvhall?: { qrPayUrl?: string } }).__tvhall?.qrPayUrl,
      { timeout: 20_000 },
    )
    const payUrl = (await handle.jsonValue()) as string
    expect(payUrl).toMatch(/\/pay\/QP/)
    expect(await tv.waitForText('QrCountdown', (t) => /\d:\d\d/.test(t))).toMatch(/[45]:\d\d/)
    await tv.screenshot('topup-qr-code')

    const phone = await boot.browser.newPage()
    await phone.setViewport({ width: 390, height: 800 })
    await phone.goto(payUrl, { waitUntil: 'load' })
    await Promise.all([phone.waitForNavigation({ waitUntil: 'load' }), phone.click('button.pay')])
    await phone.close()
    await tv.waitForRoute('topup/result/:topupId', 20_000)
    return label
  }

  it('tops up by QR: the phone pays on the stub page and the TV shows the balance the stub has', async () => {
    const who = boot.stack.bySubscriber('normal')
    const before = await bossAccount(boot.stack, who.customerId)
    const tv = await openTopup(who)
    const label = await payByQr(tv, 1)
    expect(label).toBe(formatFen(5_000))
    const after = await bossAccount(boot.stack, who.customerId)
    expect(after.balanceFen - after.arrearsFen).toBe(before.balanceFen - before.arrearsFen + 5_000)
    expect(await tv.waitForText('TopupNewBalance', (t) => t !== '--')).toBe(formatFen(after.balanceFen))
    await tv.screenshot('topup-qr-success')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('换个金额 returns to the amounts on the chosen one; Back leaves the code; a visit from home starts on the card way', async () => {
    const tv = await openTopup(boot.stack.bySubscriber('normal'))
    const focused = (ref: string) =>
      tv.page.waitForFunction((r) => document.querySelector(`[ref="${r}"][focused="true"]`), { timeout: 20_000 }, ref)
    const payUrl = () =>
      tv.page.evaluate(() => (window as unknown as { __tvhall?: { qrPayUrl?: string } }).__tvhall?.qrPayUrl)
    await tv.press('right', 'ok')
    await tv.waitForRoute('topup/qr')
    await focused('Amount0')
    await tv.press('right', 'right', 'ok')
    await focused('QrOtherAmountButton')
    expect(await payUrl()).toMatch(/\/pay\/QP/)
    // 换个金额: the amounts, on the one just chosen; the code (and its address) is gone.
    await tv.press('ok')
    await focused('Amount2')
    expect(await tv.route()).toBe('topup/qr')
    expect(await payUrl()).toBeUndefined()
    // Back on the code: one level up, to the way the viewer chose; the code is not waiting there on return.
    await tv.press('ok')
    await focused('QrOtherAmountButton')
    await tv.press('back')
    await tv.waitForRoute('topup')
    await focused('QrTopupButton')
    await tv.press('ok')
    await tv.waitForRoute('topup/qr')
    await focused('Amount0')
    // Home and the red key again: a new visit, so the first way, whatever was chosen last time.
    await tv.press('home')
    await tv.waitForRoute('home')
    await tv.page.keyboard.press('F1')
    await tv.waitForRoute('topup')
    await focused('CardTopupButton')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('the suspended household pays its arrears by QR and the home screen no longer says 停机', async () => {
    const who = boot.stack.bySubscriber('suspended')
    const before = await bossAccount(boot.stack, who.customerId)
    expect(before.arrearsFen).toBeGreaterThan(0)
    const tv = await openTopup(who)
    await tv.screenshot('topup-home-suspended')
    const label = await payByQr(tv, 0)
    expect(label).toBe(formatFen(before.arrearsFen))
    const after = await bossAccount(boot.stack, who.customerId)
    expect(after.arrearsFen).toBe(0)
    expect(after.status).toBe('normal')
    expect(await tv.waitForText('TopupResultNote', (t) => t.length > 0)).toMatch(/服务已恢复/)
    await tv.screenshot('topup-qr-restored')

    expect(await tv.focusedRef()).toBe('TopupDoneButton')
    await tv.press('ok')
    await tv.waitForRoute('home')
    // Home re-read the account: no suspension any more (paying exactly the arrears leaves a zero balance,
    // so a low-balance reminder may stand there instead), and it says so once.
    expect(await tv.waitForText('BannerText', (t) => !/停机/.test(t))).not.toMatch(/停机/)
    expect(await tv.waitForText('ToastText', (t) => t.length > 0)).toMatch(/服务已恢复/)
    await tv.screenshot('topup-home-restored')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })
})
