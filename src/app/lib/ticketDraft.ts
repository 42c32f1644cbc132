/**
 * The fault report being filled in, apart from the screen: the category (the diagnosed one if the BOSS
 * offers it), its preset description, the visit slot (none is a choice too) and a typed contact phone;
 * each choice opens on the current value, and the request is what Submit sends.
 */
import type { AppointmentSlot, CreateTicketRequest, RepairCategoryInfo, TicketForm } from '../../contract/index.ts'
import { PHONE_DIGITS, typeDigit } from './digitEntry.ts'

/** A field whose value is picked from a list. */
export type TicketChoice = 'category' | 'preset' | 'slot'

export class TicketDraft {
  category: RepairCategoryInfo | undefined
  presetIndex = 0
  slot: AppointmentSlot | null
  /** Digits typed on the remote; empty: the number on file. */
  phone = ''

  readonly form: TicketForm

  constructor(form: TicketForm, diagnosed: string) {
    this.form = form
    this.category = form.categories.find((c) => c.id === diagnosed) || form.categories[0]
    this.slot = form.slots[0] || null
  }

  get preset(): RepairCategoryInfo['presets'][number] | undefined {
    return this.category && this.category.presets[this.presetIndex]
  }

  /** Where the current value is in the list of `kind` (the slots' list ends with "no visit"). */
  current(kind: TicketChoice): number {
    if (kind === 'preset') return this.presetIndex
    if (kind === 'slot') return this.slot ? this.form.slots.indexOf(this.slot) : this.form.slots.length
    return this.category ? this.form.categories.indexOf(this.category) : 0
  }

  /** The viewer chose the `index`th option of `kind`; a new category starts at its first description. */
  choose(kind: TicketChoice, index: number): void {
    if (kind === 'category') {
      this.category = this.form.categories[index] || this.category
      this.presetIndex = 0
    } else if (kind === 'preset') this.presetIndex = index
    else this.slot = this.form.slots[index] || null
  }

  /** A digit on the phone field: typing starts a new number; a full one starts over too. */
  typePhone(digit: number): void {
    this.phone = typeDigit(this.phone.length >= PHONE_DIGITS ? '' : this.phone, String(digit), PHONE_DIGITS)
  }

  /** What Submit sends (null while the form has no category). */
  get request(): CreateTicketRequest | null {
    const preset = this.preset
    if (!this.category || !preset) return null
    return {
      category: this.category.id,
      presetId: preset.id,
      ...(this.phone ? { contactPhone: this.phone } : {}),
      ...(this.slot ? { slotId: this.slot.slotId } : {}),
    }
  }
}
