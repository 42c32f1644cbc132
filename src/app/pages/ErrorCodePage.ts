/**
 * 错误代码查询: the viewer types the code the box shows (E + three digits) with the remote's digits or
 * the on-screen pad; at the third digit the hall looks it up and shows cause and fix, with the
 * symptom's step-by-step checks one key away when the knowledge base links them.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import ErrorCodeAnswer from '../components/ErrorCodeAnswer.ts'
import ErrorCodeEntry from '../components/ErrorCodeEntry.ts'
import { lookUpCode, NO_ANSWER, type CodeAnswer } from '../lib/errorCodeLookup.ts'
import { chooseHints } from '../lib/hints.ts'
import { t } from '../lib/i18n.ts'
import { digitOfKey } from '../lib/keys.ts'

interface ErrorCodeSpec extends PageFrameSpec {
  Entry: typeof ErrorCodeEntry
  Result: typeof ErrorCodeAnswer
}

export default class ErrorCodePage extends HallPage<ErrorCodeSpec> {
  private _answer: CodeAnswer = NO_ANSWER
  /** The viewer typed on the remote, not looking at the pad: the focus follows to the answer's first next step. */
  private _followAnswer = false

  static override _template(): PageTemplate<ErrorCodeSpec> {
    return frame<ErrorCodeSpec>({
      Entry: { type: ErrorCodeEntry, x: 160, y: 184 },
      Result: { type: ErrorCodeAnswer, x: 820, y: 210 },
    })
  }

  override _init(): void {
    this.tag('Entry')!.onTyped = (code, fromRemote) => this._typed(code, fromRemote)
    this.render()
    this._setState('Pad')
  }

  protected override visit(first: boolean): void {
    if (first) this.tag('Entry')!.typeKey('clear')
  }

  private _typed(code: string | null, fromRemote: boolean): void {
    this._followAnswer = fromRemote
    this._answered(NO_ANSWER)
    if (this._getState() === 'Actions') this._setState('Pad')
    if (!code) return
    // An answer that comes once the viewer typed on is not for the code on screen.
    const show = (a: CodeAnswer) => void (this.tag('Entry')!.code === code && this._answered(a))
    this.loadData(() => lookUpCode(code), show, { loadingState: false })
  }

  private _answered(a: CodeAnswer): void {
    this._answer = a
    this.render()
    if (this._followAnswer && this.tag('Result')!.hasNextStep) this._setState('Actions')
  }

  render(): void {
    this.title = t('code.title')
    this.hints = chooseHints('arrows', true)
    this.tag('Entry')!.render()
    const a = this._answer
    this.tag('Result')!.show(a.result, a.message, a.message !== '')
  }

  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    if (d === null) return false
    this.tag('Entry')!.typeKey(String(d), true)
    return true
  }

  static override _states() {
    return [
      class Pad extends this {
        override _getFocused() {
          return this.tag('Entry')
        }
        override _handleRight(): boolean {
          if (this.tag('Result')!.hasNextStep) this._setState('Actions')
          return true
        }
      },
      class Actions extends this {
        override _getFocused() {
          return this.tag('Result')!.buttons
        }
        override _handleLeft(): boolean {
          this._setState('Pad')
          return true
        }
      },
    ]
  }
}
