/**
 * 错误代码查询: the viewer types the code the box shows (E + three digits) with the remote's digits or
 * the on-screen pad; at the third digit the hall looks it up and shows cause and fix, with the
 * symptom's step-by-step checks one key away when the knowledge base links them.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import type { StbErrorCode } from '../../contract/index.ts'
import ActionButtons from '../components/ActionButtons.ts'
import NumberPad from '../components/NumberPad.ts'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import { errorCode as appErrorCode } from '../lib/api.ts'
import { CODE_DIGITS, codeDisplay, errorCodeOf, typeDigit } from '../lib/digitEntry.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { digitOfKey } from '../lib/keys.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160
const RESULT_X = 820
const RESULT_W = 1000

/**
 * What the viewer can do next: the symptom's checks when the knowledge base links them; for a code it
 * does not know (or a failed look-up), report the fault anyway or see the hotline, never a dead end.
 */
function codeActions(
  r: StbErrorCode | null,
  failed: boolean,
): Array<{ ref: string; label: string; onSelect: () => void }> {
  const report = {
    ref: 'CodeReportButton',
    label: t('code.report'),
    onSelect: () => Router.navigate('repair/report/other'),
  }
  const hotline = { ref: 'CodeHotlineButton', label: t('code.hotline'), onSelect: () => Router.navigate('help') }
  if (r && r.symptomId) {
    const symptomId = r.symptomId
    return [
      {
        ref: 'CodeStepsButton',
        label: t('code.steps'),
        onSelect: () => Router.navigate('repair/symptom/' + symptomId),
      },
      report,
    ]
  }
  if (r) return [report, hotline]
  return failed ? [report, hotline] : []
}

export default class ErrorCodePage extends HallPage {
  private _digits = ''
  private _result: StbErrorCode | null = null
  private _message = ''
  private _lookupSeq = 0
  private _failed = false
  private _followAnswer = false

  static override _template(): PageTemplate {
    const body = textPatch('', { fontSize: FontSize.body })
    return frame({
      Prompt: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      CodeField: {
        x: X,
        y: 226,
        text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold', textColor: Colors.accent }),
      },
      Keypad: { type: NumberPad, x: X, y: 346 },
      Result: {
        x: RESULT_X,
        y: 210,
        CodeTitle: { text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        CauseLabel: { y: 90, text: body },
        CauseText: { y: 140, text: body },
        FixLabel: { y: 300, text: body },
        FixText: { y: 350, text: body },
        CodeActions: { type: ActionButtons, y: 560, buttonW: 400 },
      },
    })
  }

  override _init(): void {
    this.render()
    this._setState('Pad')
  }

  override _onMounted(): void {
    this._reset()
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
    if (this._followAnswer && (this.tag('Result.CodeActions') as ActionButtons).actions.length > 0)
      this._setState('Actions')
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
    const muted = (s: string) => textPatch(s, { fontSize: FontSize.small, textColor: Colors.textMuted })
    const para = (s: string, color: number = Colors.text) =>
      textPatch(insertZeroWidthSpaces(s), {
        fontSize: FontSize.body,
        textColor: color,
        wordWrapWidth: RESULT_W,
        maxLines: 3,
        lineHeight: 48,
      })
    this.title = t('code.title')
    this.tag('Prompt').text = muted(t('code.prompt'))
    this.hints = [
      ['digits', t('hint.digits')],
      ['arrows', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('CodeField').text = textPatch(codeDisplay(this._digits), {
      fontSize: FontSize.display,
      fontStyle: 'bold',
      textColor: Colors.accent,
    })
    const r = this._result
    this.patch({
      Result: {
        CodeTitle: {
          text: textPatch(insertZeroWidthSpaces(r ? r.code + '  ' + local(r.title) : this._message), {
            fontSize: FontSize.heading,
            fontStyle: 'bold',
            textColor: r ? Colors.text : Colors.warning,
            wordWrapWidth: RESULT_W,
            maxLines: 2,
          }),
        },
        CauseLabel: { text: para(r ? t('code.cause') : '', Colors.textMuted) },
        CauseText: { text: para(r ? local(r.cause) : '') },
        FixLabel: { text: para(r ? t('code.fix') : '', Colors.textMuted) },
        FixText: { text: para(r ? local(r.fix) : '') },
      },
    })
    ;(this.tag('Result.CodeActions') as ActionButtons).actions = codeActions(r, this._failed)
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
          if ((this.tag('Result.CodeActions') as ActionButtons).actions.length > 0) this._setState('Actions')
          return true
        }
      },
      class Actions extends this {
        override _getFocused() {
          return this.tag('Result.CodeActions')
        }
        override _handleLeft(): boolean {
          this._setState('Pad')
          return true
        }
      },
    ]
  }
}
