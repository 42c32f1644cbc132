/**
 * Finished is finished: once an order, a top-up, a ticket or a complaint is done, its confirm, PIN and
 * form steps leave the Router history, so Back from the result (or from any screen reached from it)
 * goes to the hub of that area and never into the steps again (a second order was two OKs away).
 * The pure part (`withoutSteps`) is unit-tested; routes.ts calls `afterRoute` after every navigation.
 */
import { Router } from '@lightningjs/sdk'

type HistoryEntry = Router.HistoryEntry

interface Finished {
  hub: string
  steps: RegExp
}

let finished: Finished | null = null

/**
 * The history once a transaction is done: everything after the hub goes (the steps that led from it),
 * and a hub that was never visited (a deep link into the steps) is put in, so Back still lands there.
 */
export function cutToHub(history: HistoryEntry[], hub: string): HistoryEntry[] {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].hash === hub) return history.slice(0, i + 1)
  return history.filter((h) => h.hash === 'home').concat([{ hash: hub, state: null }])
}

/** Steps of the finished transaction that the Router stored since (leaving the result page stores it). */
export function withoutSteps(history: HistoryEntry[], steps: RegExp): HistoryEntry[] {
  return history.filter((h) => !steps.test(h.hash))
}

/** Called by a result: the transaction whose steps match `steps` is done; Back leads to `hub`. */
export function finishTransaction(hub: string, steps: RegExp): void {
  finished = { hub, steps }
  Router.setHistory(cutToHub(Router.getHistory(), hub))
}

/** routes.ts afterEachRoute: keeps the finished steps out of the history until a new transaction of that kind starts. */
export function afterRoute(hash: string): void {
  if (!finished) return
  const clean = hash.replace(/^#?\/?/, '')
  // Entering the steps again (a new order from the catalogue) starts a new transaction.
  if (finished.steps.test(clean)) {
    finished = null
    return
  }
  // Back at the hub, or home (which clears the history): nothing more to keep out.
  if (clean === finished.hub || clean === 'home') {
    finished = null
    return
  }
  const history = Router.getHistory()
  const kept = withoutSteps(history, finished.steps)
  if (kept.length !== history.length) Router.setHistory(kept)
}
