/**
 * The hall's one numeric keypad (ui-components Keyboard), the same layout wherever digits are typed:
 * the purchase PIN, the prepaid card's number and password, an error code. 1-9 in rows of three, then
 * Clear, 0, Delete; wide keys, a big target for eyes three metres away. Each chosen key goes up as
 * `$onNumberKey(key)` ('0'-'9', 'delete', 'clear'); the owner decides what it types into. The remote's
 * digit keys are the owner's to handle (they type wherever the focus is).
 */
import { Lightning } from '@lightningjs/sdk'
import { Keyboard } from '@lightningjs/ui-components'
import { t } from '../lib/i18n.ts'

export const NUMBER_PAD_W = 600

declare module '@lightningjs/sdk' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how Lightning's types are augmented
  namespace Lightning.Component {
    interface FireAncestorsMap {
      /** A key of the pad was chosen: '0'-'9', 'delete' or 'clear'. */
      $onNumberKey(key: string): void
    }
  }
}

const key = (title: string, keyId?: string) => ({ title, keyId: keyId || title, size: 'md' })

function formats() {
  return {
    dialpad: [
      [key('1'), key('2'), key('3')],
      [key('4'), key('5'), key('6')],
      [key('7'), key('8'), key('9')],
      [key(t('keypad.clear'), 'clear'), key('0'), key('⌫', 'delete')],
    ],
  }
}

export interface NumberPadSpec extends Lightning.Component.TemplateSpec {
  NumberKeys: typeof Keyboard
}

export default class NumberPad
  extends Lightning.Component<NumberPadSpec>
  implements Lightning.Component.ImplementTemplateSpec<NumberPadSpec>
{
  /** The Clear label the keys were built with. */
  private _clearLabel = ''

  static override _template(): Lightning.Component.Template<NumberPadSpec> {
    return {
      w: NUMBER_PAD_W,
      NumberKeys: { type: Keyboard, w: NUMBER_PAD_W, centerKeys: true },
    }
  }

  override _init(): void {
    this.tag('NumberKeys')!.style = { keySpacing: 20 }
    this.render()
  }

  /**
   * Language switch: the Clear key's label. Only then: new formats make the Keyboard build all twelve keys again
   * (buttons, texts, textures), and the pages render on every digit typed (the keypad's key-to-frame was 37 ms
   * against the bare Row's 15, most of it this rebuild: bench profile, RESULTS.md issue 22).
   */
  render(): void {
    const label = t('keypad.clear')
    if (label === this._clearLabel) return
    this._clearLabel = label
    this.tag('NumberKeys')!.formats = formats()
  }

  $onSoftKey(e: { key: string }): void {
    this.fireAncestors('$onNumberKey', e.key)
  }

  override _getFocused(): Keyboard {
    return this.tag('NumberKeys')!
  }
}
