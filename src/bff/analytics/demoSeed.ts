import type { UsageEvent } from '../../contract/usage.ts'
import type { AcceptedBatch } from './eventStore.ts'
import type { Pseudonymizer } from './household.ts'

/**
 * A month of plausible usage for the demo (`npm start`), so the report page has something to show:
 * households check balances and bills most, some order (and give up along the funnel), top up, try
 * self-help before a ticket, complain now and then, and see an error rarely. Deterministic (seeded).
 */
export interface DemoSeedOptions {
  households: number
  days: number
  now: Date
  pseudo: Pseudonymizer
  seed?: number
}

const AREAS = ['320102', '320104', '320105', '320106', '320111', '320113']
const PRODUCTS = ['P_HD', 'P_KIDS', 'P_SPORTS', 'P_MOVIE', 'P_MOVIE_PLUS', 'P_DOC', 'P_OPERA', 'P_EDU']
const SYMPTOMS = [
  'no-signal',
  'picture',
  'no-sound',
  'channels-missing',
  'unauthorised',
  'remote',
  'stb-power',
  'smartcard',
  'broadband',
]
const COMPLAINTS = ['service', 'quality', 'billing', 'suggestion']
const ERRORS = ['BOSS_TIMEOUT', 'BOSS_UNAVAILABLE', 'NETWORK', 'RATE_LIMITED']
const AMOUNTS = [3_000, 5_000, 10_000, 20_000]

/** mulberry32: small, fast and good enough for demo data. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Draft = Omit<UsageEvent, 'id' | 'at'>

function sitting(r: () => number): Draft[] {
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]
  const e: Draft[] = [{ type: 'screen', screen: 'home' }]
  const go = (screen: string) => e.push({ type: 'screen', screen })
  const roll = r()
  if (roll < 0.38) go('balance')
  else if (roll < 0.58) {
    go('bills')
    if (r() < 0.5) go('bills/:billId')
  } else if (roll < 0.7) {
    const product = pick(PRODUCTS)
    const flow = (outcome: UsageEvent['outcome'], step: string) =>
      e.push({ type: 'flow', flow: 'order', outcome, step, product })
    go('packages')
    flow('started', 'catalogue')
    const steps: [string, number, string][] = [
      ['detail', 0.7, 'packages/:productId'],
      ['confirm', 0.55, 'order/:productId/:periodMonths'],
      ['pin', 0.8, ''],
      ['done', 0.9, ''],
    ]
    let last = 'catalogue'
    for (const [step, p, screen] of steps) {
      if (r() >= p) {
        flow('abandoned', last)
        return e
      }
      if (screen) go(screen)
      if (step === 'done')
        e.push({
          type: 'flow',
          flow: 'order',
          outcome: 'finished',
          step,
          product,
          amountFen: pick([1_500, 2_000, 3_000, 5_000]),
        })
      else flow('step', step)
      // A second look at the detail without ordering: the offer audience.
      if (step === 'detail' && r() < 0.3) flow('step', 'detail')
      last = step
    }
  } else if (roll < 0.8) {
    const method = r() < 0.4 ? 'card' : 'qr'
    go('topup')
    e.push({ type: 'flow', flow: 'topup', outcome: 'started', step: 'method' })
    go(`topup/${method}`)
    if (r() < 0.78)
      e.push({ type: 'flow', flow: 'topup', outcome: 'finished', step: 'done', method, amountFen: pick(AMOUNTS) })
    else e.push({ type: 'flow', flow: 'topup', outcome: 'abandoned', step: method })
  } else if (roll < 0.88) {
    const symptom = pick(SYMPTOMS)
    go('repair')
    go('repair/symptom/:symptomId')
    e.push({ type: 'flow', flow: 'fault', outcome: 'started', step: 'checks', symptom })
    if (r() < 0.55) {
      e.push({ type: 'selfhelp', outcome: 'solved', symptom })
      e.push({ type: 'flow', flow: 'fault', outcome: 'abandoned', step: 'checks' })
    } else {
      go('repair/report/:category')
      e.push({ type: 'flow', flow: 'fault', outcome: 'finished', step: 'done', category: symptom })
      e.push({ type: 'selfhelp', outcome: 'ticket', symptom })
    }
  } else if (roll < 0.9) {
    go('repair/complaint')
    e.push({ type: 'flow', flow: 'complaint', outcome: 'started', step: 'form' })
    if (r() < 0.6)
      e.push({ type: 'flow', flow: 'complaint', outcome: 'finished', step: 'done', category: pick(COMPLAINTS) })
    else e.push({ type: 'flow', flow: 'complaint', outcome: 'abandoned', step: 'form' })
  } else if (roll < 0.95) go('messages')
  else if (roll < 0.98) go('subscriptions')
  else go('help')
  if (r() < 0.03) e.push({ type: 'error', code: pick(ERRORS) })
  return e
}

/** The month as batches (one a sitting), ready for the store's write. */
export function demoBatches(o: DemoSeedOptions): AcceptedBatch[] {
  const r = random(o.seed ?? 20261206)
  const batches: AcceptedBatch[] = []
  const dayMs = 86_400_000
  const start = o.now.getTime() - o.days * dayMs
  for (let h = 0; h < o.households; h++) {
    const household = o.pseudo.household(`DEMO${h}`)
    const area = AREAS[h % AREAS.length]
    const keen = 0.1 + r() * 0.35
    for (let d = 0; d < o.days; d++) {
      if (r() >= keen) continue
      // Evenings mostly: 18:00-23:00 Beijing (10:00-15:00 UTC).
      let at = start + d * dayMs + (10 + r() * 5) * 3_600_000
      if (at > o.now.getTime()) continue
      const session = `demo${h}d${d}`
      const events = sitting(r).map((draft, i) => {
        at += 4_000 + Math.floor(r() * 20_000)
        return { ...draft, id: `${session}e${i}`, at: new Date(at).toISOString() }
      })
      batches.push({
        key: `${household}:${session}`,
        household,
        keyId: o.pseudo.keyId,
        area,
        session,
        receivedAt: new Date(at).toISOString(),
        events,
      })
    }
  }
  return batches
}
