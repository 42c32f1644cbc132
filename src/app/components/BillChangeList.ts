/**
 * "Why did my bill change": the total's difference from last month in one line, then each change
 * (package added or dropped, purchases, adjustments) with what it adds or takes off. A short list that
 * scrolls when focused.
 */
import { Lightning } from '@lightningjs/sdk'
import type { BillDetail } from '../../contract/index.ts'
import { api } from '../lib/backend.ts'
import { compareBills, previousMonth, type BillChange, type BillComparison } from '../lib/billChange.ts'
import { lineName } from '../lib/billText.ts'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { Colors, FontSize, ROW_FOCUS_SCALE, textPatch } from '../lib/theme.ts'
import HallColumn from './HallColumn.ts'
import RecordRow, { RECORD_H, type RowContent } from './RecordRow.ts'
import { rowOverhang } from '../lib/rowLook.ts'

const W = 800
/** Rows are inset so a focused one can grow (it is narrower than the safe area) and stay inside W. */
const PAD = rowOverhang(W)

export type ChangeView =
  { kind: 'loading' } | { kind: 'none' } | { kind: 'unavailable' } | { kind: 'compared'; comparison: BillComparison }

export function changeRow(c: BillChange): RowContent {
  return {
    title: t(`billChange.${c.kind}`, {
      name: lineName({ kind: c.lineKind, name: c.name, nameEn: c.nameEn }),
    }),
    fen: c.deltaFen,
    signed: true,
    amountColor: c.deltaFen > 0 ? Colors.danger : c.deltaFen < 0 ? Colors.ok : Colors.text,
  }
}

export function totalLine(c: BillComparison): string {
  const d = c.totalDeltaFen
  if (d === 0) return t('billChange.same')
  return t(d > 0 ? 'billChange.up' : 'billChange.down', { amount: formatFen(d > 0 ? d : -d) })
}

export interface BillChangeListSpec extends Lightning.Component.TemplateSpec {
  ChangeHeading: object
  BillChangeTotal: object
  ChangeRows: typeof HallColumn
}

/** What the total line says: how the total moved, or why there is nothing to compare. */
function summary(v: ChangeView): { line: string; color: number } {
  if (v.kind === 'loading') return { line: t('billChange.loading'), color: Colors.textMuted }
  if (v.kind === 'none') return { line: t('billChange.noPrevious'), color: Colors.textMuted }
  if (v.kind === 'unavailable') return { line: t('billChange.unavailable'), color: Colors.textMuted }
  const c = v.comparison
  const line = totalLine(c) + (c.changes.length ? '' : '  ' + t('billChange.none'))
  return { line, color: c.totalDeltaFen > 0 ? Colors.warning : Colors.text }
}

export default class BillChangeList
  extends Lightning.Component<BillChangeListSpec>
  implements Lightning.Component.ImplementTemplateSpec<BillChangeListSpec>
{
  private _view: ChangeView = { kind: 'loading' }
  /** Bumped by each comparison, so a late answer for an earlier bill is dropped. */
  private _generation = 0

  static override _template(): Lightning.Component.Template<BillChangeListSpec> {
    return {
      w: W,
      h: 420,
      ChangeHeading: { text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      BillChangeTotal: { y: 60, text: textPatch('', { fontSize: FontSize.body }) },
      ChangeRows: {
        type: HallColumn,
        y: 110,
        w: W,
        h: 4 * (RECORD_H + 10) + 6,
        clipping: true,
        itemPosX: PAD,
        itemPosY: 8,
        lazyUpCount: 4,
        scrollIndex: 2,
        style: { itemSpacing: 10 },
      },
    }
  }

  /**
   * Compares `bill` with the month before, from the bills list (a deep-linked bill has no list to come
   * from). It loads after the bill, so a slow or failing previous month never holds the bill back.
   */
  compare(bill: BillDetail): void {
    const generation = ++this._generation
    const show = (v: ChangeView) => {
      if (generation === this._generation) this.view = v
    }
    show({ kind: 'loading' })
    const month = previousMonth(bill.month)
    api()
      .getBills({ limit: 50 })
      .then((page) => {
        const prev = page.items.find((b) => b.month === month)
        if (!prev) return show({ kind: 'none' })
        return api()
          .getBill(prev.billId)
          .then((previous) => show({ kind: 'compared', comparison: compareBills(bill, previous) }))
      })
      .catch(() => show({ kind: 'unavailable' }))
  }

  set view(v: ChangeView) {
    this._view = v
    this.render()
  }

  /** True when there are rows to move through. */
  get hasRows(): boolean {
    return this._view.kind === 'compared' && this._view.comparison.changes.length > 0
  }

  render(): void {
    const v = this._view
    this.tag('ChangeHeading')!.text = textPatch(t('billChange.title'), {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
    })
    const { line, color } = summary(v)
    this.tag('BillChangeTotal')!.text = textPatch(line, {
      fontSize: FontSize.body,
      textColor: color,
      fontStyle: 'bold',
    })
    const changes = v.kind === 'compared' ? v.comparison.changes : []
    this.tag('ChangeRows')!.items = changes.map((c, i) => ({
      type: RecordRow,
      ref: 'ChangeRow' + i,
      w: W - 2 * PAD,
      h: RECORD_H,
      detailAt: 0.8,
      focusScale: ROW_FOCUS_SCALE,
      record: changeRow(c),
    }))
  }

  override _getFocused() {
    return this.tag('ChangeRows')
  }
}
