/**
 * Mashed OK never does a second thing: once a key has sent something (an order, a top-up, a ticket, a
 * complaint, a rating, a QR code), the OKs in the rest of that burst of keys (presses under BURST_MS apart,
 * as from an impatient thumb or a sticky remote) are dropped, so they cannot press the next screen's buttons
 * (the result's "My tickets", the QR code's "other amount") or send again. An OK after a pause acts as always.
 */
export const BURST_MS = 250

let burstStart = Number.NEGATIVE_INFINITY
let lastKey = Number.NEGATIVE_INFINITY
let sentAt = Number.NEGATIVE_INFINITY

/**
 * When a key was pressed, on the page's clock (performance.now()): its event's time stamp, not the time it is
 * handled, because a busy box handles queued presses late and spread out, which would end the burst early.
 * Old engines stamp events with the epoch time: converted; no stamp at all: now.
 */
export function keyTime(e: { timeStamp?: number }, now = performance.now(), epochNow = Date.now()): number {
  const t = e.timeStamp
  if (!t) return now
  if (t > 1e12) return t - (epochNow - now)
  return t <= now ? t : now
}

/** Something was sent to the BFF (api.ts calls this for every order, top-up and record it posts). */
export function okSent(now = performance.now()): void {
  sentAt = now
}

/** Sends something a second OK must not repeat: notes the send, then makes the call. */
export function sending<T>(call: () => Promise<T>): Promise<T> {
  okSent()
  return call()
}

/**
 * Called for every key before anything handles it, with its `keyTime`: true when this one (an OK) is dropped.
 * An OK pressed before the send but handled after it belongs to the burst that sent: dropped too.
 */
export function keyDropped(isOk: boolean, at: number): boolean {
  if (at - lastKey >= BURST_MS) burstStart = at
  lastKey = Math.max(lastKey, at)
  return isOk && sentAt >= burstStart
}

/** Tests: forget earlier presses. */
export function resetOkBurst(): void {
  burstStart = Number.NEGATIVE_INFINITY
  lastKey = Number.NEGATIVE_INFINITY
  sentAt = Number.NEGATIVE_INFINITY
}
