/**
 * "Why did my bill change?": what differs between a bill and the month before, in the words a viewer
 * asks about: packages added or dropped, fees that changed, one-off purchases, adjustments. Lines are
 * matched by `itemKey` (product, title or adjustment code), never by name, so a renamed product is not
 * mistaken for a new one. All amounts stay integer fen.
 */
import type { BillDetail, BillLine, BillLineKind } from '../../contract/index.ts'
import { sumFen } from './format.ts'

export type BillChangeKind =
  /** A recurring charge (package, maintenance) that is new this month. */
  | 'added'
  /** A recurring charge of last month that is gone. */
  | 'removed'
  /** The same recurring charge at a different amount. */
  | 'changed'
  /** A pay-per-view / VOD purchase of this month. */
  | 'purchase'
  /** Last month's purchase, not repeated: why a bill goes down. */
  | 'purchaseBefore'
  /** Adjustments, discounts and other one-off amounts that differ. */
  | 'adjustment'

export interface BillChange {
  kind: BillChangeKind
  itemKey: string
  /** This month's name when there is one, else last month's (the BOSS's Chinese and English wording). */
  name: string
  nameEn: string
  lineKind: BillLineKind
  beforeFen: number
  afterFen: number
  /** afterFen - beforeFen: what this change adds to (or takes off) the bill. */
  deltaFen: number
}

export interface BillComparison {
  changes: BillChange[]
  previousTotalFen: number
  currentTotalFen: number
  totalDeltaFen: number
}

interface Entry {
  name: string
  nameEn: string
  kind: BillLineKind
  fen: number
}

const RECURRING: BillLineKind[] = ['maintenance', 'package']
const ORDER: BillChangeKind[] = ['added', 'removed', 'changed', 'purchase', 'purchaseBefore', 'adjustment']

/** Lines by itemKey; a key seen twice (two adjustments with one code) counts once with its amounts summed. */
function byKey(lines: readonly BillLine[]): Map<string, Entry> {
  const out = new Map<string, Entry>()
  for (const l of lines) {
    const seen = out.get(l.itemKey)
    if (seen) seen.fen = sumFen(seen.fen, l.amountFen)
    else out.set(l.itemKey, { name: l.name, nameEn: l.nameEn, kind: l.kind, fen: l.amountFen })
  }
  return out
}

function classify(kind: BillLineKind, before: Entry | undefined, after: Entry | undefined): BillChangeKind | null {
  if (kind === 'ppv') return after ? 'purchase' : 'purchaseBefore'
  if (RECURRING.indexOf(kind) >= 0) {
    if (!before) return 'added'
    if (!after) return 'removed'
    return before.fen === after.fen ? null : 'changed'
  }
  const b = before ? before.fen : 0
  const a = after ? after.fen : 0
  return a === b ? null : 'adjustment'
}

const abs = (n: number) => (n < 0 ? -n : n)

/**
 * Differences from `previous` to `current`, grouped (added, removed, changed, purchases, adjustments)
 * and, within a group, biggest amount first. Unchanged lines are left out: the list answers "what changed".
 */
export function compareBills(current: BillDetail, previous: BillDetail): BillComparison {
  const before = byKey(previous.lines)
  const after = byKey(current.lines)
  const keys: string[] = []
  after.forEach((_v, k) => keys.push(k))
  before.forEach((_v, k) => {
    if (!after.has(k)) keys.push(k)
  })
  const changes: BillChange[] = []
  for (const key of keys) {
    const b = before.get(key)
    const a = after.get(key)
    const ref = a || b
    if (!ref) continue // every key came from one of the two bills
    const kind = classify(ref.kind, b, a)
    if (!kind) continue
    const beforeFen = b ? b.fen : 0
    const afterFen = a ? a.fen : 0
    changes.push({
      kind,
      itemKey: key,
      name: ref.name,
      nameEn: ref.nameEn,
      lineKind: ref.kind,
      beforeFen,
      afterFen,
      deltaFen: sumFen(afterFen, -beforeFen),
    })
  }
  changes.sort(
    (x, y) =>
      ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) ||
      abs(y.deltaFen) - abs(x.deltaFen) ||
      (x.itemKey < y.itemKey ? -1 : 1),
  )
  return {
    changes,
    previousTotalFen: previous.totalFen,
    currentTotalFen: current.totalFen,
    totalDeltaFen: sumFen(current.totalFen, -previous.totalFen),
  }
}

/** `2026-03` → `2026-02`: the billing month a bill is compared with. */
export function previousMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return ''
  let y = Number(m[1])
  let n = Number(m[2]) - 1
  if (n === 0) {
    n = 12
    y--
  }
  return y + '-' + (n < 10 ? '0' : '') + n
}
