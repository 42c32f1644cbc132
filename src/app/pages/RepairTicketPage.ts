/**
 * 故障报修: the report form (TicketForm: category from the diagnosis, description, contact phone, visit
 * slot), Submit asks once, then the ticket number (or the hall's reference, pending) in the ResultPanel.
 * One Idempotency-Key per report: a second OK after a lost answer is still one ticket.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type Hint, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import TicketForm from '../components/TicketForm.ts'
import ResultPanel from '../components/ResultPanel.ts'
import { errorCode } from '../lib/api.ts'
import { isMobile } from '../lib/digitEntry.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { openDialog, showToast } from '../lib/overlays.ts'
import { repairApi } from '../lib/repairApi.ts'
import { ticketResult } from '../lib/repairResults.ts'
import { slotText } from '../lib/ticketFormText.ts'
import { failedState } from '../lib/screenLoad.ts'
import { uuidV4 } from '../lib/uuid.ts'

const X = 160

interface RepairTicketSpec extends PageFrameSpec {
  Form: typeof TicketForm
  Result: typeof ResultPanel
}

export default class RepairTicketPage extends HallPage<RepairTicketSpec> {
  /** The category the diagnosis found (the form opens on it if the BOSS offers it). */
  private _initial = 'other'
  private _key = ''

  static override _template(): PageTemplate<RepairTicketSpec> {
    return frame<RepairTicketSpec>({
      Form: { type: TicketForm, x: X, y: 180, alpha: 0 },
      Result: { type: ResultPanel, x: 960, mountX: 0.5, y: 190, visible: false },
    })
  }

  private get _form(): TicketForm {
    return this.tag('Form')!
  }

  /** Router: `repair/report/:category`. */
  override set params(p: Router.PageParams) {
    this._initial = p && p.category ? String(p.category) : 'other'
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
    this._form.onSubmit = () => this._confirm()
    this._form.onChanged = () => (this._key = uuidV4()) // a different report from here on
  }

  load(): void {
    const reset = () => this.patch({ Result: { visible: false }, Form: { alpha: 0 } })
    this.loadData(
      () => repairApi.ticketForm(),
      (form) => {
        this._form.start(form, this._initial)
        this._key = uuidV4()
        this.render()
        this._form.setSmooth('alpha', 1)
        this._setState('Filling')
      },
      { reset, loadingState: false },
    )
  }

  render(): void {
    this.title = t('ticket.formTitle')
    // Sent: the result's two buttons sit side by side, and digits no longer type a phone number.
    const ok: Hint = ['ok', t('hint.select')]
    this.hints =
      this._getState() === 'Done'
        ? [['leftright', t('hint.choose')], ok]
        : [['updown', t('hint.choose')], ok, ['digits', t('hint.digits')]]
    this.errorState.render()
    this._form.render()
  }

  private _confirm(): void {
    const draft = this._form.draft
    const request = draft && draft.request
    if (!request) return
    if (request.contactPhone && !isMobile(request.contactPhone)) return void showToast(t('ticket.phoneInvalid'))
    openDialog({
      title: t('ticket.confirmTitle'),
      message: this._form.summary,
      actions: [
        { ref: 'ConfirmCancel', label: t('ticket.cancel') },
        { ref: 'ConfirmSubmit', label: t('ticket.confirm'), onSelect: () => this._submit() },
      ],
      defaultIndex: 1,
    })
  }

  private _submit(): void {
    const draft = this._form.draft
    const request = draft && draft.request
    if (!draft || !request) return
    const loading = this.loading
    loading.start()
    this._setState('Sending')
    repairApi
      .createTicket(request, this._key) // the same key on a second OK after a lost answer: still one ticket
      .then((ticket) => {
        loading.stop()
        // Sent: the form and the checks that led to it leave the history; Back goes to the repair hub.
        finishTransaction('repair', /^repair\/(report|symptom)\//)
        this.patch({ Form: { alpha: 0 }, Result: { visible: true } })
        this.tag('Result')!.show(ticketResult(ticket, slotText(draft.slot)))
        this._setState('Done')
        this.render()
      })
      .catch((e: unknown) => {
        loading.stop()
        showToast(t(errorMessageKey(errorCode(e))))
        this._form.focusSubmit()
        this._setState('Filling')
      })
  }

  static override _states() {
    return [
      class Filling extends this {
        override _getFocused() {
          return this._form
        }
      },
      class Sending extends this {
        override _handleKey(): boolean {
          return true
        }
      },
      class Done extends this {
        override _getFocused() {
          return this.tag('Result')
        }
      },
      failedState(this),
    ]
  }
}
