import type { ReportQuery, UsageEvent, UsageReport } from '../../contract/usage.ts'

/** One batch as the BFF accepted it: the household pseudonymous, the box's clock corrected. */
export interface AcceptedBatch {
  /** household + the box's batchId: the same batch written twice is stored once. */
  key: string
  /** Keyed hash of the household (see household.ts), never the customer id. */
  household: string
  /** Which household key made the hash: after a rotation old and new pseudonyms do not link. */
  keyId: string
  /** The household's area (region code), for the report's area filter. */
  area: string
  session: string
  /** The customer id sealed under the household key (household.ts), for delivering offers; never in an event row. */
  contact?: string
  receivedAt: string
  events: UsageEvent[]
}

export interface OfferQuery {
  from: string
  to: string
  area?: string
  keyId: string
  minDetailViews: number
}

export interface OfferTarget {
  household: string
  contact: string
  product: string
}

/**
 * The analytics store behind one interface: DuckDB (embedded, columnar) by default. Only one process
 * writes it; with several BFF instances the batches reach that writer through a Redis stream (sink.ts).
 */
export interface UsageStore {
  /** Store batches not stored before (by key), in one transaction; answers how many events were new. */
  write(batches: AcceptedBatch[]): Promise<number>
  report(query: Required<Pick<ReportQuery, 'from' | 'to'>> & { area?: string }): Promise<UsageReport>
  /**
   * The audience of package offers: households (with their sealed contact under the current key) that
   * opened a package's detail at least `minDetailViews` times in the range and never finished ordering it.
   */
  offerTargets(query: OfferQuery): Promise<OfferTarget[]>
  /** Rebuild the daily rollups of the days written since the last time (reports do it first anyway). */
  refreshRollups(): Promise<number>
  /** Delete events (and batch keys) older than `days` before `now`; answers how many events went. */
  enforceRetention(now: Date, days: number): Promise<number>
  /** Events stored, for tests and the health of the pipeline. */
  count(): Promise<number>
  /** Every stored event as stored, for the tests that scan for secrets. */
  dump(): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}
