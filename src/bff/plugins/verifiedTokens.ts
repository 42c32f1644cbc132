import { LRUCache } from 'lru-cache'

/**
 * Access tokens whose signature and claims were checked, kept by the token string itself. Every box sends the
 * same token for minutes; decoding and the HMAC were the largest share of the BFF's own CPU per request, and then
 * fast-jwt's own cache, keyed by a SHA-256 of the token, cost ≈ 3 % of it in hashing alone (issue 22). A
 * string key needs no hash of ours: only the exact token that was verified finds its entry, and an entry lives
 * at most until the token's `exp` (and `maxAgeMs`). Only this check is kept: revocation is read per request.
 */
export class VerifiedTokens<T extends { exp: number }> {
  readonly #cache: LRUCache<string, T>
  readonly #verify: (token: string) => T
  readonly #maxAgeMs: number

  /** `verify` throws for a token that is not good; what it returns is shared by every request with that token. */
  constructor(verify: (token: string) => T, opts: { max: number; maxAgeMs: number }) {
    this.#verify = verify
    this.#maxAgeMs = opts.maxAgeMs
    this.#cache = new LRUCache({ max: opts.max, ttl: opts.maxAgeMs })
  }

  /** The checked claims of `token`; throws what `verify` throws (nothing is kept for a bad token). */
  check(token: string): T {
    const seen = this.#cache.get(token)
    if (seen !== undefined) return seen
    const claims = this.#verify(token)
    const ttl = Math.min(this.#maxAgeMs, claims.exp * 1000 - Date.now())
    if (ttl > 0) this.#cache.set(token, claims, { ttl })
    return claims
  }
}
