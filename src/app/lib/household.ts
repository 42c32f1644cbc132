/**
 * Whose hall this is, for the page header on every screen: the household's name and masked card, as
 * the last account answer gave them (any screen that loads the account refreshes it).
 */
import type { Account } from '../../contract/index.ts'

export interface Household {
  name: string
  cardNoMasked: string
}

let current: Household | null = null
const listeners: Array<(h: Household | null) => void> = []

export function rememberHousehold(account: Pick<Account, 'customerName' | 'cardNoMasked'>): void {
  const next = { name: account.customerName, cardNoMasked: account.cardNoMasked }
  if (current && current.name === next.name && current.cardNoMasked === next.cardNoMasked) return
  current = next
  for (const l of listeners) l(current)
}

export function household(): Household | null {
  return current
}

/** Headers already on screen follow a change; returns the way to stop listening. */
export function onHousehold(listener: (h: Household | null) => void): () => void {
  listeners.push(listener)
  return () => {
    const i = listeners.indexOf(listener)
    if (i >= 0) listeners.splice(i, 1)
  }
}
