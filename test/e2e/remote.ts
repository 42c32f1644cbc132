import { expect } from 'vitest'
import type { KeyInput } from 'puppeteer-core'
import type { Subscriber } from '../integration/harness.ts'
import type { TvBoot } from './boot.ts'
import { tvUrl } from './stack.ts'
import { Tv, type RemoteKey } from './tv.ts'

// Remote moves the flow tests share: a key until the focus lands, a wait for the focus, home with any boot
// notice closed, and a viewer mashing keys.

/** Presses `key` until the focus lands on `ref` (at most `max` presses). */
export async function pressUntil(tv: Tv, key: RemoteKey, ref: string, max = 12): Promise<void> {
  for (let i = 0; i < max && (await tv.focusedRef()) !== ref; i++) await tv.press(key)
  expect(await tv.focusedRef()).toBe(ref)
}

export const focusOn = (tv: Tv, ref: string, timeout = 20_000) =>
  tv.page.waitForFunction((r) => document.querySelector(`[ref="${r}"][focused="true"]`) !== null, { timeout }, ref)

/**
 * The app for one household (a demo scenario's name, or any subscriber), on home with the focus on the first tile
 * (a boot notice, as a household in arrears gets, closed with Back).
 */
export async function openHome(boot: TvBoot, who: string | Subscriber): Promise<Tv> {
  const household = typeof who === 'string' ? boot.stack.bySubscriber(who) : who
  const tv = await Tv.open(boot.browser, tvUrl(boot.stack, household))
  await tv.waitForRoute('home')
  await tv.page.waitForFunction(
    () =>
      document.querySelector('[ref="BalanceTile"][focused="true"]') ||
      document.querySelector('[ref="BootNoticeAction"]'),
    { timeout: 20_000 },
  )
  if (await tv.page.$('[ref="BootNoticeAction"]')) {
    await tv.press('back')
    await focusOn(tv, 'BalanceTile', 5_000)
  }
  return tv
}

/**
 * From the catalogue (open on its first buyable shelf, P_HD) to a package's detail: Left to the categories, down to
 * `category`, Right into its shelf, down to `product`, OK.
 */
export async function openPackage(tv: Tv, category: string, product: string): Promise<void> {
  await tv.press('left')
  await pressUntil(tv, 'down', `Category_${category}`)
  await tv.press('right')
  await pressUntil(tv, 'down', `Product_${product}`, 1)
  await tv.press('ok')
  await tv.waitForRoute('packages/:productId')
}

/**
 * From home to the repair report's confirmation (focus on ConfirmSubmit): 5 for repairs, "no signal", every
 * self-help step answered "not solved", Report, the form's Submit.
 */
export async function toTicketConfirmation(tv: Tv): Promise<void> {
  await tv.press('5')
  await tv.waitForRoute('repair')
  await tv.waitForText('Symptom0', (t) => t.length > 0)
  await tv.press('ok') // no signal
  await tv.waitForRoute('repair/symptom/:symptomId')
  await tv.waitForText('StepCounter', (t) => t.length > 0)
  for (let i = 0; i < 4; i++) await tv.press('right', 'ok')
  await focusOn(tv, 'ReportButton')
  await tv.press('ok')
  await tv.waitForRoute('repair/report/:category')
  await tv.waitForText('SlotField.RecordDetail', (t) => t.length > 0)
  await pressUntil(tv, 'down', 'SubmitButton', 5)
  await tv.press('ok')
  await focusOn(tv, 'ConfirmSubmit', 5_000)
}

/** From home to one of the repair hub's side rows (My tickets, a complaint): 5 for repairs, right, down to `row`, OK. */
export async function openRepairSide(tv: Tv, row: string): Promise<void> {
  await tv.press('5')
  await tv.waitForRoute('repair')
  // The symptoms hold the focus once the page's data is in; a key pressed before then moves nothing.
  await focusOn(tv, 'Symptom0')
  await pressUntil(tv, 'right', 'ErrorCodeRow', 1)
  await pressUntil(tv, 'down', row, 3)
  await tv.press('ok')
}

/** From home to the first of My tickets. */
export async function openFirstTicket(tv: Tv): Promise<void> {
  await openRepairSide(tv, 'MyTicketsRow')
  await tv.waitForRoute('repair/tickets')
  await focusOn(tv, 'TicketRow0')
  await tv.press('ok')
  await tv.waitForRoute('repair/tickets/:ticketId')
}

const MASH_KEY: Record<string, KeyInput> = { ok: 'Enter', back: 'Escape' }

/**
 * A viewer mashing the remote: `keys` pressed in `ms` milliseconds, evenly, as a thumb presses them: each
 * press goes out on its own time, not after the app has handled the one before (a busy box queues them).
 */
export async function mash(tv: Tv, keys: (RemoteKey | 'ok' | 'back')[], ms: number): Promise<void> {
  const gap = ms / keys.length
  const sleep = (n: number) => new Promise((r) => setTimeout(r, n))
  // The mashing starts on a screen the viewer has seen, not in the run of keys that opened it.
  if (keys[0] === 'ok') await tv.viewerPause()
  const presses = keys.map(async (k, i) => {
    await sleep(i * gap)
    await tv.page.keyboard.press(MASH_KEY[k] ?? (k as KeyInput))
    tv.lastKeyAt = performance.now()
  })
  await Promise.all(presses)
}

export const times = <K>(n: number, key: K): K[] => Array.from({ length: n }, () => key)
