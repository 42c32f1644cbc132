import type { UsageBatch, UsageEvent } from '../../contract/usage.ts'
import type { AcceptedBatch } from './eventStore.ts'
import type { Pseudonymizer } from './household.ts'

/** What each kind of event must carry; an event without it is malformed and fails the whole batch. */
function missing(e: UsageEvent): string | null {
  switch (e.type) {
    case 'screen':
      return e.screen ? null : 'screen'
    case 'flow':
      return !e.flow ? 'flow' : !e.outcome || e.outcome === 'solved' || e.outcome === 'ticket' ? 'outcome' : null
    case 'selfhelp':
      return e.outcome === 'solved' || e.outcome === 'ticket' ? null : 'outcome'
    case 'error':
      return e.code ? null : 'code'
  }
}

// A box clock wrong by more than this is not corrected but refused: its events would land on wrong days.
const MAX_EVENT_AGE_MS = 7 * 86_400_000

export type Acceptance = { ok: true; batch: AcceptedBatch } | { ok: false; message: string }

/**
 * Turn a box's batch into what the store keeps: household pseudonymous (the customer id never leaves
 * this function), times moved by the box's clock error (now - sentAt), events older than a week refused.
 */
export function acceptBatch(
  body: UsageBatch,
  who: { customerId: string; regionCode: string },
  now: Date,
  pseudo: Pseudonymizer,
): Acceptance {
  for (const [i, e] of body.events.entries()) {
    const field = missing(e)
    if (field) return { ok: false, message: `body.events.${i}.${field} is required for a ${e.type} event` }
  }
  const skew = now.getTime() - Date.parse(body.sentAt)
  const events: UsageEvent[] = []
  for (const e of body.events) {
    const at = Date.parse(e.at) + skew
    // An event cannot have happened after its batch was sent, nor long before.
    if (at > now.getTime() + 1_000 || at < now.getTime() - MAX_EVENT_AGE_MS) continue
    events.push({ ...e, at: new Date(at).toISOString() })
  }
  const household = pseudo.household(who.customerId)
  return {
    ok: true,
    batch: {
      key: `${household}:${body.batchId}`,
      household,
      keyId: pseudo.keyId,
      area: who.regionCode,
      session: body.session,
      contact: pseudo.seal(who.customerId),
      receivedAt: now.toISOString(),
      events,
    },
  }
}
