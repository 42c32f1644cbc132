/**
 * The dial pad of the prepaid card form (ui-components Keyboard): digits, Clear and Delete. Each chosen
 * key goes up as `$onCardKey(key)` ('0'-'9', 'delete', 'clear'); the page decides which field it types into.
 * Not the PinPad: that one owns six masked places and reports a complete PIN, this one types into two fields.
 */
import { Lightning } from '@lightningjs/sdk'
import { Keyboard } from '@lightningjs/ui-components'
import { t } from '../lib/i18n.ts'

export const CARD_KEYPAD_W = 600

const key = (title: string, keyId?: string) => ({ title, keyId: keyId || title, size: 'md' })

function formats() {
  return {
    // Double-width keys: a big target for the eyes of a viewer three metres away.
    dialpad: [
      [key('1'), key('2'), key('3')],
      [key('4'), key('5'), key('6')],
      [key('7'), key('8'), key('9')],
      [key(t('topup.card.clear'), 'clear'), key('0'), key('⌫', 'delete')],
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
