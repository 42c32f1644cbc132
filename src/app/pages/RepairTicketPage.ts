/**
 * 故障报修: the report form. Category (from the diagnosis), a preset description, the contact phone
 * (masked on-file number; typing digits replaces it), a visit slot from the BOSS's free ones; OK on a
 * field opens its choices, Submit asks once, then the ticket number (or the hall's reference, pending).
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { Column } from '@lightningjs/ui-components'
import type { AppointmentSlot, RepairCategoryInfo, Ticket, TicketCategory, TicketForm } from '../../contract/index.ts'
import ActionButtons from '../components/ActionButtons.ts'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import RecordRow, { RECORD_H, type RowContent } from '../components/RecordRow.ts'
import { errorCode } from '../lib/api.ts'
import { isMobile, phoneDisplay, PHONE_DIGITS, typeDigit } from '../lib/digitEntry.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { digitOfKey } from '../lib/keys.ts'
import { openDialog, showToast } from '../lib/overlays.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { ticketNumber } from '../lib/ticketTimeline.ts'
import { categoryName, slotText } from '../lib/ticketFormText.ts'
import { uuidV4 } from '../lib/uuid.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160
const W = 1600
const FIELDS = ['CategoryField', 'DescriptionField', 'PhoneField', 'SlotField'] as const
type Choosing = 'category' | 'preset' | 'slot'

export default class RepairTicketPage extends HallPage {
  private _initial: TicketCategory = 'other'
  private _form: TicketForm | null = null
  private _category: RepairCategoryInfo | null = null
  private _presetIndex = 0
  private _slot: AppointmentSlot | null = null
  private _phone = ''
  private _choosing: Choosing = 'category'
  private _key = ''

  static override _template(): PageTemplate {
    const column = {
      type: Column,
      x: X - 8,
      w: W + 16,
      clipping: true,
      itemPosX: 8,
      itemPosY: 8,
      style: { itemSpacing: 12 },
    }
    return frame({
      FormFields: {
        ...column,
        y: 180,
        h: 400,
        alpha: 0,
        items: FIELDS.map((ref) => ({
          type: RecordRow,
          ref,
          w: W,
          h: RECORD_H,
          detailAt: 0.3,
          record: { title: '', fen: null },
        })),
      },
      FormNote: { x: X, y: 580, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      SubmitActions: { type: ActionButtons, x: X, y: 640, alpha: 0 },
      Choices: { ...column, y: 180, h: 760, visible: false, scrollIndex: 6 },
      Result: {
        x: X,
        y: 220,
        visible: false,
        ResultTitle: { text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold', textColor: Colors.ok }) },
        TicketNumber: { y: 110, text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold' }) },
        ResultNote: { y: 230, text: textPatch('', { fontSize: FontSize.body }) },
        ResultActions: { type: ActionButtons, y: 380 },
      },
    })
  }

  /** Router: `repair/report/:category`. */
  override set params(p: Router.PageParams) {
    this._initial = (p && p.category ? String(p.category) : 'other') as TicketCategory
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  load(): void {
    const reset = () =>
      this.patch({
        Result: { visible: false },
        Choices: { visible: false },
        FormFields: { alpha: 0 },
        SubmitActions: { alpha: 0 },
      })
    loadScreen(
      this,
      () => repairApi.ticketForm(),
      (form) => {
        this._form = form
        this._category = form.categories.find((c) => c.id === this._initial) || form.categories[0] || null
        this._presetIndex = 0
        this._slot = form.slots[0] || null
        this._phone = ''
        this._key = uuidV4()
        this.render()
        this.patch({ FormFields: { smooth: { alpha: 1 } }, SubmitActions: { smooth: { alpha: 1 } } })
        this.tag('FormFields').selectedIndex = 0
        this._setState('Fields')
      },
      { reset, loadingState: false },
    )
  }

  private _phoneText(): string {
    if (this._phone) return phoneDisplay(this._phone)
    return (this._form && this._form.contactPhoneMasked) || t('ticket.phoneOnFile')
  }

  render(): void {
    const muted = (s: string) =>
      textPatch(insertZeroWidthSpaces(s), {
        fontSize: FontSize.small,
        textColor: Colors.textMuted,
        wordWrapWidth: W,
        maxLines: 2,
      })
    this.title = t('ticket.formTitle')
    // Sent: the result's two buttons sit side by side, and digits no longer type a phone number.
    this.hints =
      this._getState() === 'Done'
        ? [
            ['leftright', t('hint.choose')],
            ['ok', t('hint.select')],
          ]
        : [
            ['updown', t('hint.choose')],
            ['ok', t('hint.select')],
            ['digits', t('hint.digits')],
          ]
    this.errorState.render()
    const c = this._category
    if (!this._form || !c) return
    const preset = c.presets[this._presetIndex]
    const values: RowContent[] = [
      { title: t('ticket.category'), detail: local(c.title), fen: null },
      { title: t('ticket.description'), detail: preset ? local(preset.text) : '', fen: null },
      { title: t('ticket.phone'), detail: this._phoneText() + '   ' + t('ticket.phoneHint'), fen: null },
      { title: t('ticket.slot'), detail: slotText(this._slot), fen: null },
    ]
    ;(this.tag('FormFields').items as RecordRow[]).forEach((row, i) => (row.record = values[i]))
    this.tag('FormNote').text = muted(this._form.bossAvailable ? '' : t('ticket.bossDown'))
    ;(this.tag('SubmitActions') as ActionButtons).actions = [
      { ref: 'SubmitButton', label: t('ticket.submit'), onSelect: () => this._confirm() },
    ]
  }

  private _openChoices(kind: Choosing): void {
    const form = this._form
    const c = this._category
    if (!form || !c) return
    this._choosing = kind
    const titles =
      kind === 'category'
        ? form.categories.map((x) => local(x.title))
        : kind === 'preset'
          ? c.presets.map((p) => local(p.text))
          : [...form.slots.map((s) => slotText(s)), slotText(null)]
    const current =
      kind === 'category'
        ? form.categories.indexOf(c)
        : kind === 'preset'
          ? this._presetIndex
          : this._slot
            ? form.slots.indexOf(this._slot)
            : form.slots.length
    const list = this.tag('Choices')
    list.items = titles.map((title, i) => ({
      type: RecordRow,
      ref: 'Choice' + i,
      w: W,
      h: RECORD_H,
      detailAt: 0.99,
      record: { title, fen: null },
    }))
    list.selectedIndex = Math.max(0, current)
    this._setState('Choosing')
  }

  private _choose(i: number): void {
    const form = this._form!
    if (this._choosing === 'category') {
      this._category = form.categories[i]
      this._presetIndex = 0
    } else if (this._choosing === 'preset') this._presetIndex = i
    else this._slot = form.slots[i] || null
    this._key = uuidV4() // a different report from here on
    this.render()
    this._setState('Fields')
  }

  private _confirm(): void {
    if (this._phone && !isMobile(this._phone)) {
      showToast(t('ticket.phoneInvalid'))
      return
    }
    const c = this._category!
    openDialog({
      title: t('ticket.confirmTitle'),
      message: categoryName(c.id) + ' · ' + local(c.presets[this._presetIndex].text) + ' · ' + slotText(this._slot),
      actions: [
        { ref: 'ConfirmCancel', label: t('ticket.cancel') },
        { ref: 'ConfirmSubmit', label: t('ticket.confirm'), onSelect: () => this._submit() },
      ],
      defaultIndex: 1,
    })
  }

  private _submit(): void {
    const c = this._category!
    const loading = this.loading
    loading.start()
    this._setState('Sending')
    repairApi
      .createTicket(
        {
          category: c.id,
          presetId: c.presets[this._presetIndex].id,
          ...(this._phone ? { contactPhone: this._phone } : {}),
          ...(this._slot ? { slotId: this._slot.slotId } : {}),
        },
        this._key, // the same key on a second OK after a lost answer: still one ticket
      )
      .then((ticket) => {
        loading.stop()
        this._showResult(ticket)
      })
      .catch((e: unknown) => {
        loading.stop()
        showToast(t(errorMessageKey(errorCode(e))))
        this._setState('Submit')
      })
  }

  private _showResult(ticket: Ticket): void {
    // Sent: the form and the checks that led to it leave the history; Back goes to the repair hub.
    finishTransaction('repair', /^repair\/(report|symptom)\//)
    const pending = ticket.status === 'pending'
    this.patch({
      FormFields: { alpha: 0 },
      SubmitActions: { alpha: 0 },
      FormNote: { text: { text: '' } },
      Result: { visible: true },
    })
    this.tag('Result.ResultTitle').text = textPatch(t('ticket.createdTitle'), {
      fontSize: FontSize.title,
      fontStyle: 'bold',
      textColor: Colors.ok,
    })
    this.tag('Result.TicketNumber').text = textPatch(ticketNumber(ticket), {
      fontSize: FontSize.display,
      fontStyle: 'bold',
    })
    const note = pending ? t('ticket.pendingNote', { number: ticketNumber(ticket) }) : slotText(this._slot)
    this.tag('Result.ResultNote').text = textPatch(insertZeroWidthSpaces(note), {
      fontSize: FontSize.body,
      wordWrapWidth: W,
      maxLines: 3,
    })
    ;(this.tag('Result.ResultActions') as ActionButtons).actions = [
      { ref: 'ViewTicketsButton', label: t('ticket.viewTickets'), onSelect: () => Router.navigate('repair/tickets') },
      { ref: 'DoneButton', label: t('steps.done'), onSelect: () => Router.navigate('home') },
    ]
    this._setState('Done')
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
  }

  static override _states() {
    return [
      class Fields extends this {
        override _getFocused() {
          return this.tag('FormFields')
        }
        override _handleDown(): boolean {
          this._setState('Submit')
          return true
        }
        override _handleEnter(): boolean {
          const field = FIELDS[this.tag('FormFields').selectedIndex as number]
          if (field === 'CategoryField') this._openChoices('category')
          else if (field === 'DescriptionField') this._openChoices('preset')
          else if (field === 'SlotField') this._openChoices('slot')
          return true
        }
        override _handleKey(e: KeyboardEvent): boolean {
          const d = digitOfKey(e)
          if (d === null || FIELDS[this.tag('FormFields').selectedIndex as number] !== 'PhoneField') return false
          // Typing starts a new number; a full one starts over too.
          this._phone = typeDigit(this._phone.length >= PHONE_DIGITS ? '' : this._phone, String(d), PHONE_DIGITS)
          this.render()
          return true
        }
      },
      class Submit extends this {
        override _getFocused() {
          return this.tag('SubmitActions')
        }
        override _handleUp(): boolean {
          this._setState('Fields')
          return true
        }
      },
      class Choosing extends this {
        override $enter() {
          this.patch({ Choices: { visible: true }, FormFields: { visible: false }, SubmitActions: { visible: false } })
        }
        override $exit() {
          this.patch({ Choices: { visible: false }, FormFields: { visible: true }, SubmitActions: { visible: true } })
        }
        override _getFocused() {
          return this.tag('Choices')
        }
        override _handleEnter(): boolean {
          this._choose(this.tag('Choices').selectedIndex as number)
          return true
        }
        override _handleBack(): boolean {
          this._setState('Fields')
          return true
        }
      },
      class Sending extends this {
        override _handleKey(): boolean {
          return true
        }
      },
      class Done extends this {
        override _getFocused() {
          return this.tag('Result.ResultActions')
        }
      },
      failedState(this),
    ]
  }
}
