/**
 * The fault report's form (a TicketDraft on screen): category, preset description, contact phone (the
 * masked number on file; digits typed on the remote replace it), visit slot, and Submit. OK on a field
 * opens its choices on the current value; Back closes them.
 */
import { Lightning } from '@lightningjs/sdk'
import type { TicketForm as TicketFormData } from '../../contract/index.ts'
import ActionButtons from './ActionButtons.ts'
import ChoiceList, { CHOICE_INSET } from './ChoiceList.ts'
import HallColumn from './HallColumn.ts'
import RecordRow, { RECORD_H, type RowContent } from './RecordRow.ts'
import { phoneDisplay } from '../lib/digitEntry.ts'
import { t } from '../lib/i18n.ts'
import { digitOfKey } from '../lib/keys.ts'
import { local } from '../lib/repairApi.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { TicketDraft, type TicketChoice } from '../lib/ticketDraft.ts'
import { categoryName, slotText } from '../lib/ticketFormText.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 1600
const FIELDS = ['CategoryField', 'DescriptionField', 'PhoneField', 'SlotField'] as const
const CHOICES: Partial<Record<(typeof FIELDS)[number], TicketChoice>> = {
  CategoryField: 'category',
  DescriptionField: 'preset',
  SlotField: 'slot',
}

export interface TicketFormSpec extends Lightning.Component.TemplateSpec {
  FormFields: typeof HallColumn
  FormNote: object
  SubmitActions: typeof ActionButtons
  Choices: typeof ChoiceList
}

export default class TicketForm
  extends Lightning.Component<TicketFormSpec>
  implements Lightning.Component.ImplementTemplateSpec<TicketFormSpec>
{
  private _draft: TicketDraft | null = null
  /** The field whose choices are open. */
  private _choosing: TicketChoice | null = null
  private _zone: 'Fields' | 'Submit' = 'Fields'
  /** Submit was chosen. */
  onSubmit: () => void = () => {}
  /** A choice was made: from here on it is a different report. */
  onChanged: () => void = () => {}

  static override _template(): Lightning.Component.Template<TicketFormSpec> {
    const column = { x: -CHOICE_INSET, w: W + 2 * CHOICE_INSET, clipping: true, itemPosX: 8, itemPosY: 8 }
    const field = { type: RecordRow, w: W, h: RECORD_H, detailAt: 0.3, record: { title: '', fen: null } }
    return {
      FormFields: {
        ...column,
        type: HallColumn,
        h: 400,
        itemSpacing: 12,
        items: FIELDS.map((ref) => ({ ...field, ref })),
      },
      FormNote: { y: 400, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      SubmitActions: { type: ActionButtons, y: 460 },
      Choices: { ...column, type: ChoiceList, h: 760, itemSpacing: 12, visible: false, scrollIndex: 6 },
    }
  }

  /** A new report on the form the BOSS offers, starting from the diagnosed category. */
  start(form: TicketFormData, diagnosed: string): void {
    this._draft = new TicketDraft(form, diagnosed)
    this._close()
    this._zone = 'Fields'
    this.tag('FormFields')!.selectedIndex = 0
    this.render()
  }

  /** The report as it stands. */
  get draft(): TicketDraft | null {
    return this._draft
  }

  /** Back on Submit (after a refused send). */
  focusSubmit(): void {
    this._zone = 'Submit'
  }

  /** The report in one line, for the confirmation. */
  get summary(): string {
    const d = this._draft
    return d && d.category && d.preset
      ? categoryName(d.category.id) + ' · ' + local(d.preset.text) + ' · ' + slotText(d.slot)
      : ''
  }

  override _init(): void {
    this.tag('Choices')!.onChosen = (i) => this._choose(i)
  }

  render(): void {
    const d = this._draft
    if (!d || !d.category) return
    const phone = d.phone ? phoneDisplay(d.phone) : d.form.contactPhoneMasked || t('ticket.phoneOnFile')
    const values: RowContent[] = [
      { title: t('ticket.category'), detail: local(d.category.title), fen: null },
      { title: t('ticket.description'), detail: d.preset ? local(d.preset.text) : '', fen: null },
      { title: t('ticket.phone'), detail: phone + '   ' + t('ticket.phoneHint'), fen: null },
      { title: t('ticket.slot'), detail: slotText(d.slot), fen: null },
    ]
    this.tag('FormFields')!.items.forEach((row, i) => {
      if (row instanceof RecordRow) row.record = values[i]
    })
    this.tag('FormNote')!.text = textPatch(insertZeroWidthSpaces(d.form.bossAvailable ? '' : t('ticket.bossDown')), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
      wordWrapWidth: W,
      maxLines: 2,
    })
    this.tag('SubmitActions')!.actions = [
      { ref: 'SubmitButton', label: t('ticket.submit'), onSelect: () => this.onSubmit() },
    ]
  }

  private get _field(): (typeof FIELDS)[number] | undefined {
    return FIELDS[this.tag('FormFields')!.selectedIndex]
  }

  private _open(kind: TicketChoice): void {
    const d = this._draft
    if (!d || !d.category) return
    this._choosing = kind
    const titles =
      kind === 'category'
        ? d.form.categories.map((c) => local(c.title))
        : kind === 'preset'
          ? d.category.presets.map((p) => local(p.text))
          : [...d.form.slots.map((s) => slotText(s)), slotText(null)]
    this.tag('Choices')!.choices(titles, 'Choice', d.current(kind))
    this._show(true)
  }

  private _choose(i: number): void {
    if (!this._draft || !this._choosing) return
    this._draft.choose(this._choosing, i)
    this.onChanged()
    this._close()
    this.render()
  }

  private _close(): void {
    this._choosing = null
    this._show(false)
  }

  private _show(choosing: boolean): void {
    const form = { visible: !choosing }
    this.patch({ Choices: { visible: choosing }, FormFields: form, FormNote: form, SubmitActions: form })
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._choosing) return this.tag('Choices')
    return this._zone === 'Submit' ? this.tag('SubmitActions') : this.tag('FormFields')
  }

  /** Down past the last field goes to Submit (the fields' list moves through the fields itself). */
  override _handleDown(): boolean {
    if (this._choosing || this._zone !== 'Fields') return false
    this._zone = 'Submit'
    return true
  }

  override _handleUp(): boolean {
    if (this._choosing || this._zone !== 'Submit') return false
    this._zone = 'Fields'
    return true
  }

  override _handleEnter(): boolean {
    const kind = this._field && CHOICES[this._field]
    if (!this._choosing && this._zone === 'Fields' && kind) this._open(kind)
    return true
  }

  override _handleBack(): boolean {
    if (!this._choosing) return false
    this._close()
    return true
  }

  /** Digits on the phone field type a new contact number. */
  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    if (d === null || !this._draft || this._choosing || this._zone !== 'Fields' || this._field !== 'PhoneField')
      return false
    this._draft.typePhone(d)
    this.render()
    return true
  }
}
