/**
 * One symptom's diagnosis: first what the account says (suspended, in arrears, package expired: top up
 * or renew instead of waiting for an engineer), then the checks one at a time, "Did that fix it?",
 * ending fixed or in a repair report with the category filled in. Back walks one step back.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Diagnosis } from '../../contract/index.ts'
import ActionButtons, { type ButtonAction } from '../components/ActionButtons.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { answerStep, offerRoute, skipAccount, startSteps, stepBack, type StepState } from '../lib/repairSteps.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160
const W = 1600

interface SymptomStepsSpec extends PageFrameSpec {
  Panel: {
    StepCounter: object
    StepHeading: object
    StepText: object
    Question: object
    StepActions: typeof ActionButtons
  }
}

export default class SymptomStepsPage extends HallPage<SymptomStepsSpec> {
  private _symptomId = ''
  private _diagnosis: Diagnosis | null = null
  private _steps: StepState | null = null

  static override _template(): PageTemplate<SymptomStepsSpec> {
    return frame<SymptomStepsSpec>({
      Panel: {
        x: X,
        y: 200,
        alpha: 0,
        StepCounter: { text: textPatch('', { fontSize: FontSize.small, textColor: Colors.accent }) },
        StepHeading: { y: 60, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        StepText: { y: 140, text: textPatch('', { fontSize: FontSize.heading }) },
        Question: { y: 420, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        StepActions: { type: ActionButtons, y: 480 },
      },
    })
  }

  /** Router: `repair/symptom/:symptomId`. */
  override set params(p: Router.PageParams) {
    this._symptomId = p && p.symptomId ? String(p.symptomId) : ''
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
  }

  load(): void {
    const reset = () => (this.tag('Panel')!.alpha = 0)
    loadScreen(
      this,
      () => repairApi.diagnosis(this._symptomId),
      (d) => {
        this._diagnosis = d
        this._go(startSteps(d))
        this.tag('Panel')!.setSmooth('alpha', 1)
        this._setState('Ready')
      },
      { reset, loadingState: false },
    )
  }

  private _go(next: StepState): void {
    this._steps = next
    this.render()
    // Every new step (or ending) starts on its first answer; a check starts on "not fixed", never on "fixed":
    // an OK pressed before the viewer tried the step must not end the help with the fault still there.
    this.tag('Panel.StepActions')!.select(next.phase === 'step' ? 1 : 0)
  }

  private _accountText(d: Diagnosis): string {
    const amount = formatFen(d.account ? d.account.arrearsFen : 0)
    if (d.finding === 'suspended') return t('steps.suspended', { amount })
    if (d.finding === 'arrears') return t('steps.arrears', { amount })
    const p = d.expiredPackages[0]
    return t('steps.expired', { name: p ? p.name : '', date: p ? formatDate(p.expiredOn, currentLanguage()) : '' })
  }

  render(): void {
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    const d = this._diagnosis
    const s = this._steps
    if (!d || !s) return
    this.title = local(d.symptom.title)
    const body = (text: string) =>
      textPatch(insertZeroWidthSpaces(text), {
        fontSize: FontSize.heading,
        wordWrapWidth: W,
        maxLines: 5,
        lineHeight: 58,
      })
    let counter = ''
    let heading = ''
    let text: string
    let question = ''
    let actions: ButtonAction[]
    if (s.phase === 'account') {
      heading = t('steps.accountTitle')
      text = this._accountText(d)
      const route = offerRoute(d.offer)
      const offer = d.offer === 'renew' ? t('steps.renew') : t('steps.topup')
      actions = [
        {
          ref: d.offer === 'renew' ? 'RenewButton' : 'TopupButton',
          label: offer,
          onSelect: () => route && Router.navigate(route),
        },
        { ref: 'CheckAnywayButton', label: t('steps.checkAnyway'), onSelect: () => this._go(skipAccount(s)) },
      ]
    } else if (s.phase === 'step') {
      counter = t('steps.stepOf', { n: s.index + 1, total: s.total })
      text = local(d.symptom.steps[s.index].text)
      question = t('steps.question')
      actions = [
        { ref: 'YesButton', label: t('steps.yes'), onSelect: () => this._go(answerStep(s, true)) },
        { ref: 'NoButton', label: t('steps.no'), onSelect: () => this._go(answerStep(s, false)) },
      ]
    } else if (s.phase === 'fixed') {
      heading = t('steps.fixedTitle')
      text = t('steps.fixedBody')
      actions = [{ ref: 'DoneButton', label: t('steps.done'), onSelect: () => Router.navigate('home') }]
    } else {
      heading = t('steps.reportTitle')
      text = t('steps.reportBody')
      actions = [
        {
          ref: 'ReportButton',
          label: t('steps.reportButton'),
          onSelect: () => Router.navigate('repair/report/' + d.repairCategory),
        },
      ]
    }
    this.tag('Panel.StepCounter')!.text = textPatch(counter, { fontSize: FontSize.small, textColor: Colors.accent })
    this.tag('Panel.StepHeading')!.text = textPatch(heading, {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
      textColor: s.phase === 'fixed' ? Colors.ok : Colors.text,
    })
    this.tag('Panel.StepText')!.patch({ y: heading ? 140 : 60, text: body(text) })
    this.tag('Panel.Question')!.text = textPatch(question, { fontSize: FontSize.body, textColor: Colors.textMuted })
    this.tag('Panel.StepActions')!.actions = actions
  }

  override _handleBack(): boolean {
    const d = this._diagnosis
    const prev = this._steps && d ? stepBack(this._steps, d.offer !== 'checks') : null
    if (prev) this._go(prev)
    else Router.back()
    return true
  }

  static override _states() {
    return [
      class Ready extends this {
        override _getFocused() {
          return this.tag('Panel.StepActions')
        }
      },
      failedState(this),
    ]
  }
}
