/**
 * 我的工单: pending ones first, then the BOSS's, newest first. The list refreshes while on screen, so
 * a ticket's status moves on without the viewer doing anything; rows are updated in place to keep focus.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { TicketSummary } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import RecordRow, { RECORD_H } from '../components/RecordRow.ts'
import { t } from '../lib/i18n.ts'
import { repairApi } from '../lib/repairApi.ts'
import { failedState } from '../lib/screenLoad.ts'
import { sameTickets, ticketRow } from '../lib/ticketRows.ts'
import { ticketNumber } from '../lib/ticketTimeline.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const W = 1728
const REFRESH_MS = 4000

interface MyTicketsSpec extends PageFrameSpec {
  TicketNote: object
  TicketList: typeof HallColumn
  TicketsEmpty: typeof EmptyState
}

export default class MyTicketsPage extends HallPage<MyTicketsSpec> {
  private _items: TicketSummary[] = []
  private _timer: ReturnType<typeof setTimeout> | null = null

  static override _template(): PageTemplate<MyTicketsSpec> {
    return frame<MyTicketsSpec>({
      TicketNote: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.warning }) },
      TicketList: {
        type: HallColumn,
        alpha: 0,
        x: X - 8,
        y: 226,
        w: W + 16,
        h: fitRows(730, RECORD_H, 12),
        clipping: true,
        itemPosX: 8,
        itemPosY: 8,
        scrollIndex: 5,
        itemSpacing: 12,
      },
      TicketsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _list(): HallColumn {
    return this.tag('TicketList')!
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load(false)
    this.render()
  }

  protected override visit(first: boolean): void {
    this.load(!first)
  }

  override _detach(): void {
    this._stopTimer()
  }

  private _stopTimer(): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = null
  }

  /** quiet: a refresh behind a list already shown (no spinner, failures keep the list). */
  load(quiet: boolean): void {
    const reset = () => {
      this._stopTimer()
      this.errorState.visible = false // quiet too: a refresh from a failed screen starts clean
    }
    const failed = () => {
      if (!quiet || !this._items.length) return false
      this._schedule()
      return true
    }
    const show = (res: { items: TicketSummary[]; bossAvailable: boolean }) => {
      this._show(res.items)
      const note = res.bossAvailable ? '' : t('tickets.bossDown')
      this.tag('TicketNote')!.text = textPatch(note, { fontSize: FontSize.small, textColor: Colors.warning })
      this._schedule()
    }
    this.loadData(() => repairApi.tickets(), show, { reset, failed, quiet, loadingState: false })
  }

  private _schedule(): void {
    this._timer = setTimeout(() => {
      const active: unknown = Router.getActivePage()
      if (active === this) this.load(true)
    }, REFRESH_MS)
  }

  private _show(items: TicketSummary[]): void {
    const list = this._list
    const same = sameTickets(items, this._items)
    this._items = items
    if (same) this._relabel()
    else {
      const was = list.items.length ? list.selectedIndex : 0
      list.items = items.map((x, i) => ({
        type: RecordRow,
        ref: 'TicketRow' + i,
        w: W,
        h: RECORD_H,
        detailAt: 0.3,
        record: ticketRow(x),
      }))
      if (items.length) list.selectedIndex = Math.min(was, items.length - 1)
    }
    list.setSmooth('alpha', items.length ? 1 : 0)
    this.tag('TicketsEmpty')!.visible = !items.length
    this._setState(items.length ? 'Ready' : 'Empty')
  }

  private _relabel(): void {
    this._list.items.forEach((row, i) => {
      if (row instanceof RecordRow && this._items[i]) row.record = ticketRow(this._items[i])
    })
  }

  render(): void {
    this.title = t('tickets.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('TicketsEmpty')!.message = t('tickets.empty')
    this.errorState.render()
    this._relabel()
  }

  static override _states() {
    return [
      class Ready extends this {
        override _getFocused() {
          return this._list
        }
        override _handleEnter(): boolean {
          const x = this._items[this._list.selectedIndex]
          if (x) Router.navigate('repair/tickets/' + ticketNumber(x))
          return true
        }
      },
      class Empty extends this {},
      failedState(this),
    ]
  }
}
