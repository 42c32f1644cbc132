/**
 * 工单进展: one ticket's timeline with times and notes, refreshed while on screen; beside it what can be
 * done (TicketSide): cancel an open ticket (one confirmation, "keep it" first), rate a resolved one 1-5 (回访).
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Ticket } from '../../contract/index.ts'
import TicketSide from '../components/TicketSide.ts'
import TicketTimeline from '../components/TicketTimeline.ts'
import { formatDateTime } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { openDialog, showToast } from '../lib/overlays.ts'
import { repairApi } from '../lib/repairApi.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { SendStep } from '../lib/sendStep.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { ticketNumber, timelineSteps } from '../lib/ticketTimeline.ts'
import { categoryName, ticketSummaryText, visitText } from '../lib/ticketFormText.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 120
const REFRESH_MS = 3000

interface TicketDetailSpec extends PageFrameSpec {
  Details: {
    TicketSummaryText: object
    TicketMeta: object
    Timeline: typeof TicketTimeline
    Side: typeof TicketSide
  }
}

export default class TicketDetailPage extends HallPage<TicketDetailSpec> {
  private _id = ''
  private _ticket: Ticket | null = null
  private readonly _send = new SendStep(this)
  private _timer: ReturnType<typeof setTimeout> | null = null

  static override _template(): PageTemplate<TicketDetailSpec> {
    return frame<TicketDetailSpec>({
      Details: {
        alpha: 0,
        TicketSummaryText: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.body }) },
        TicketMeta: { x: X, y: 232, text: textPatch('', { fontSize: FontSize.small }) },
        Timeline: { type: TicketTimeline, x: X, y: 290, width: 1020 },
        Side: { type: TicketSide, x: 1164, y: 290 },
      },
    })
  }

  private get _side(): TicketSide {
    return this.tag('Details.Side')!
  }

  /** Router: `repair/tickets/:ticketId` (the BOSS's number or the hall's reference). */
  override set params(p: Router.PageParams) {
    this._id = p && p.ticketId ? String(p.ticketId) : ''
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load(false)
    this._side.onRate = (stars) => this._act(() => repairApi.rateTicket(this._id, stars), '')
    this._side.onCancel = () => this._askCancel()
  }

  protected override visit(first: boolean): void {
    if (!first) this._ticket = null
    this.load(false)
  }

  override _detach(): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = null
  }

  load(quiet: boolean): void {
    const reset = () => {
      if (this._timer) clearTimeout(this._timer)
      if (!quiet) this.tag('Details')!.alpha = 0
    }
    const failed = () => {
      if (!quiet || !this._ticket) return false
      this._schedule()
      return true
    }
    loadScreen(
      this,
      () => repairApi.ticket(this._id),
      (ticket) => this._show(ticket),
      { reset, failed, quiet, loadingState: false },
    )
  }

  private _schedule(): void {
    const open = this._ticket && this._ticket.status !== 'closed' && this._ticket.status !== 'cancelled'
    if (!open) return
    this._timer = setTimeout(() => {
      if (this.onScreen) this.load(true)
    }, REFRESH_MS)
  }

  private _show(ticket: Ticket): void {
    const before = this._ticket
    this._ticket = ticket
    this.render()
    this.tag('Details')!.setSmooth('alpha', 1)
    if (!before || this._getState() !== 'Ready') this._setState('Ready')
    this._schedule()
  }

  render(): void {
    const muted = (s: string) =>
      textPatch(insertZeroWidthSpaces(s), {
        fontSize: FontSize.small,
        textColor: Colors.textMuted,
        wordWrapWidth: 1700,
        maxLines: 1,
      })
    this.hints = [
      ['updown', t('hint.scroll')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    const x = this._ticket
    if (!x) return
    this.title = t('tickets.detailTitle', { number: ticketNumber(x) })
    this.tag('Details.TicketSummaryText')!.text = textPatch(insertZeroWidthSpaces(ticketSummaryText(x)), {
      fontSize: FontSize.body,
      wordWrapWidth: 1700,
      maxLines: 1,
    })
    const meta = [
      t('tickets.created', { time: formatDateTime(x.createdAt, currentLanguage()) }),
      visitText(x.appointment),
      x.contactPhoneMasked || '',
    ]
    this.tag('Details.TicketMeta')!.text = muted(meta.filter((s) => s).join('   '))
    this.tag('Details.Timeline')!.steps = timelineSteps(x)
    this._side.ticket = x
  }

  private _askCancel(): void {
    openDialog({
      title: t('tickets.cancelTitle'),
      message: categoryName(this._ticket!.category) + ' · ' + ticketNumber(this._ticket!),
      actions: [
        { ref: 'KeepTicket', label: t('tickets.keep') },
        {
          ref: 'ConfirmCancelTicket',
          label: t('tickets.cancel'),
          onSelect: () => this._act(() => repairApi.cancelTicket(this._id), t('tickets.cancelled')),
        },
      ],
      defaultIndex: 0,
    })
  }

  /**
   * A change to the ticket, sent once however often OK is pressed while it is on its way; `done` is the
   * toast that confirms it (a rating shows its own result).
   */
  private _act(call: () => Promise<Ticket>, done: string): void {
    const changed = (ticket: Ticket) => {
      if (done) showToast(done)
      this._show(ticket)
    }
    this._send.send(call, changed, () => showToast(t('tickets.actionFailed')))
  }

  static override _states() {
    return [
      class Ready extends this {
        override _getFocused() {
          return this.tag('Details.Side')
        }
      },
      failedState(this),
    ]
  }
}
