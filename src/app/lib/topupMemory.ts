/**
 * What the top-up screens remember beyond one page: the QR payment still waiting (so a viewer who leaves
 * and comes back sees how it ended), where to go after success (e.g. back to an order), the account
 * before paying (to split the result), and whether the home screen should say the service is restored.
 */
import type { Account, Topup } from '../../contract/index.ts'
import { isApiError } from './api.ts'
import { boxIdentity } from './backend.ts'
import { tvHallHooks } from './hostWindow.ts'
import { topupApi } from './topupApi.ts'
import { topupOutcome, type TopupOutcome } from './topupFlow.ts'

/**
 * Per box identity: storage outlives the session, and a top-up id of another household (another demo
 * device in the same browser, a swapped smart card) is not this account's to look up (the BFF answers 404).
 */
function pendingKey(): string {
  const who = boxIdentity()
  return 'tvhall.pendingTopup' + (who ? ':' + who.deviceId + ':' + who.cardNo : '')
}

let pendingInMemory: string | null = null
let returnTo: string | null = null
let outcomeForHome: TopupOutcome = null

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null
  } catch {
    return null // some boxes throw on access with storage disabled
  }
}

export function rememberPendingTopup(topupId: string): void {
  pendingInMemory = topupId
  const s = storage()
  if (s) s.setItem(pendingKey(), topupId)
}

export function pendingTopup(): string | null {
  const s = storage()
  return (s && s.getItem(pendingKey())) || pendingInMemory
}

/** The waiting payment as the BFF has it now; null when there is none, the BFF is not reachable, or it knows no such top-up (then forgotten). */
export function lookUpPendingTopup(): Promise<Topup | null> {
  const id = pendingTopup()
  if (!id) return Promise.resolve(null)
  return topupApi.get(id).catch((e: unknown) => {
    if (isApiError(e) && e.code === 'NOT_FOUND') forgetPendingTopup(id)
    return null
  })
}

export function forgetPendingTopup(topupId?: string): void {
  if (topupId && pendingTopup() !== topupId) return
  pendingInMemory = null
  const s = storage()
  if (s) s.removeItem(pendingKey())
}

export function setReturnTo(route: string | null): void {
  returnTo = route
}

export function topupReturnTo(): string | null {
  return returnTo
}

/** What the last top-up did to the service (restored / settled), for the home screen to say once. */
export function takeTopupOutcome(): TopupOutcome {
  const r = outcomeForHome
  outcomeForHome = null
  return r
}

let before: Pick<Account, 'arrearsFen' | 'status'> | null = null
let lastResult: Topup | null = null

/** The account as the viewer saw it before paying: the result then says how much went to arrears, and "restored" only after a suspension. */
export function noteAccountBefore(account: Pick<Account, 'arrearsFen' | 'status'>): void {
  before = { arrearsFen: account.arrearsFen, status: account.status }
}

export function accountBefore(): Pick<Account, 'arrearsFen' | 'status'> | null {
  return before
}

/** What this successful top-up did to the service (noted once for the home screen); null for anything else. */
export function outcomeOf(topup: Topup): TopupOutcome {
  const a = topup.account
  if (topup.status !== 'succeeded' || !a) return null
  const outcome = topupOutcome(before, a)
  if (outcome) {
    // Said once: the account the viewer saw before is now paid up.
    before = { arrearsFen: a.arrearsFen, status: a.status }
    outcomeForHome = outcome
  }
  return outcome
}

/** Hands a top-up the page already has to the result screen, which otherwise asks the BFF. */
export function showTopupResult(topup: Topup): void {
  lastResult = topup
}

export function takeTopupResult(topupId: string): Topup | null {
  const r = lastResult && lastResult.topupId === topupId ? lastResult : null
  lastResult = null
  return r
}

/** `window.__tvhall.qrPayUrl`: the address in the QR code on screen, so a test opens the pay page without decoding pixels. */
export function reportQrPayUrl(url: string | undefined): void {
  if (typeof window === 'undefined') return
  tvHallHooks().qrPayUrl = url
}
