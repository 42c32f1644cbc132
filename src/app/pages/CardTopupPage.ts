/**
 * 充值卡充值: the card number (shown 4-4-4-4) and its password (masked), typed with the remote's digit
 * keys or the on-screen pad, then one press on Top up. Refusals are said in plain words next to the
 * fields; the new balance is the result screen's. One Idempotency-Key per card (lib/cardTopupSend.ts).
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Topup } from '../../contract/index.ts'
import CardForm from '../components/CardForm.ts'
import HallButton from '../components/HallButton.ts'
import NumberPad from '../components/NumberPad.ts'
import {
  applyCardKey,
  canSubmitCard,
  EMPTY_CARD_ENTRY,
  zoneAfterRemoteDigit,
  type CardEntry,
  type CardField as Field,
  type CardZone as Zone,
} from '../lib/cardEntry.ts'
import { t } from '../lib/i18n.ts'
import { digitOfKey } from '../lib/keys.ts'
import { cardRefused, sendCardTopup } from '../lib/cardTopupSend.ts'
import { chooseHints } from '../lib/hints.ts'
import { SendStep } from '../lib/sendStep.ts'
import { showTopupResult } from '../lib/topupMemory.ts'

const PAD_X = 1160

interface CardTopupSpec extends PageFrameSpec {
  Form: typeof CardForm
  Keypad: typeof NumberPad
  TopupConfirmButton: typeof HallButton
}

export default class CardTopupPage extends HallPage<CardTopupSpec> {
  private _entry: CardEntry = EMPTY_CARD_ENTRY
  private _zone: Zone = 'keypad'
  private _message = ''
  /** The card on its way: typing and Top up wait for the answer. */
  private readonly _send = new SendStep(this)

  static override _template(): PageTemplate<CardTopupSpec> {
    return frame<CardTopupSpec>({
      Form: { type: CardForm, x: 140, y: 184 },
      Keypad: { type: NumberPad, x: PAD_X, y: 240 },
      TopupConfirmButton: { type: HallButton, x: PAD_X, y: 700, w: 600, h: 90, fixed: true },
    })
  }

  override _init(): void {
    this.tag('TopupConfirmButton')!.onEnter = () => (this._submit(), true)
    this.render()
  }

  /** Every visit starts with an empty form: a card's password must not wait on screen for the next viewer. */
  protected override visit(): void {
    this._reset()
  }

  private _reset(): void {
    this._send.drop()
    this._entry = EMPTY_CARD_ENTRY
    this._zone = 'keypad'
    this._message = ''
    this.render()
  }

  render(): void {
    this.title = t('topup.card.title')
    this.tag('Form')!.show(this._entry, this._message, this._send.busy)
    this.tag('Keypad')!.render()
    this.tag('TopupConfirmButton')!.title = t('topup.card.confirm')
    this.hints = chooseHints('arrows', true)
  }

  private _type(key: string, fromRemote: boolean): void {
    if (this._send.busy) return
    const before = this._entry
    this._entry = applyCardKey(before, key)
    this._message = ''
    if (fromRemote) this._zone = zoneAfterRemoteDigit(before, this._entry, this._zone)
    this.render()
  }

  /** The on-screen pad (NumberPad). */
  $onNumberKey(key: string): void {
    this._type(key, false)
  }

  /** The remote's digit keys type wherever the focus is; the focus follows to the next step once complete. */
  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    if (d === null) return false
    this._type(String(d), true)
    return true
  }

  private _submit(): void {
    const e = this._entry
    if (!canSubmitCard(e)) {
      this._message = t('topup.card.incomplete')
      return this.render()
    }
    const credited = (topup: Topup) => {
      showTopupResult(topup)
      // The filled-in form is not a place to come back to: Back from the result goes to the top-up home.
      Router.navigate('topup/result/' + topup.topupId, {}, false)
    }
    const refused = (err: unknown) => {
      const r = cardRefused(this._entry, err)
      this._entry = r.entry
      this._message = r.message
      this._zone = r.zone
      this.render()
    }
    this._message = ''
    if (this._send.send(() => sendCardTopup(e), credited, refused)) this.render()
  }

  override _getFocused() {
    if (this._zone === 'fields') return this.tag('Form')!.field(this._entry.field)
    return this._zone === 'keypad' ? this.tag('Keypad') : this.tag('TopupConfirmButton')
  }

  /** Arrows past the pad's edges: left to the fields, down to Top up; up/down between the fields. */
  override _handleLeft(): boolean {
    if (this._zone !== 'fields') this._zone = 'fields'
    return true
  }

  override _handleRight(): boolean {
    if (this._zone === 'fields') this._zone = 'keypad'
    return true
  }

  override _handleUp(): boolean {
    if (this._zone === 'confirm') this._zone = 'keypad'
    else if (this._zone === 'fields') this._select('cardNo')
    return true
  }

  override _handleDown(): boolean {
    if (this._zone === 'keypad') this._zone = 'confirm'
    else if (this._zone === 'fields') this._select('password')
    return true
  }

  /** OK on a field: type into it with the pad. */
  override _handleEnter(): boolean {
    if (this._zone === 'fields') this._zone = 'keypad'
    return true
  }

  private _select(field: Field): void {
    this._entry = { ...this._entry, field }
    this.render()
  }
}
