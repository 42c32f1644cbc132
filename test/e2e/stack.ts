import { existsSync } from 'node:fs'
import { startStack, type Stack, type StackOptions, type Subscriber } from '../integration/harness.ts'

const DIST = new URL('../../dist/', import.meta.url).pathname

/** The real stack serving the built TV app: boss-stub + BFF with `dist/` as its static folder. */
export async function startTvStack(opts: StackOptions = {}): Promise<Stack> {
  if (!existsSync(`${DIST}index.html`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)')
  return startStack({ ...opts, bff: { staticDir: DIST, ...opts.bff } })
}

/** The app's address for one demo household, with the inspector's DOM mirror on for reading the screen. */
export function tvUrl(stack: Stack, who: Subscriber, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ deviceId: who.deviceId, cardNo: who.cardNo, inspector: '1', ...extra })
  return `${stack.bffUrl}/?${q}`
}

export interface BossAccount {
  balanceFen: number
  arrearsFen: number
  [k: string]: unknown
}

/** The stub's own record of an account, to compare with what the TV shows. */
export async function bossAccount(stack: Stack, customerId: string): Promise<BossAccount> {
  const res = await fetch(`${stack.bossUrl}/admin/accounts/${customerId}`)
  if (!res.ok) throw new Error(`admin/accounts/${customerId}: ${res.status}`)
  return (await res.json()) as BossAccount
}
