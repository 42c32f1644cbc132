/**
 * Usage events from the box: which screens are seen, key flows started, finished or abandoned, self-help
 * outcomes and errors shown. Recording is a push into memory; batches leave in the background on a timer
 * (never in a key press's path, never during boot), are dropped rather than kept when the box is offline
 * for long, and stop at once when the viewer switches them off in Settings.
 *
 * Nothing a viewer types can leave: events are built here from named fields only, and every value must be
 * a name (a letter first, no spaces, no run of 5 digits: the contract's UsageName), or it is left out.
 */
import { UsagePath } from '../../contract/apiPath.ts'
import type { UsageBatch, UsageEvent, UsageFlow, UsageOutcome } from '../../contract/index.ts'
import { flowOfScreen, type ScreenStep } from './usageFlows.ts'

// Literal copies checked against the contract (importing its values would pull TypeBox into the TV bundle).
export const USAGE_EVENTS_PATH = UsagePath.events
/** The contract's UsageName pattern (a unit test holds them equal). */
export const NAME_PATTERN = '^(?!.*[0-9]{5})[A-Za-z][A-Za-z0-9_.:/-]{0,47}$'
const NAME = new RegExp(NAME_PATTERN)
const NAME_FIELDS = ['screen', 'step', 'symptom', 'category', 'code', 'product', 'method'] as const
type NameField = (typeof NAME_FIELDS)[number]

export interface UsageOptions {
  send: (batch: UsageBatch) => Promise<unknown>
  /** The viewer's switch in Settings (read at every record and send). */
  enabled: () => boolean
  /** False until the box has a session: nothing is sent before (a send would open one during boot). */
  ready: () => boolean
  now?: () => number
  newId?: () => string
  setTimer?: (fn: () => void, ms: number) => unknown
  /** First send this long after start: the boot and the first screens go undisturbed. */
  firstSendMs?: number
  everyMs?: number
  /** Events a batch carries (well under the BFF's 50 and its 16 KB body limit). */
  batchSize?: number
  /** Events kept at most while sending fails; the oldest go first. */
  maxKept?: number
  /** Events older than this are dropped, not sent: an offline box does not hoard. */
  maxAgeMs?: number
}

export type UsageFields = Partial<Pick<UsageEvent, NameField | 'amountFen'>>

/** A status the BFF will never accept on a resend: the batch is dropped, not retried. */
const isRefusal = (e: unknown) => {
  const status: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'status') : undefined
  return (
    typeof status === 'number' && status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429
  )
}

export class UsageRecorder {
  readonly session: string
  private readonly o: Required<UsageOptions>
  private queue: UsageEvent[] = []
  private retrying: UsageBatch | null = null
  private sending = false
  private failures = 0
  private active: { flow: UsageFlow; step: string; product?: string } | null = null
  private symptom: string | undefined

  constructor(options: UsageOptions) {
    this.o = {
      now: () => Date.now(),
      newId: () => Math.random().toString(36).slice(2, 12) + Date.now().toString(36),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      firstSendMs: 30_000,
      everyMs: 30_000,
      batchSize: 20,
      maxKept: 200,
      maxAgeMs: 30 * 60_000,
      ...options,
    }
    this.session = this.o.newId()
    this.o.setTimer(() => this.tick(), this.o.firstSendMs)
  }

  /** One screen shown (its route pattern); it also moves the flow the screen belongs to, or ends the open one. */
  screen(path: string, params: Record<string, string> = {}): void {
    if (!this.o.enabled()) return
    this.record('screen', { screen: path })
    const s: ScreenStep | null = flowOfScreen(path, params)
    if (s && s.symptom) this.symptom = s.symptom
    const a = this.active
    if (a && (!s || s.flow !== a.flow) && !(s && s.neutral)) this.abandon()
    if (!s || s.neutral) return
    if (!this.active) {
      this.active = { flow: s.flow, step: s.step, product: s.product }
      this.record('flow', {
        flow: s.flow,
        outcome: 'started',
        step: s.step,
        product: s.product,
        method: s.method,
        symptom: s.symptom,
        category: s.category,
      })
    } else {
      this.active = { flow: s.flow, step: s.step, product: s.product || this.active.product }
      this.record('flow', {
        flow: s.flow,
        outcome: 'step',
        step: s.step,
        product: this.active.product,
        method: s.method,
        symptom: s.symptom,
        category: s.category,
      })
    }
  }

