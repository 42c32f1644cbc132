import { inside, type Box } from './crawl.ts'
import { expect } from 'vitest'
import type { RemoteKey, Tv } from './tv.ts'

// The crawler's screen rules, asked of one screen in a scripted test: the focused item grown (not shown by
// colour alone) and inside the title-safe area, and every drawn text inside it.

interface Scanned {
  focused: (Box & { ref?: string; scale: number }) | null
  texts: (Box & { text: string; ref?: string })[]
}

const scan = (tv: Tv): Promise<Scanned> =>
  tv.page.evaluate(() => (window as unknown as { __tvhall: { scan: () => Scanned } }).__tvhall.scan())

/**
 * The focused item once its focus animation has ended: two looks 150 ms apart agree and it has grown, or
 * it has not changed for 600 ms (a slow stage can draw no frame between two looks in the middle of the
 * transition, so agreeing twice on a half-grown focus is not the end of it).
 */
export async function settledFocus(tv: Tv): Promise<NonNullable<Scanned['focused']>> {
  let last = (await scan(tv)).focused
  let sameSince = Date.now()
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 150))
    const now = (await scan(tv)).focused
    const same =
      now &&
      last &&
      now.ref === last.ref &&
      Math.abs(now.scale - last.scale) < 0.001 &&
      Math.abs(now.x1 - last.x1) < 0.5
    if (!same) sameSince = Date.now()
    else if (now.scale >= 1.02 || Date.now() - sameSince >= 600) return now
    last = now
  }
  throw new Error('focus did not settle: ' + JSON.stringify(last))
}

/** Waits until a text starting with `prefix` is drawn (has a size) on screen. */
export async function waitForDrawn(tv: Tv, prefix: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout
  while (!(await scan(tv)).texts.some((t) => t.text.startsWith(prefix) && t.x2 > t.x1 && t.y2 > t.y1)) {
    if (Date.now() > until) throw new Error(`no text "${prefix}…" drawn`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Texts drawn outside the title-safe area, as "text (ref) at x1,y1-x2,y2". */
export async function textsOutsideSafeArea(tv: Tv): Promise<string[]> {
  const { texts } = await scan(tv)
  return texts
    .filter((t) => t.x2 > t.x1 && t.y2 > t.y1 && !inside(t))
    .map(
      (t) =>
        `${t.text.slice(0, 30)} (${t.ref}) at ${Math.round(t.x1)},${Math.round(t.y1)}-${Math.round(t.x2)},${Math.round(t.y2)}`,
    )
}

export { inside }

/** Each key moves the focus to its ref, which grows a little (focus not by colour alone) inside the title-safe area. */
export async function expectFocusGrows(tv: Tv, moves: readonly (readonly [RemoteKey, string])[]): Promise<void> {
  for (const [key, ref] of moves) {
    await tv.press(key)
    const focused = await settledFocus(tv)
    expect(focused.ref).toBe(ref)
    expect(focused.scale).toBeGreaterThanOrEqual(1.02)
    expect(inside(focused)).toBe(true)
  }
}
