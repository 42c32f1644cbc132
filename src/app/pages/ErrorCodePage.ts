/**
 * 错误代码查询: the viewer types the code the box shows (E + three digits) with the remote's digits or
 * the on-screen pad; at the third digit the hall looks it up and shows cause and fix, with the
 * symptom's step-by-step checks one key away when the knowledge base links them.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { StbErrorCode } from '../../contract/index.ts'
import ErrorCodeAnswer from '../components/ErrorCodeAnswer.ts'
import NumberPad from '../components/NumberPad.ts'
import { errorCode as appErrorCode } from '../lib/api.ts'
import { CODE_DIGITS, codeDisplay, errorCodeOf, typeDigit } from '../lib/digitEntry.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { digitOfKey } from '../lib/keys.ts'
import { repairApi } from '../lib/repairApi.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160

interface ErrorCodeSpec extends PageFrameSpec {
  Prompt: object
  CodeField: object
  Keypad: typeof NumberPad
  Result: typeof ErrorCodeAnswer
}

export default class ErrorCodePage extends HallPage<ErrorCodeSpec> {
  private _digits = ''
  private _result: StbErrorCode | null = null
  private _message = ''
  private _lookupSeq = 0
  private _failed = false
  private _followAnswer = false

  static override _template(): PageTemplate<ErrorCodeSpec> {
    return frame<ErrorCodeSpec>({
      Prompt: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      CodeField: {
        x: X,
        y: 226,
        text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold', textColor: Colors.accent }),
      },
      Keypad: { type: NumberPad, x: X, y: 346 },
      Result: { type: ErrorCodeAnswer, x: 820, y: 210 },
    })
  }

  private get _answer(): ErrorCodeAnswer {
    return this.tag('Result')!
  }

  override _init(): void {
    this.render()
    this._setState('Pad')
  }

  protected override visit(first: boolean): void {
    if (first) this._reset()
  }

  private _reset(): void {
    this._digits = ''
    this._result = null
    this._message = ''
    this.render()
  }

  /** From the pad ($onNumberKey) or the remote's digits (`fromRemote`: the focus then follows to the answer's next step). */
  private _type(k: string, fromRemote = false): void {
    // A complete code starts over with the next digit.
    const base = this._digits.length >= CODE_DIGITS && k !== 'delete' ? '' : this._digits
    this._digits = k === 'clear' ? '' : typeDigit(base, k, CODE_DIGITS)
    this._result = null
    this._message = ''
    this._failed = false
    this._followAnswer = fromRemote
    this.render()
    if (this._getState() === 'Actions') this._setState('Pad')
    const code = errorCodeOf(this._digits)
    if (code) this._lookup(code)
  }

  $onNumberKey(key: string): void {
    this._type(key)
  }

  /** The answer is in: a viewer who typed on the remote (not looking at the pad) is taken to its first next step. */
  private _answered(): void {
    this.render()
    if (this._followAnswer && this._answer.hasNextStep) this._setState('Actions')
  }

  private _lookup(code: string): void {
    const seq = ++this._lookupSeq
    const loading = this.loading
    loading.start()
    repairApi
      .errorCode(code)
      .then((r) => {
        if (seq !== this._lookupSeq) return
        loading.stop()
        this._result = r
        this._answered()
      })
      .catch((e: unknown) => {
        if (seq !== this._lookupSeq) return
        loading.stop()
        const c = appErrorCode(e)
        this._message = c === 'NOT_FOUND' ? t('code.notFound', { code }) : t(errorMessageKey(c))
        this._failed = true
        this._answered()
      })
  }

  render(): void {
    this.title = t('code.title')
    this.tag('Prompt')!.text = textPatch(t('code.prompt'), { fontSize: FontSize.small, textColor: Colors.textMuted })
    this.hints = [
      ['digits', t('hint.digits')],
      ['arrows', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('CodeField')!.text = textPatch(codeDisplay(this._digits), {
      fontSize: FontSize.display,
      fontStyle: 'bold',
      textColor: Colors.accent,
    })
    this._answer.show(this._result, this._message, this._failed)
  }

  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    if (d === null) return false
    this._type(String(d), true)
    return true
  }

  static override _states() {
    return [
      class Pad extends this {
        override _getFocused() {
          return this.tag('Keypad')
        }
        override _handleRight(): boolean {
          if (this._answer.hasNextStep) this._setState('Actions')
          return true
        }
      },
      class Actions extends this {
        override _getFocused() {
          return this._answer.buttons
        }
        override _handleLeft(): boolean {
          this._setState('Pad')
          return true
        }
      },
    ]
  }
}
