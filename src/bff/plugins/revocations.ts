import { randomUUID } from 'node:crypto'
import type { Store } from '../store/store.ts'

/** Changes to a new random value after every revocation, on whichever instance made it. */
const VERSION_KEY = 'revocations-version'
/** Past this many remembered entries the view starts again from empty (a bound, not an eviction policy). */
const MAX_REMEMBERED = 20_000

/**
 * One token's revocation entries, named once per token, and the version of the list under which they last let
 * it in: while the version stays the same, nothing was revoked anywhere, so the token's requests read the
 * version only (no key strings, arrays or entry look-ups per request; ≈ 1.6 KB per answer in the profile).
 */
export interface RevocationCheck {
  readonly keys: readonly string[]
  /** Whether the token is still good given its entries' values (null: no such revocation), in `keys`' order. */
  readonly letIn: (values: (string | null)[]) => boolean
  /** undefined until the entries first let the token in. */
  clearedUnder?: string | null
}

/**
 * The revocation list as this instance last read it. Every request reads one thing from the store, the list's
 * version; only when it has changed (a revocation anywhere, on any instance sharing the store) are the entries
 * read again. Three store reads per request became one (three SELECTs in SQLite, three scripts in Redis).
 *
 * Exact, not eventually consistent: a revocation writes its entry first and the new version after, and returns
 * only then; a request that reads the version after that return sees the new version, drops what it remembered
 * and reads the entry itself. Versions are random, never reused, so a change cannot go unseen. Entries only ever
 * expire after every token they could end has expired, so remembering one past its expiry refuses nothing good.
 */
export class Revocations {
  readonly #store: Store
  readonly #keepSeconds: number
  /** undefined until the first read; null while no revocation was ever made (or the version expired). */
  #version: string | null | undefined = undefined
  readonly #seen = new Map<string, string | null>()

  /** `keepSeconds`: how long the longest-lived revocation entry is kept. */
  constructor(store: Store, keepSeconds: number) {
    this.#store = store
    this.#keepSeconds = keepSeconds
  }

  /** Record a revocation entry, then announce it to every instance's view. */
  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.#store.putValue(key, value, ttlSeconds)
    // Outlives every entry written before it, so it never expires back to a value a view could hold.
    await this.#store.putValue(VERSION_KEY, randomUUID(), this.#keepSeconds + 1)
  }

  /** The current values of `keys` (null: no such revocation). */
  async read(keys: readonly string[]): Promise<(string | null)[]> {
    return this.#values(this.#saw(await this.#store.getValue(VERSION_KEY)), keys)
  }

  /**
   * Whether `check`'s token is still let in. One store read (the version) while the list is as it was when the
   * token was last let in; its entries again after any revocation.
   */
  async letsIn(check: RevocationCheck): Promise<boolean> {
    // Read here, not in a helper of its own: one async step and its promise per request instead of two.
    const version = this.#saw(await this.#store.getValue(VERSION_KEY))
    if (check.clearedUnder === version) return true
    const ok = check.letIn(await this.#values(version, check.keys))
    // Under `version` exactly: a revocation since then changed the version, so the next request looks again.
    if (ok) check.clearedUnder = version
    return ok
  }

  /** The version just read from the store; what was remembered under another one is forgotten. */
  #saw(version: string | null): string | null {
    if (version !== this.#version || this.#seen.size > MAX_REMEMBERED) {
      this.#seen.clear()
      this.#version = version
    }
    return version
  }

  async #values(version: string | null, keys: readonly string[]): Promise<(string | null)[]> {
    const missing = keys.filter((k) => !this.#seen.has(k))
    if (missing.length > 0) {
      const values = await Promise.all(missing.map((k) => this.#store.getValue(k)))
      // Read under `version`: remembered only if no newer version was seen meanwhile.
      if (this.#version === version) missing.forEach((k, i) => this.#seen.set(k, values[i]))
      const fresh = new Map(missing.map((k, i) => [k, values[i]]))
      return keys.map((k) => (fresh.has(k) ? (fresh.get(k) ?? null) : (this.#seen.get(k) ?? null)))
    }
    return keys.map((k) => this.#seen.get(k) ?? null)
  }
}
