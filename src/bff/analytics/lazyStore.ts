import type { UsageStore } from './eventStore.ts'

/**
 * The usage store opened on first use. DuckDB (its native library, its threads and buffers) was most of what
 * the BFF carried from start for analytics: an instance that serves only viewers' reads until the first event
 * batch or report arrives need not hold it, and an instance that never writes (USAGE_WRITER=0) never opens it.
 */
export class LazyUsageStore implements UsageStore {
  readonly #open: () => Promise<UsageStore>
  #store: Promise<UsageStore> | undefined

  constructor(open: () => Promise<UsageStore>) {
    this.#open = open
  }

  get opened(): boolean {
    return this.#store !== undefined
  }

  #get(): Promise<UsageStore> {
    if (!this.#store) {
      this.#store = this.#open()
      // A failed open is tried again by the next call, not remembered for ever.
      this.#store.catch(() => (this.#store = undefined))
    }
    return this.#store
  }

  async write(...a: Parameters<UsageStore['write']>) {
    return (await this.#get()).write(...a)
  }
  async report(...a: Parameters<UsageStore['report']>) {
    return (await this.#get()).report(...a)
  }
  async offerTargets(...a: Parameters<UsageStore['offerTargets']>) {
    return (await this.#get()).offerTargets(...a)
  }
  async refreshRollups() {
    return (await this.#get()).refreshRollups()
  }
  async enforceRetention(...a: Parameters<UsageStore['enforceRetention']>) {
    return (await this.#get()).enforceRetention(...a)
  }
  async count() {
    return (await this.#get()).count()
  }
  async dump() {
    return (await this.#get()).dump()
  }
  async close() {
    const opening = this.#store
    this.#store = undefined
    if (opening) await (await opening).close()
  }
}
