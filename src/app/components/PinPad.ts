/**
 * The purchase PIN (订购密码) keypad: six masked places, the hall's one NumberPad for viewers who look
 * at the screen, and the remote's digit keys typing straight in for those who do not.
 * It reports the sixth digit at once: one press fewer for elderly viewers.
 */
import { Lightning } from '@lightningjs/sdk'
import NumberPad, { NUMBER_PAD_W } from './NumberPad.ts'
import { hotlineNumber } from '../lib/hotline.ts'
import { t } from '../lib/i18n.ts'
import { digitOfKey } from '../lib/keys.ts'
import { isPinComplete, maskPin, popDigit, pushDigit } from '../lib/pinEntry.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const PIN_PAD_W = 720
const ARMING_MS = 1500

export interface PinPadSpec extends Lightning.Component.TemplateSpec {
  PinTitle: object
  PinFor: object
  PinDots: object
  PinMessage: object
  PinKeys: typeof NumberPad
  PinForgot: object
}

export default class PinPad
  extends Lightning.Component<PinPadSpec>
  implements Lightning.Component.ImplementTemplateSpec<PinPadSpec>
{
  private _pin = ''
  private _busy = false
  private _message = ''
  private _armedAt = 0
  private _for = ''
  private _hotline: string | null = null
  onComplete: ((pin: string) => void) | null = null

  static override _template(): Lightning.Component.Template<PinPadSpec> {
    return {
      w: PIN_PAD_W,
      PinTitle: {
        x: PIN_PAD_W / 2,
        mountX: 0.5,
        text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }),
      },
      PinFor: { x: PIN_PAD_W / 2, mountX: 0.5, y: 60, text: textPatch('', { fontSize: FontSize.body }) },
      PinDots: { x: PIN_PAD_W / 2, mountX: 0.5, y: 110, text: textPatch('', { fontSize: 64 }) },
      PinMessage: { x: PIN_PAD_W / 2, mountX: 0.5, y: 200, text: textPatch('', { fontSize: FontSize.small }) },
      PinKeys: { type: NumberPad, x: (PIN_PAD_W - NUMBER_PAD_W) / 2, y: 260 },
      PinForgot: { x: PIN_PAD_W / 2, mountX: 0.5, y: 690, text: textPatch('', { fontSize: FontSize.small }) },
    }
  }

  /** Empties the places for a new attempt; `message` says why (e.g. wrong PIN, tries left). */
  reset(message = ''): void {
    this._pin = ''
    this._busy = false
    this._message = message
    // An OK pressed twice on "Confirm" must not type into the keypad that just opened under it: OK on a key
    // counts from 1.5 s after the keypad was first drawn (on a busy box that first frame alone can take longer).
    this._armedAt = Number.POSITIVE_INFINITY
    this.stage.once('frameEnd', () => (this._armedAt = Date.now() + ARMING_MS))
    this.render()
  }

  set busy(v: boolean) {
    this._busy = v
  }

  /** What the PIN is for (package, period and price; a new limit), said right under the title. */
  set forText(v: string) {
    this._for = v
    this.render()
  }

  override _init(): void {
    this.render()
    // The way out for a viewer who does not know the PIN: the hotline's number once it is known.
    void hotlineNumber().then((n) => {
      this._hotline = n
      this.render()
    })
  }

  render(): void {
    this.tag('PinTitle')!.text = textPatch(t('pin.title'), { fontSize: FontSize.heading, fontStyle: 'bold' })
    this.tag('PinDots')!.text = textPatch(maskPin(this._pin), { fontSize: 64, textColor: Colors.accent })
    this.tag('PinKeys')!.render()
    this.tag('PinFor')!.text = textPatch(insertZeroWidthSpaces(this._for), {
      fontSize: FontSize.body,
      textColor: Colors.accent,
      wordWrapWidth: PIN_PAD_W + 400,
      textAlign: 'center',
      maxLines: 1,
    })
    const forgot = this._hotline ? t('pin.forgot', { number: this._hotline }) : t('pin.forgotNoNumber')
    this.tag('PinForgot')!.text = textPatch(insertZeroWidthSpaces(forgot), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
      wordWrapWidth: PIN_PAD_W + 600,
      textAlign: 'center',
      maxLines: 2,
    })
    const msg = this._message || t('pin.hint')
    this.tag('PinMessage')!.text = textPatch(insertZeroWidthSpaces(msg), {
      fontSize: FontSize.small,
      textColor: this._message ? Colors.danger : Colors.textMuted,
      wordWrapWidth: PIN_PAD_W + 200,
      textAlign: 'center',
      maxLines: 2,
    })
  }

  private _type(digit: number | 'delete' | 'clear'): void {
    if (this._busy) return
    this._pin = digit === 'clear' ? '' : digit === 'delete' ? popDigit(this._pin) : pushDigit(this._pin, digit)
    this.render()
    if (isPinComplete(this._pin) && this.onComplete) {
      this._busy = true
      this.onComplete(this._pin)
    }
  }

  /** NumberPad: a key was chosen with OK. */
  $onNumberKey(key: string): void {
    if (Date.now() < this._armedAt) return
    if (key === 'delete' || key === 'clear') this._type(key)
    else if (/^\d$/.test(key)) this._type(Number(key))
  }

  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    if (d === null) return false
    this._type(d)
    return true
  }

  override _getFocused(): NumberPad {
    return this.tag('PinKeys')!
  }
}