  /** A step inside a screen (the PIN pad of an order). */
  step(flow: UsageFlow, step: string): void {
    if (!this.o.enabled() || !this.active || this.active.flow !== flow) return
    this.active.step = step
    this.record('flow', { flow, outcome: 'step', step, product: this.active.product })
  }

  /** A flow done: the order placed, the top-up paid, the ticket or complaint filed, the rating given. */
  finished(flow: UsageFlow, fields: UsageFields = {}): void {
    if (!this.o.enabled()) return
    const product = fields.product || (this.active && this.active.flow === flow ? this.active.product : undefined)
    this.record('flow', { ...fields, flow, outcome: 'finished', step: 'done', product })
    if (flow === 'fault' && this.symptom) this.record('selfhelp', { outcome: 'ticket', symptom: this.symptom })
    if (this.active && this.active.flow === flow) this.active = null
  }

  /** Self-help: a check fixed it. */
  solved(): void {
    if (!this.o.enabled()) return
    this.record('selfhelp', { outcome: 'solved', symptom: this.symptom })
  }

  /** An error shown to the viewer, by its code. */
  error(code: string, screen?: string): void {
    if (!this.o.enabled()) return
    this.record('error', { code, screen })
  }

  /** What is waiting to be sent (tests). */
  pending(): number {
    return this.queue.length + (this.retrying ? this.retrying.events.length : 0)
  }

  private abandon(): void {
    const a = this.active
    this.active = null
    if (a) this.record('flow', { flow: a.flow, outcome: 'abandoned', step: a.step, product: a.product })
  }

  private record(type: UsageEvent['type'], fields: UsageFields & { flow?: UsageFlow; outcome?: UsageOutcome }): void {
    const event: UsageEvent = { id: this.o.newId(), at: new Date(this.o.now()).toISOString(), type }
    if (fields.flow) event.flow = fields.flow
    if (fields.outcome) event.outcome = fields.outcome
    for (const f of NAME_FIELDS) {
      const v = fields[f]
      if (typeof v === 'string' && NAME.test(v)) event[f] = v
    }
    if (
      typeof fields.amountFen === 'number' &&
      fields.amountFen >= 0 &&
      fields.amountFen <= 10_000_000 &&
      Math.floor(fields.amountFen) === fields.amountFen
    ) {
      event.amountFen = fields.amountFen
    }
    // Without its name an event says nothing (and the BFF would refuse the whole batch for it).
    if ((type === 'screen' && !event.screen) || (type === 'error' && !event.code)) return
    this.queue.push(event)
    if (this.queue.length > this.o.maxKept) this.queue.splice(0, this.queue.length - this.o.maxKept)
  }

  private tick(): void {
    this.flush().then(
      () => this.o.setTimer(() => this.tick(), this.o.everyMs * Math.min(8, 2 ** this.failures)),
      () => this.o.setTimer(() => this.tick(), this.o.everyMs),
    )
  }

  /** Send what is waiting, one batch at a time; a failed batch is sent again with the same id (stored once). */
  async flush(): Promise<void> {
    if (this.sending) return
    if (!this.o.enabled()) {
      this.queue = []
      this.retrying = null
      this.active = null
      return
    }
    const oldest = this.o.now() - this.o.maxAgeMs
    const fresh = (e: UsageEvent) => Date.parse(e.at) >= oldest
    this.queue = this.queue.filter(fresh)
    if (this.retrying) {
      this.retrying.events = this.retrying.events.filter(fresh)
      if (this.retrying.events.length === 0) this.retrying = null
    }
    if (!this.o.ready()) return
    this.sending = true
    try {
      while (this.o.enabled()) {
        const batch = this.retrying || this.nextBatch()
        if (!batch) break
        this.retrying = batch
        batch.sentAt = new Date(this.o.now()).toISOString()
        try {
          await this.o.send(batch)
        } catch (e) {
          if (!isRefusal(e)) {
            this.failures += 1
            return
          }
        }
        this.retrying = null
        this.failures = 0
      }
    } finally {
      this.sending = false
    }
  }

  private nextBatch(): UsageBatch | null {
    if (this.queue.length === 0) return null
    const events = this.queue.splice(0, this.o.batchSize)
    return { batchId: this.o.newId(), session: this.session, sentAt: '', events }
  }
}
