import { describe, expect, it } from 'vitest'
import { LazyUsageStore } from '../../../../src/bff/analytics/lazyStore.ts'
import type { UsageStore } from '../../../../src/bff/analytics/eventStore.ts'

function fakeStore(closed: string[]): UsageStore {
  return {
    write: async (b) => b.length,
    report: async () => {
      throw new Error('not here')
    },
    offerTargets: async () => [],
    refreshRollups: async () => 0,
    enforceRetention: async () => 0,
    count: async () => 7,
    dump: async () => [],
    close: async () => void closed.push('closed'),
  }
}

describe('usage store opened on first use', () => {
  it('opens nothing until asked, once for parallel callers, and closes only what it opened', async () => {
    let opens = 0
    const closed: string[] = []
    const lazy = new LazyUsageStore(async () => (opens++, fakeStore(closed)))
    expect(lazy.opened).toBe(false)
    await lazy.close()
    expect(closed).toEqual([])
    expect(await Promise.all([lazy.count(), lazy.count(), lazy.write([])])).toEqual([7, 7, 0])
    expect(opens).toBe(1)
    await lazy.close()
    expect(closed).toEqual(['closed'])
  })

  it('tries again after a failed open', async () => {
    let tries = 0
    const lazy = new LazyUsageStore(async () => {
      if (++tries === 1) throw new Error('disk full')
      return fakeStore([])
    })
    await expect(lazy.count()).rejects.toThrow('disk full')
    expect(await lazy.count()).toBe(7)
  })
})
