/**
 * 我的工单: pending ones first, then the BOSS's, newest first. The list refreshes while on screen, so
 * a ticket's status moves on without the viewer doing anything; rows are updated in place to keep focus.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { TicketSummary } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import RecordRow, { RECORD_H, type RowContent } from '../components/RecordRow.ts'
import { formatDate } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { repairApi } from '../lib/repairApi.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { ticketNumber } from '../lib/ticketTimeline.ts'
import { categoryName } from '../lib/ticketFormText.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const W = 1728
const REFRESH_MS = 4000

export function statusName(status: string): string {
  return t(('messages.ticketStatus.' + status) as TKey)
}

function ticketRow(x: TicketSummary): RowContent {
  const open = x.status !== 'closed' && x.status !== 'cancelled' && x.status !== 'resolved'
  return {
    title: categoryName(x.category),
    detail: ticketNumber(x) + '  ·  ' + statusName(x.status) + '  ·  ' + formatDate(x.createdAt, currentLanguage()),
    detailColor: open ? Colors.warning : Colors.textMuted,
    fen: null,
  }
}

export default class MyTicketsPage extends HallPage {
  private _items: TicketSummary[] = []
  private _timer: ReturnType<typeof setTimeout> | null = null

  static override _template(): PageTemplate {
    return frame({
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
        style: { itemSpacing: 12 },
      },
      TicketsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load(false)
    this.render()
  }

  override _onMounted(): void {
    this.load(false)
  }

  override _onChanged(): void {
    this.load(true)
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
    loadScreen(
      this,
      () => repairApi.tickets(),
      (res) => {
        this._show(res.items)
        this.tag('TicketNote').text = textPatch(res.bossAvailable ? '' : t('tickets.bossDown'), {
          fontSize: FontSize.small,
          textColor: Colors.warning,
        })
        this._schedule()
      },
      { reset, failed, quiet, loadingState: false },
    )
  }

  private _schedule(): void {
    this._timer = setTimeout(() => {
      if (Router.getActivePage() === (this as unknown)) this.load(true)
    }, REFRESH_MS)
  }

  private _show(items: TicketSummary[]): void {
    const list = this.tag('TicketList')
    const sameTickets =
      items.length === this._items.length &&
      items.every((x, i) => x.reference === this._items[i].reference && x.ticketId === this._items[i].ticketId)
    this._items = items
    if (sameTickets) {
      ;(list.items as RecordRow[]).forEach((row, i) => (row.record = ticketRow(items[i])))
    } else {
      const was = list.items.length ? (list.selectedIndex as number) : 0
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
    this.tag('TicketsEmpty').visible = !items.length
    this._setState(items.length ? 'Ready' : 'Empty')
  }

  render(): void {
    this.title = t('tickets.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    ;(this.tag('TicketsEmpty') as EmptyState).message = t('tickets.empty')
    this.errorState.render()
    ;(this.tag('TicketList').items as RecordRow[]).forEach((row, i) => (row.record = ticketRow(this._items[i])))
  }

  static override _states() {
    return [
      class Ready extends this {
        override _getFocused() {
          return this.tag('TicketList')
        }
        override _handleEnter(): boolean {
          const x = this._items[this.tag('TicketList').selectedIndex as number]
          if (x) Router.navigate('repair/tickets/' + ticketNumber(x))
          return true
        }
      },
      class Empty extends this {},
      failedState(this),
    ]
  }
}
