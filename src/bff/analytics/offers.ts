import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { OfferRun } from '../../contract/usage.ts'
import type { BossOfferAdapter, PushOutcome } from '../boss/bossOfferAdapter.ts'
import type { OfferTarget, UsageStore } from './eventStore.ts'
import type { Pseudonymizer } from './household.ts'

export interface OfferJob {
  store: UsageStore
  pseudo: Pseudonymizer
  offers: Pick<BossOfferAdapter, 'push'>
  cap: number
  minDetailViews: number
  logger: FastifyBaseLogger
}

// Pushes in flight at once: the viewers' own message calls share the BOSS's MSG domain with the campaign.
const IN_FLIGHT = 4

type Counter = 'sent' | 'optedOut' | 'alreadyOffered' | 'capped' | 'notEligible'
const COUNTED: Record<PushOutcome, Counter> = {
  sent: 'sent',
  optedOut: 'optedOut',
  alreadyOffered: 'alreadyOffered',
  capped: 'capped',
  held: 'notEligible',
  notEligible: 'notEligible',
}

/** Same household, package and day: the same push, so a run retried after a crash is not a second offer. */
const pushIdOf = (t: OfferTarget, day: string) =>
  createHash('sha256').update(`${t.household}:${t.product}:${day}`).digest('base64url').slice(0, 32)

/**
 * Send each package's offer to its audience in the range. The store gives pseudonyms with sealed
 * contacts; the customer id is opened in memory only for the push, and the BOSS decides each push
 * (consent, standing, held, the 30-day cap), so a run repeated sends nothing new.
 */
export async function sendOffers(
  job: OfferJob,
  q: { from: string; to: string; area?: string; day: string },
): Promise<OfferRun> {
  const targets = await job.store.offerTargets({
    from: q.from,
    to: q.to,
    area: q.area,
    keyId: job.pseudo.keyId,
    minDetailViews: job.minDetailViews,
  })
  const run: OfferRun = {
    from: q.from,
    to: q.to,
    area: q.area ?? null,
    targets: targets.length,
    sent: 0,
    optedOut: 0,
    alreadyOffered: 0,
    capped: 0,
    notEligible: 0,
    unreachable: 0,
    failed: 0,
  }
  // One household's pushes go one after another, so the BOSS counts its cap in order.
  const byHousehold = new Map<string, OfferTarget[]>()
  for (const t of targets) byHousehold.set(t.household, [...(byHousehold.get(t.household) ?? []), t])
  const queue = [...byHousehold.values()]
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const t of next) {
        const customerId = job.pseudo.open(t.contact)
        if (!customerId) {
          run.unreachable += 1
          continue
        }
        try {
          const outcome = await job.offers.push(customerId, t.product, pushIdOf(t, q.day), Math.min(job.cap, 30))
          run[COUNTED[outcome]] += 1
        } catch (err) {
          run.failed += 1
          job.logger.warn({ err, product: t.product }, 'offer push failed')
        }
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  job.logger.info({ ...run }, 'targeted offers sent')
  return run
}
