/**
 * 故障报修: the report form (TicketForm: category from the diagnosis, description, contact phone, visit
 * slot), Submit asks once, then the ticket number (or the hall's reference, pending) in the ResultPanel.
 * One Idempotency-Key per report: a second OK after a lost answer is still one ticket.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Ticket, TicketForm as TicketFormData } from '../../contract/index.ts'
import TicketForm from '../components/TicketForm.ts'
import ResultPanel from '../components/ResultPanel.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { chooseHints } from '../lib/hints.ts'
import { t } from '../lib/i18n.ts'
import { repairApi } from '../lib/repairApi.ts'
import { ticketResult } from '../lib/repairResults.ts'
import { SendStep, sendingState, toastFailure } from '../lib/sendStep.ts'
import { confirmTicket } from '../lib/ticketConfirm.ts'
import { slotText } from '../lib/ticketFormText.ts'
import { uuidV4 } from '../lib/uuid.ts'

interface RepairTicketSpec extends PageFrameSpec {
  Form: typeof TicketForm
  Result: typeof ResultPanel
}

export default class RepairTicketPage extends HallPage<RepairTicketSpec> {
  /** The category the diagnosis found (the form opens on it if the BOSS offers it). */
  private _initial = 'other'
  private _key = ''
  private readonly _send = new SendStep(this)

  static override _template(): PageTemplate<RepairTicketSpec> {
    return frame<RepairTicketSpec>({
      Form: { type: TicketForm, x: 160, y: 180 },
      Result: { type: ResultPanel, x: 960, mountX: 0.5, y: 190, visible: false },
    })
  }

  /** Router: `repair/report/:category`. */
  override set params(p: Router.PageParams) {
    this._initial = p && p.category ? String(p.category) : 'other'
  }

  override _init(): void {
    const form = this.tag('Form')!
    this.showsData({ content: form })
    this.loadOnVisit(() => this.load())
    form.onSubmit = () => confirmTicket(form, () => this._submit())
    form.onChanged = () => (this._key = uuidV4()) // a different report from here on
  }

  load(): void {
    const show = (data: TicketFormData) => {
      this.tag('Form')!.start(data, this._initial)
      this._key = uuidV4()
      this.render()
      return true
    }
    const reset = () => (this.tag('Result')!.visible = false)
    this.loadData(() => repairApi.ticketForm(), show, { reset })
  }

  render(): void {
    this.title = t('ticket.formTitle')
    // Sent: the result's two buttons sit side by side, and digits no longer type a phone number.
    this.hints = this._getState() === 'Done' ? chooseHints('leftright') : chooseHints('updown', true)
    this.errorState.render()
    this.tag('Form')!.render()
  }

  private _submit(): void {
    const draft = this.tag('Form')!.draft
    const request = draft ? draft.request : null
    if (!draft || !request) return
    const sent = (ticket: Ticket) => {
      // Sent: the form and the checks that led to it leave the history; Back goes to the repair hub.
      finishTransaction('repair', /^repair\/(report|symptom)\//)
      this.patch({ Form: { alpha: 0 }, Result: { visible: true } })
      this.tag('Result')!.show(ticketResult(ticket, slotText(draft.slot)))
      this._setState('Done')
      this.render()
    }
    const refused = (e: unknown) => (toastFailure(e), this.tag('Form')!.focusSubmit(), this._setState('Ready'))
    // The same key on a second OK after a lost answer: still one ticket.
    if (this._send.send(() => repairApi.createTicket(request, this._key), sent, refused)) this._setState('Sending')
  }

  static override _states() {
    return [
      ...super._states(),
      sendingState(this),
      class Done extends this {
        override _getFocused() {
          return this.tag('Result')
        }
      },
    ]
  }
}
