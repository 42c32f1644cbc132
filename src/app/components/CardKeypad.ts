/**
 * The dial pad of the prepaid card form (ui-components Keyboard): digits, Clear and Delete. Each chosen
 * key goes up as `$onCardKey(key)` ('0'-'9', 'delete', 'clear'); the page decides which field it types into.
 * Not the PinPad: that one owns six masked places and reports a complete PIN, this one types into two fields.
 */
import { Lightning } from '@lightningjs/sdk'
import { Keyboard } from '@lightningjs/ui-components'
import { t } from '../lib/i18n.ts'

export const CARD_KEYPAD_W = 600

function formats() {
  return {
    dialpad: [
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
      [{ title: t('topup.card.clear'), keyId: 'clear' }, '0', { title: '⌫', keyId: 'delete' }],
    ],
  }
}

export default class CardKeypad extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: CARD_KEYPAD_W,
      CardKeys: { type: Keyboard, w: CARD_KEYPAD_W, centerKeys: true, formats: formats(), style: { keySpacing: 20 } },
    }
  }

  /** Language switch: the Clear key's label. */
  render(): void {
    this.tag('CardKeys').formats = formats()
  }

  $onSoftKey(e: { key: string }): void {
    ;(this.fireAncestors as unknown as (name: string, key: string) => void).call(this, '$onCardKey', e.key)
  }

  override _getFocused(): Lightning.Component {
    return this.tag('CardKeys')
  }
}
