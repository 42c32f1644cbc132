import type { FastifyBaseLogger as BaseLogger } from 'fastify'
import type { OutboxMessage, Store } from '../store/store.ts'

/**
 * Forwards outbox messages (reports the BOSS has not yet taken) in the background, with backoff while
 * the BOSS is down. A message leaves the outbox only after its handler succeeded, so a crash at any
 * point means it is tried again later; handlers make that safe (stable serials, query before resend).
 */

export type DeliveryOutcome =
  /** Delivered: remove from the outbox. */
  | { kind: 'done'; result: unknown }
  /** Worth trying again later (BOSS down, slow, busy). `stopBatch`: the BOSS is down, spare the rest of the batch. */
  | { kind: 'retry'; reason: string; stopBatch: boolean }
  /** The BOSS refuses it for good; kept (parked) for a person to look at, tried again rarely. */
  | { kind: 'park'; reason: string }

export type DeliveryHandler = (message: OutboxMessage) => Promise<DeliveryOutcome>

export interface DelivererOptions {
  store: Store
  handlers: Record<string, DeliveryHandler>
  logger: BaseLogger
  /** Longest wait between two attempts of one message. */
  maxDelaySeconds: number
  /** First retry after this; doubles per attempt up to maxDelaySeconds. */
  baseDelaySeconds?: number
  batchSize?: number
  /** A leased message reappears after this if its worker died mid-delivery. */
  leaseSeconds?: number
  /** Poll interval when idle (new messages also wake it at once via kick()). */
  idleMs?: number
  parkSeconds?: number
}

type Waiter = (outcome: { delivered: true; result: unknown } | { delivered: false }) => void

export function backoffSeconds(attempts: number, base: number, max: number, random = Math.random): number {
  const plain = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
  // Full jitter on the upper half: many boxes' reports do not hit a recovering BOSS in one wave.
  return plain / 2 + (random() * plain) / 2
}

export class OutboxDeliverer {
  readonly #o: Required<Omit<DelivererOptions, 'handlers' | 'store' | 'logger'>> & DelivererOptions
  #running = false
  #loop: Promise<void> | null = null
  #wake: (() => void) | null = null
  #kicked = false
  readonly #waiters = new Map<number, Set<Waiter>>()

  constructor(opts: DelivererOptions) {
    this.#o = { baseDelaySeconds: 0.5, batchSize: 20, leaseSeconds: 60, idleMs: 1000, parkSeconds: 3600, ...opts }
  }

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  /** Stops after the batch in flight (nothing is cut off mid-call); undelivered messages stay in the outbox. */
  async stop(): Promise<void> {
    this.#running = false
    this.#wake?.()
    await this.#loop
    for (const [, set] of this.#waiters) for (const w of set) w({ delivered: false })
    this.#waiters.clear()
  }

  /** Something was enqueued: look now rather than at the next poll. */
  kick(): void {
    this.#kicked = true
    this.#wake?.()
  }

  /** Resolves when this message is delivered, or with delivered: false when its attempt failed or time ran out. */
  waitFor(id: number, timeoutMs: number): Promise<{ delivered: true; result: unknown } | { delivered: false }> {
    if (!this.#running) return Promise.resolve({ delivered: false })
    return new Promise((resolve) => {
      const set = this.#waiters.get(id) ?? new Set<Waiter>()
      this.#waiters.set(id, set)
      const timer = setTimeout(() => done({ delivered: false }), timeoutMs)
      const done: Waiter = (outcome) => {
        clearTimeout(timer)
        set.delete(done)
        if (set.size === 0) this.#waiters.delete(id)
        resolve(outcome)
      }
      set.add(done)
    })
  }

  #notify(id: number, outcome: Parameters<Waiter>[0]): void {
    for (const w of [...(this.#waiters.get(id) ?? [])]) w(outcome)
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let worked = false
      try {
        worked = await this.#batch()
      } catch (err) {
        this.#o.logger.error({ err }, 'outbox: delivery round failed')
      }
      if (!this.#running) break
      if (!worked && !this.#kicked) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.#o.idleMs)
          this.#wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        this.#wake = null
      }
      this.#kicked = false
    }
  }

  /** One lease of due messages; true when there was anything to do. */
  async #batch(): Promise<boolean> {
    const { store, handlers, logger } = this.#o
    const messages = await store.lease(this.#o.batchSize, this.#o.leaseSeconds)
    if (messages.length === 0) return false
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]
      const handler = handlers[m.topic]
      let outcome: DeliveryOutcome
      try {
        outcome = handler ? await handler(m) : { kind: 'park', reason: `no handler for topic ${m.topic}` }
      } catch (err) {
        logger.error({ err, outboxId: m.id, topic: m.topic }, 'outbox: handler failed unexpectedly')
        outcome = { kind: 'retry', reason: 'handler error', stopBatch: false }
      }
      if (outcome.kind === 'done') {
        await store.ack(m.id)
        logger.info({ outboxId: m.id, topic: m.topic, attempts: m.attempts }, 'outbox: delivered')
        this.#notify(m.id, { delivered: true, result: outcome.result })
        continue
      }
      if (outcome.kind === 'park') {
        logger.error(
          { outboxId: m.id, topic: m.topic, reason: outcome.reason },
          'outbox: BOSS refuses this message; parked',
        )
        await store.retry(m.id, this.#o.parkSeconds)
        this.#notify(m.id, { delivered: false })
        continue
      }
      const rest = outcome.stopBatch ? messages.slice(i) : [m]
      for (const r of rest) {
        await store.retry(r.id, backoffSeconds(r.attempts, this.#o.baseDelaySeconds, this.#o.maxDelaySeconds))
        this.#notify(r.id, { delivered: false })
      }
      logger.warn(
        { outboxId: m.id, topic: m.topic, attempts: m.attempts, reason: outcome.reason, postponed: rest.length },
        'outbox: delivery postponed',
      )
      if (outcome.stopBatch) break
    }
    return true
  }
}
