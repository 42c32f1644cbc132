import type { BossStubOptions } from '../../../boss-stub/stub.ts'
import { useSeededStub } from '../../seededBoss.ts'

/**
 * One stub for a test file on a seeded database of its own in a temp folder (copied from the seed's template, not
 * seeded anew: see test/seededBoss.ts): started before its tests, removed after; `url` is read inside tests.
 */
export function useTempStub(opts: Omit<BossStubOptions, 'port' | 'dbPath'> = {}): { readonly url: string } {
  const stub = useSeededStub('boss-stub', opts)
  return {
    get url() {
      return stub.boss.url
    },
  }
}
