/**
 * The purchase PIN (订购密码) keypad: six masked places, an on-screen dial pad (ui-components Keyboard) for
 * viewers who look at the screen, and the remote's digit keys typing straight in for those who do not.
 * It reports the sixth digit at once: one press fewer for elderly viewers.
 */
import { Lightning } from '@lightningjs/sdk'
import { Keyboard } from '@lightningjs/ui-components'
import { t } from '../lib/i18n.ts'
import { digitOfKey } from '../lib/keys.ts'
import { isPinComplete, maskPin, popDigit, pushDigit } from '../lib/pinEntry.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const PIN_PAD_W = 720

export default class PinPad extends Lightning.Component {
  private _pin = ''
  private _busy = false
  private _message = ''
  private _armedAt = 0
  onComplete: ((pin: string) => void) | null = null

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: PIN_PAD_W,
      PinTitle: { x: PIN_PAD_W / 2, mountX: 0.5, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      PinDots: { x: PIN_PAD_W / 2, mountX: 0.5, y: 70, text: textPatch('', { fontSize: 64 }) },
      PinMessage: { x: PIN_PAD_W / 2, mountX: 0.5, y: 170, text: textPatch('', { fontSize: FontSize.small }) },
      PinKeys: {
        type: Keyboard,
        x: PIN_PAD_W / 2,
        mountX: 0.5,
        y: 230,
        centerKeys: true,
        formats: { dialpad: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['', '0', { title: '⌫', keyId: 'delete' }]] },
        style: { keySpacing: 16 },
      },
    }
  }

  override _init(): void {
    this.render()
  }

  /** Empties the places for a new attempt; `message` says why (e.g. wrong PIN, tries left). */
  reset(message = ''): void {
    this._pin = ''
    this._busy = false
    this._message = message
    // An OK pressed twice on "Confirm" must not type into the keypad that just opened under it.
    this._armedAt = Date.now() + 1500
    this.render()
  }

  set busy(v: boolean) {
    this._busy = v
  }

  render(): void {
    this.tag('PinTitle').text = textPatch(t('pin.title'), { fontSize: FontSize.heading, fontStyle: 'bold' })
    this.tag('PinDots').text = textPatch(maskPin(this._pin), { fontSize: 64, textColor: Colors.accent })
    const msg = this._message || t('pin.hint')
    this.tag('PinMessage').text = textPatch(insertZeroWidthSpaces(msg), {
      fontSize: FontSize.small,
      textColor: this._message ? Colors.danger : Colors.textMuted,
      wordWrapWidth: PIN_PAD_W + 200,
      textAlign: 'center',
      maxLines: 2,
    })
  }

  private _type(digit: number | null): void {
    if (this._busy) return
    this._pin = digit === null ? popDigit(this._pin) : pushDigit(this._pin, digit)
    this.render()
    if (isPinComplete(this._pin) && this.onComplete) {
      this._busy = true
      this.onComplete(this._pin)
    }
  }

  /** ui-components Keyboard: a key was chosen with OK. */
  $onSoftKey(e: { key: string }): void {
    if (Date.now() < this._armedAt) return
    if (e.key === 'delete') this._type(null)
    else if (/^\d$/.test(e.key)) this._type(Number(e.key))
  }

  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    if (d === null) return false
    this._type(d)
    return true
  }

  override _getFocused(): Lightning.Component {
    return this.tag('PinKeys')
  }
}
