/**
 * One bill: period, amount due, amount paid, status and due date on the left with what changed since
 * last month under them; the itemised charges (消费清单) on the right. Up/Down scroll, Left/Right move
 * between the charges and the changes. The comparison loads after the bill, so a slow or failing
 * previous month never holds the bill itself back.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import HallColumn from '../components/HallColumn.ts'
import type { BillDetail, BillSummary } from '../../contract/index.ts'
import BillChangeList, { type ChangeView } from '../components/BillChangeList.ts'
import MoneyText from '../components/MoneyText.ts'
import RecordRow, { RECORD_H } from '../components/RecordRow.ts'
import { rowOverhang } from '../lib/rowLook.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { compareBills, previousMonth } from '../lib/billChange.ts'
import { STATUS_COLOR, billStatusKey } from '../lib/billText.ts'
import { formatDate, formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { failedState, isCurrentLoad, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, ROW_FOCUS_SCALE, textPatch } from '../lib/theme.ts'

const X = 96
const LEFT_W = 800
const RIGHT_W = 800
/** The charges are narrower than the safe area, so the focused one grows: keep that much room round them. */
const PAD = rowOverhang(RIGHT_W)
const RIGHT_X = 1824 - PAD - RIGHT_W
const ROW = 64
const FIELDS: [string, TKey][] = [
  ['BillPeriod', 'billDetail.period'],
  ['BillTotal', 'billDetail.total'],
  ['BillPaid', 'billDetail.paid'],
  ['BillStatus', 'billDetail.status'],
  ['BillDue', 'billDetail.dueDate'],
]

function fieldRows(): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  FIELDS.forEach(([name], i) => {
    const y = i * ROW
    const money = name === 'BillTotal' || name === 'BillPaid'
    out[name + 'Label'] = { y: y + 4, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) }
    out[name + 'Value'] = money
      ? { type: MoneyText, x: LEFT_W, mountX: 1, y }
      : { x: LEFT_W, mountX: 1, y: y + 4, text: textPatch('--') }
  })
  return out
}

/** The bill of the month before, from the bills list (a deep-linked bill has no list to come from). */
function findPrevious(bills: BillSummary[], bill: BillDetail): BillSummary | undefined {
  const month = previousMonth(bill.month)
  for (const b of bills) if (b.month === month) return b
  return undefined
}

export default class BillDetailPage extends HallPage {
  private _bill: BillDetail | null = null
  private _billId = ''
  private _zone: 'Lines' | 'Changes' = 'Lines'

  static override _template(): PageTemplate {
    return frame({
      Content: {
        alpha: 0,
        Fields: { x: X, y: 190, ...fieldRows() },
        // y 500: its four rows end above the hints (970).
        BillChangeList: { type: BillChangeList, x: X, y: 530 },
        LinesHeading: { x: RIGHT_X, y: 184, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        NoLines: { x: RIGHT_X, y: 264, text: textPatch('', { textColor: Colors.textMuted }) },
        BillLines: {
          type: HallColumn,
          x: RIGHT_X - PAD,
          y: 244,
          w: RIGHT_W + 2 * PAD,
          h: 8 * (RECORD_H + 10) + 6,
          clipping: true,
          itemPosX: PAD,
          itemPosY: 8,
          lazyUpCount: 9,
          scrollIndex: 5,
          style: { itemSpacing: 10 },
        },
      },
    })
  }

  /** Router: `bills/:billId`. */
  override set params(p: Router.PageParams) {
    this._billId = p && p.billId ? String(p.billId) : ''
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  load(): void {
    const reset = () => (this._bill = null)
    loadScreen(
      this,
      () => api().getBill(this._billId),
      (bill, seq) => {
        this._bill = bill
        this._zone = 'Lines'
        this.render()
        this._setState('Ready')
        this._compare(bill, seq)
      },
      { reset },
    )
  }

  private _compare(bill: BillDetail, seq: number): void {
    const show = (v: ChangeView) => {
      if (isCurrentLoad(this, seq)) (this.tag('Content.BillChangeList') as BillChangeList).view = v
    }
    show({ kind: 'loading' })
    api()
      .getBills({ limit: 50 })
      .then((page) => {
        const prev = findPrevious(page.items, bill)
        if (!prev) return show({ kind: 'none' })
        return api()
          .getBill(prev.billId)
          .then((previous) => show({ kind: 'compared', comparison: compareBills(bill, previous) }))
      })
      .catch((e: unknown) => {
        errorCode(e)
        show({ kind: 'unavailable' })
      })
  }

  render(): void {
    const lang = currentLanguage()
    const b = this._bill
    this.title = b ? t('billDetail.title', { month: formatMonth(b.month, lang) }) : t('bills.title')
    this.tag('Content.LinesHeading').text = textPatch(t('billDetail.lines'), {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
    })
    this.hints = [
      ['updown', t('hint.scroll')],
      ['leftright', t('hint.pane')],
    ]
    for (const [name, key] of FIELDS)
      this.tag('Content.Fields.' + name + 'Label').text = textPatch(t(key), {
        fontSize: FontSize.body,
        textColor: Colors.textMuted,
      })
    this.errorState.render()
    ;(this.tag('Content.BillChangeList') as BillChangeList).render()
    if (!b) return
    const value = (name: string, text: string, color: number = Colors.text) =>
      (this.tag('Content.Fields.' + name + 'Value').text = textPatch(text, {
        fontSize: FontSize.body,
        textColor: color,
        fontStyle: 'bold',
      }))
    value(
      'BillPeriod',
      t('billDetail.periodValue', { start: formatDate(b.periodStart, lang), end: formatDate(b.periodEnd, lang) }),
    )
    const total = this.tag('Content.Fields.BillTotalValue') as MoneyText
    total.size = FontSize.body
    total.fen = b.totalFen
    const paid = this.tag('Content.Fields.BillPaidValue') as MoneyText
    paid.size = FontSize.body
    paid.fen = b.paidFen
    value('BillStatus', t(billStatusKey(b.status)), STATUS_COLOR[b.status])
    value('BillDue', formatDate(b.dueDate, lang), b.status === 'settled' ? Colors.text : Colors.warning)
    this.tag('Content.NoLines').text = textPatch(b.lines.length ? '' : t('billDetail.noLines'), {
      textColor: Colors.textMuted,
    })
    this.tag('Content.BillLines').items = b.lines.map((l, i) => ({
      type: RecordRow,
      ref: 'BillLine' + i,
      w: RIGHT_W,
      h: RECORD_H,
      detailAt: 0.82,
      focusScale: ROW_FOCUS_SCALE,
      record: { title: l.name, fen: l.amountFen, amountColor: l.amountFen < 0 ? Colors.ok : Colors.text },
    }))
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content').alpha = 0
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content').setSmooth('alpha', 1)
        }
        override _getFocused() {
          const changes = this.tag('Content.BillChangeList') as BillChangeList
          if (this._zone === 'Changes' && changes.hasRows) return changes
          return this._bill && this._bill.lines.length ? this.tag('Content.BillLines') : this
        }
        override _handleLeft(): boolean {
          this._zone = 'Changes'
          this._refocus()
          return true
        }
        override _handleRight(): boolean {
          this._zone = 'Lines'
          this._refocus()
          return true
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
