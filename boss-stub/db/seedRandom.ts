/**
 * A small seeded PRNG (mulberry32) so every seed run produces the very same households.
 * Math.random would make demo data drift between runs and break comparisons in tests.
 */
export type Rng = {
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T
  digits(n: number): string
  poisson(lambda: number): number
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(choices) {
      const total = choices.reduce((s, [, w]) => s + w, 0)
      let r = next() * total
      for (const [value, w] of choices) {
        r -= w
        if (r < 0) return value
      }
      return choices[choices.length - 1][0]
    },
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
    poisson(lambda) {
      // Knuth's method: fine for the small rates of VOD purchases per month.
      const limit = Math.exp(-lambda)
      let k = 0
      let p = next()
      while (p > limit) {
        k++
        p *= next()
      }
      return k
    },
  }
}
