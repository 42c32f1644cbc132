/**
 * Typing the code the box shows: what to type, the code so far in large letters (E + three digits, blanks
 * still to type), and the number pad. The remote's digits type too (the page hands them over with `type`);
 * a complete code starts over with the next digit.
 */
import { Lightning } from '@lightningjs/sdk'
import NumberPad from './NumberPad.ts'
import { CODE_DIGITS, codeDisplay, errorCodeOf, typeDigit } from '../lib/digitEntry.ts'
import { t } from '../lib/i18n.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const prompt = (s: string) => textPatch(s, { fontSize: FontSize.small, textColor: Colors.textMuted })
const code = (s: string) => textPatch(s, { fontSize: FontSize.display, fontStyle: 'bold', textColor: Colors.accent })

export interface ErrorCodeEntrySpec extends Lightning.Component.TemplateSpec {
  Prompt: object
  CodeField: object
  Keypad: typeof NumberPad
}

export default class ErrorCodeEntry
  extends Lightning.Component<ErrorCodeEntrySpec>
  implements Lightning.Component.ImplementTemplateSpec<ErrorCodeEntrySpec>
{
  private _digits = ''
  /** The code changed: `code` once complete (E + three digits), else null; `fromRemote`: typed with the remote's digits. */
  onTyped: (code: string | null, fromRemote: boolean) => void = () => {}

  static override _template(): Lightning.Component.Template<ErrorCodeEntrySpec> {
    return {
      Prompt: { text: prompt('') },
      CodeField: { y: 42, text: code('') },
      Keypad: { type: NumberPad, y: 162 },
    }
  }

  /** A key of the pad or a digit of the remote: '0'-'9', 'delete' or 'clear'. */
  typeKey(key: string, fromRemote = false): void {
    const base = this._digits.length >= CODE_DIGITS && key !== 'delete' ? '' : this._digits
    this._digits = key === 'clear' ? '' : typeDigit(base, key, CODE_DIGITS)
    this.render()
    this.onTyped(errorCodeOf(this._digits), fromRemote)
  }

  /** The complete code typed (E + three digits), or null. */
  get code(): string | null {
    return errorCodeOf(this._digits)
  }

  $onNumberKey(key: string): void {
    this.typeKey(key)
  }

  render(): void {
    this.tag('Prompt')!.text = prompt(t('code.prompt'))
    this.tag('CodeField')!.text = code(codeDisplay(this._digits))
    this.tag('Keypad')!.render()
  }

  override _getFocused(): NumberPad {
    return this.tag('Keypad')!
  }
}
