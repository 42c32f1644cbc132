import type { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'
import type { AcceptedBatch, UsageStore } from './eventStore.ts'

/** Where the events route puts an accepted batch. Once `accept` resolves the batch is not lost. */
export interface UsageSink {
  accept(batch: AcceptedBatch): Promise<void>
}

/** One BFF instance: straight into its own store. */
export const directSink = (store: UsageStore): UsageSink => ({
  accept: async (batch) => {
    await store.write([batch])
  },
})

/** Several instances: into a Redis stream that the one writer reads (Redis with appendonly keeps it). */
export const streamSink = (redis: Redis, stream: string): UsageSink => ({
  accept: async (batch) => {
    await redis.xadd(stream, '*', 'batch', JSON.stringify(batch))
  },
})

type Entry = [id: string, fields: string[]]

function entriesOf(reply: unknown): Entry[] {
  // XREADGROUP: [[stream, [[id, [field, value...]]...]]] or null; XAUTOCLAIM: [next, [[id, fields]...], deleted]
  if (!Array.isArray(reply)) return []
  return reply.flatMap((s: unknown) => (Array.isArray(s) && Array.isArray(s[1]) ? (s[1] as Entry[]) : []))
}

function batchOf(entry: Entry): AcceptedBatch | null {
  const [, fields] = entry
  const at = fields ? fields.indexOf('batch') : -1
  if (at < 0 || typeof fields[at + 1] !== 'string') return null
  try {
    return JSON.parse(fields[at + 1]) as AcceptedBatch
  } catch {
    return null
  }
}

export interface StreamWriterOptions {
  /** A connection of its own: the blocking read would hold up every other command on a shared one. */
  redis: Redis
  stream: string
  group: string
  /** Stable across restarts (the host name), so a restarted writer finds what it had read and not acknowledged. */
  consumer: string
  store: UsageStore
  logger: FastifyBaseLogger
  /** Entries another consumer read and left unacknowledged this long are taken over (a writer that died). */
  claimIdleMs?: number
  blockMs?: number
  count?: number
}

/**
 * The one writer: reads the stream as a consumer group, writes each read into the store in one
 * transaction and only then acknowledges (and deletes) the entries. A crash between the write and the
 * acknowledgement re-delivers the entries on restart; the store skips batches it already holds, so
 * nothing is counted twice, and nothing is acknowledged before it is written, so nothing is lost.
 */
export class StreamWriter {
  readonly #o: Required<StreamWriterOptions>
  #running: Promise<void> | undefined
  #stopping = false

  constructor(opts: StreamWriterOptions) {
    this.#o = { claimIdleMs: 60_000, blockMs: 500, count: 200, ...opts }
  }

  async start(): Promise<void> {
    const { redis, stream, group } = this.#o
    try {
      // From the stream's start: batches added before the group existed are written too.
      await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM')
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err
    }
    this.#stopping = false
    this.#running = this.#loop()
  }

  async stop(): Promise<void> {
    this.#stopping = true
    await this.#running
  }

  /** Write and acknowledge one read's entries; answers how many entries it handled. */
  async drainOnce(which: 'pending' | 'claimed' | 'new'): Promise<number> {
    const { redis, stream, group, consumer, count } = this.#o
    let reply: unknown
    if (which === 'pending') {
      reply = await redis.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'STREAMS', stream, '0')
    } else if (which === 'claimed') {
      const claimed = await redis.xautoclaim(stream, group, consumer, this.#o.claimIdleMs, '0', 'COUNT', count)
      reply = [[stream, Array.isArray(claimed) ? claimed[1] : []]]
    } else {
      reply = await redis.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        count,
        'BLOCK',
        this.#o.blockMs,
        'STREAMS',
        stream,
        '>',
      )
    }
    const entries = entriesOf(reply).filter((e) => Array.isArray(e) && e[1] !== null)
    if (entries.length === 0) return 0
    const batches = entries.map(batchOf).filter((b): b is AcceptedBatch => b !== null)
    if (batches.length < entries.length)
      this.#o.logger.error(
        { bad: entries.length - batches.length },
        'usage stream held entries that are not batches; dropped',
      )
    await this.#o.store.write(batches)
    const ids = entries.map(([id]) => id)
    await redis
      .multi()
      .xack(stream, group, ...ids)
      .xdel(stream, ...ids)
      .exec()
    return entries.length
  }

  async #loop(): Promise<void> {
    // What this consumer read before a crash or restart comes first, then what a dead consumer left.
    let phase: 'pending' | 'claimed' | 'new' = 'pending'
    let idleReads = 0
    while (!this.#stopping) {
      try {
        const handled = await this.drainOnce(phase)
        if (handled === 0 && phase === 'pending') phase = 'claimed'
        else if (handled === 0 && phase === 'claimed') phase = 'new'
        // Now and then, look again for what another writer left behind.
        else if (handled === 0 && ++idleReads % 120 === 0) phase = 'claimed'
      } catch (err) {
        // Redis or the store is down: the entries stay in the stream; try again shortly.
        this.#o.logger.warn({ err }, 'usage writer: read or write failed; retrying')
        phase = 'pending'
        await new Promise((r) => setTimeout(r, 1_000))
      }
    }
  }
}
