import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bossCall } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { expectFocusGrows } from './focusCheck.ts'
import { tvUrl } from './stack.ts'
import { Tv, type RemoteKey } from './tv.ts'

const zh = (
  JSON.parse(readFileSync(new URL('../../static/translations.json', import.meta.url), 'utf8')) as Record<
    string,
    Record<string, string>
  >
)['zh-CN']

// Self-help, repair report and ticket progress with the remote only, against the real BFF and boss-stub.
// ticketSpeed 1800: the stub moves a ticket one state per second, so its timeline visibly advances.
describe('repairs on the TV', () => {
  const boot = bootTv({ ticketSpeed: 1800, bff: { outboxMaxDelaySeconds: 1 } })

  const openRepair = async (scenario: string, bootNotice = false) => {
    const tv = await Tv.open(boot.browser, tvUrl(boot.stack, boot.stack.bySubscriber(scenario)))
    await tv.waitForRoute('home')
    if (bootNotice) {
      // A suspended household is told so once at start (a dialog); Back closes it first.
      await tv.page.waitForFunction(() =>
        /^BootNotice/.test((window as unknown as { __tvhall: { focusedRef?: string } }).__tvhall.focusedRef || ''),
      )
      await tv.press('back')
    }
    await tv.press('5')
    await tv.waitForRoute('repair')
    await tv.waitForText('Symptom0', (t) => t.length > 0)
    return tv
  }
  const times = (n: number, key: RemoteKey): RemoteKey[] => Array.from({ length: n }, () => key)
  const bossTickets = async (customerId: string) =>
    (await bossCall(boot.stack, 'TICKET_LIST_QRY', { CUST_ID: customerId })).BODY.TICKET_LIST as Array<{
      TICKET_ID: string
      SLOT_ID: string
    }>

  it('walks the remote checks one step at a time and ends fixed', async () => {
    const tv = await openRepair('normal')
    await tv.screenshot('repair-home')
    // The focused symptom and service grow a little (focus not by colour alone), inside the title-safe area.
    await expectFocusGrows(tv, [
      ['right', 'ErrorCodeRow'],
      ['left', 'Symptom0'],
    ])
    await tv.press(...times(5, 'down'))
    expect(await tv.focusedRef()).toBe('Symptom5')
    await tv.press('ok')
    await tv.waitForRoute('repair/symptom/:symptomId')
    expect(await tv.waitForText('StepCounter', (t) => t.length > 0)).toMatch(/1.*3/)
    // Issue 17: a check opens on "not fixed", never on "fixed".
    expect(await tv.focusedRef()).toBe('NoButton')
    await tv.screenshot('repair-step')
    await tv.press('right', 'ok')
    expect(await tv.waitForText('StepCounter', (t) => /2/.test(t))).toMatch(/2.*3/)
    expect(await tv.focusedRef()).toBe('NoButton')
    await tv.press('left')
    expect(await tv.focusedRef()).toBe('YesButton')
    await tv.press('ok')
    expect(await tv.waitForText('StepHeading', (t) => t.length > 0)).toMatch(/解决/)
    expect(await tv.focusedRef()).toBe('DoneButton')
    await tv.screenshot('repair-fixed')
    // Back leaves the finished checks for the symptoms, focus where it was.
    await tv.press('back')
    await tv.waitForRoute('repair')
    expect(await tv.focusedRef()).toBe('Symptom5')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it("ends the checks in a repair report with a visit slot; the ticket number is the BOSS's, and its timeline moves on", async () => {
    const who = boot.stack.bySubscriber('normal')
    const tv = await openRepair('normal')
    await tv.press('ok') // no signal
    await tv.waitForRoute('repair/symptom/:symptomId')
    await tv.waitForText('StepCounter', (t) => t.length > 0)
    for (let i = 0; i < 4; i++) await tv.press('right', 'ok')
    await tv.waitForText('StepHeading', (t) => t.length > 0)
    expect(await tv.focusedRef()).toBe('ReportButton')
    await tv.press('ok')
    await tv.waitForRoute('repair/report/:category')
    const category = await tv.waitForText('CategoryField.RecordDetail', (t) => t.length > 0)
    expect(category).toBe('无信号')
    const slot = await tv.waitForText('SlotField.RecordDetail', (t) => t.length > 0)
    expect(slot).not.toBe('电话联系预约')
    await tv.screenshot('repair-form')
    await tv.press(...times(4, 'down'))
    expect(await tv.focusedRef()).toBe('SubmitButton')
    await tv.press('ok')
    expect(await tv.focusedRef()).toBe('ConfirmSubmit')
    await tv.screenshot('repair-confirm')
    await tv.press('ok')
    const number = await tv.waitForText('TicketNumber', (t) => t.length > 0)
    const atBoss = await bossTickets(who.customerId)
    const admin = (await (await fetch(`${boot.stack.bossUrl}/admin/tickets?customerId=${who.customerId}`)).json()) as {
      tickets: { count: number }
    }
    expect(admin.tickets.count).toBe(1)
    const mine = atBoss.find((x) => x.TICKET_ID === number)
    expect(mine, `${number} at the BOSS`).toBeDefined()
    expect(mine!.SLOT_ID).not.toBe('')
    await tv.screenshot('repair-ticket-created')

    await tv.press('ok') // My tickets
    await tv.waitForRoute('repair/tickets')
    const first = await tv.waitForText('TicketRow0.RecordDetail', (t) => t.includes(number))
    const resolved = await tv.waitForText(
      'TicketRow0.RecordDetail',
      (t) => t.includes(zh['messages.ticketStatus.resolved']),
      15_000,
    )
    expect(resolved).not.toBe(first)
    expect(await tv.focusedRef()).toBe('TicketRow0')
    await tv.screenshot('repair-my-tickets')
    await tv.press('ok')
    await tv.waitForRoute('repair/tickets/:ticketId')
    expect(await tv.waitForText('TimelineStep3.StepName', (t) => t.length > 0)).toBe(zh['tickets.step.resolved'])
    expect(await tv.waitForText('TimelineStep3.StepTime', (t) => t.length > 0)).toMatch(/\d{2}:\d{2}/)
    expect(await tv.focusedRef()).toBe('Rating')
    await tv.screenshot('repair-timeline')
    await tv.press('left', 'ok') // 4 stars
    await tv.waitForText('RatingTitle', (t) => /4/.test(t))
    expect(await tv.waitForText('TimelineStep4.StepTime', (t) => t.length > 0)).toMatch(/\d{2}:\d{2}/)
    await tv.screenshot('repair-rated')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('looks up an error code typed with the remote digits and files a complaint with a QR code for the words', async () => {
    const tv = await openRepair('normal')
    await tv.press('right')
    expect(await tv.focusedRef()).toBe('ErrorCodeRow')
    await tv.press('ok')
    await tv.waitForRoute('repair/code')
    await tv.press('0', '0', '1')
    expect(await tv.waitForText('CodeTitle', (t) => t.startsWith('E001'))).toMatch(/^E001 /)
    expect(await tv.text('CauseText')).not.toBe('')
    await tv.screenshot('repair-error-code')
    await tv.press('back')
    await tv.waitForRoute('repair')
    expect(await tv.focusedRef()).toBe('ErrorCodeRow')

    await tv.press('down', 'down', 'ok')
    await tv.waitForRoute('repair/complaint')
    await tv.waitForText('TypeRow0', (t) => t.length > 0)
    const draftAnswer = tv.page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/complaints/drafts') && r.request().method() === 'POST',
    )
    await tv.press('ok', 'ok')
    await tv.waitForText('DraftStatus', (t) => t === zh['complaint.waiting'])
    expect(await tv.focusedRef()).toBe('ComplaintSubmitButton')
    await tv.screenshot('repair-complaint-qr')
    // The viewer's phone: the page the QR code opens, a plain form.
    const { phoneUrl } = (await (await draftAnswer).json()) as { phoneUrl: string }
    const typed = '师傅说好上午来，一直没来'
    const sent = await fetch(phoneUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: typed }).toString(),
    })
    expect(sent.status).toBe(200)
    expect(await tv.waitForText('DraftText', (t) => t.length > 0)).toBe(typed)
    await tv.screenshot('repair-complaint-text')
    await tv.press('ok')
    expect(await tv.waitForText('ComplaintResult', (t) => /\d/.test(t))).toMatch(/编号/)
    await tv.screenshot('repair-complaint-filed')

    // The same complaint again is linked to the first one, and the TV says so. Filed is finished (issue 17):
    // Back goes to the repair hub, so the viewer starts a new complaint from there.
    await tv.press('back')
    await tv.waitForRoute('repair')
    expect(await tv.focusedRef()).toBe('ComplaintRow')
    await tv.press('ok')
    await tv.waitForText('TypeRow0', (t) => t.length > 0)
    await tv.press('ok')
    await tv.waitForText('SubjectRow0', (t) => t.length > 0)
    await tv.press('ok')
    await tv.waitForText('DraftStatus', (t) => t === zh['complaint.waiting'])
    await tv.press('ok')
    // The result of the first complaint is still drawn (hidden) until this one's arrives: wait for the link.
    expect(await tv.waitForText('ComplaintResult', (t) => /关联/.test(t))).toMatch(/关联/)
    expect(await tv.focusedRef()).toBe('DoneButton')
    await tv.screenshot('repair-complaint-repeat')
    expect(tv.errors).toEqual([])
    await tv.page.close()
  })

  it('tells a suspended household that "not authorised" is the arrears and offers a top-up, not a repair', async () => {
    const tv = await openRepair('suspended', true)
    await tv.screenshot('repair-home-suspended')
    await tv.press(...times(4, 'down'), 'ok')
    await tv.waitForRoute('repair/symptom/:symptomId')
    expect(await tv.waitForText('StepText', (t) => t.length > 0)).toMatch(/停机/)
    expect(await tv.focusedRef()).toBe('TopupButton')
    await tv.screenshot('repair-suspended-topup')
    await tv.press('ok')
    await tv.waitForRoute('topup')
    await tv.page.close()
  })
})
