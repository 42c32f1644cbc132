/** Opening the box's session with the BFF, shared by the boot screen and the error screen's Retry. */
import { Router } from '@lightningjs/sdk'
import { ApiError } from './api.ts'
import { api, boxIdentity } from './backend.ts'
import type { Account } from '../../contract/index.ts'

let resumed = false
/** The session opened as the app starts, and the account asked for as soon as it is open (see `openSessionEarly`). */
interface EarlyStart {
  /** Handed to the boot screen once. */
  session: Promise<void> | null
  account: Promise<Account>
  at: number
  opened: boolean
}
let early: EarlyStart | null = null
/** The early account serves the first home only if it comes this soon: later, home asks the BOSS again. */
const EARLY_ACCOUNT_MS = 15_000

function openNow(): Promise<void> {
  if (!boxIdentity()) return Promise.reject(new ApiError('DEVICE_UNKNOWN', 'no STB id / smart card number'))
  return api()
    .openSession()
    .then(() => undefined)
}

/**
 * Log-in and the account start with the app, not after the boot screen has drawn and mounted and home has been
 * built: on a slow box those waited one after the other before the household's name could be drawn.
 */
export function openSessionEarly(): void {
  if (early) return
  const session = openNow()
  const started: EarlyStart = {
    session,
    account: session.then(() => api().getAccount()),
    at: Date.now(),
    opened: false,
  }
  session.then(
    () => (started.opened = true),
    () => undefined,
  )
  // Whoever takes them handles their failures; unclaimed they must not be reported as unhandled.
  started.account.catch(() => undefined)
  early = started
}

/**
 * How long the first log-in waits for the account asked for with it. Home is built once it is here: the header
 * then draws the household's name in home's first frame. Built before it, home's first frame (≈ 40 text textures
 * on a slow box) ran before the account's answer was handled, and the name came one long frame later (bench boot
 * profile, RESULTS.md issue 22). A slow or failing BOSS keeps the boot screen no longer than this.
 */
export const EARLY_ACCOUNT_WAIT_MS = 2_000

/** Resolves when `p` has settled, either way, or after `ms`, whichever comes first. */
function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    p.then(done, done)
  })
}

/**
 * The boot screen's log-in: the one started with the app the first time (done when its account is here too, see
 * `EARLY_ACCOUNT_WAIT_MS`); a Retry after a failure opens anew.
 */
export function startSession(): Promise<void> {
  const session = early?.session
  if (early && session) {
    early.session = null
    const account = early.account
    return session.then(() => settledWithin(account, EARLY_ACCOUNT_WAIT_MS))
  }
  return openNow()
}

/** The account asked for at start, once, while fresh; null otherwise (the caller asks for it). */
export function takeEarlyAccount(): Promise<Account> | null {
  if (!early) return null
  const { account, at, opened } = early
  early = null
  // After a failed early log-in (and a Retry that opened another session) its account never came.
  return opened && Date.now() - at <= EARLY_ACCOUNT_MS ? account : null
}

/** After the first successful session: the deep-linked route (or home) the first time, home after that. */
export function enterHall(): void {
  if (!resumed) {
    resumed = true
    Router.resume()
  } else {
    Router.navigate('home')
  }
}
