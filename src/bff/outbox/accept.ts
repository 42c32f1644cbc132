import { createHash } from 'node:crypto'
import { isBossDown } from '../domain/errors.ts'
import type { BffServices } from '../services.ts'

/** How long a viewer's submit waits for the BOSS before the answer is "accepted, pending". */
export const ACCEPT_WAIT_MS = 1500

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' // no 0/O, 1/I: a viewer may read it out on the phone

/**
 * The reference for a report sent with an Idempotency-Key: derived from household and key, so a resend
 * carries the same SERIAL and the BOSS answers with the ticket it already opened, even if our store forgot the key.
 */
export function referenceFor(kind: 'T' | 'C', owner: string, key: string): string {
  const hash = createHash('sha256').update(`${kind}\n${owner}\n${key}`).digest()
  let s = `R${kind}`
  for (let i = 0; i < 12; i++) s += ALPHABET[hash[i] % ALPHABET.length]
  return s
}

/**
 * Write the report to the outbox (durable before anyone is told "accepted"), then give the deliverer
 * a short moment: the BOSS's record when it answered in time, null when the report stays pending.
 */
export async function acceptReport(r: BffServices, topic: string, owner: string, payload: unknown): Promise<unknown> {
  const id = await r.store.enqueue(topic, payload, owner)
  const waiting = r.deliverer.waitFor(id, Math.min(ACCEPT_WAIT_MS, r.config.bossTimeoutMs))
  r.deliverer.kick()
  const outcome = await waiting
  return outcome.delivered ? outcome.result : null
}

/** Run a BOSS read that may be skipped when the BOSS cannot answer: the list then shows what the hall holds. */
export async function unlessBossDown<T>(
  work: () => Promise<T>,
  fallback: T,
): Promise<{ value: T; bossAvailable: boolean }> {
  try {
    return { value: await work(), bossAvailable: true }
  } catch (err) {
    if (isBossDown(err)) return { value: fallback, bossAvailable: false }
    throw err
  }
}
