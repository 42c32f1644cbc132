/**
 * One symptom's diagnosis: first what the account says (suspended, in arrears, package expired: top up
 * or renew instead of waiting for an engineer), then the checks one at a time, "Did that fix it?",
 * ending fixed or in a repair report with the category filled in. Back walks one step back.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Diagnosis } from '../../contract/index.ts'
import DiagnosisStep from '../components/DiagnosisStep.ts'
import { diagnosisView, type DiagnosisWays } from '../lib/diagnosisView.ts'
import { t } from '../lib/i18n.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { startSteps, stepBack, type StepState } from '../lib/repairSteps.ts'

interface SymptomStepsSpec extends PageFrameSpec {
  Step: typeof DiagnosisStep
}

export default class SymptomStepsPage extends HallPage<SymptomStepsSpec> {
  private _symptomId = ''
  private _diagnosis: Diagnosis | null = null
  private _steps: StepState | null = null
  private readonly _ways: DiagnosisWays = {
    go: (next) => this._go(next),
    navigate: (route) => Router.navigate(route),
  }

  static override _template(): PageTemplate<SymptomStepsSpec> {
    return frame<SymptomStepsSpec>({ Step: { type: DiagnosisStep, x: 160, y: 200 } })
  }

  /** Router: `repair/symptom/:symptomId`. */
  override set params(p: Router.PageParams) {
    this._symptomId = p && p.symptomId ? String(p.symptomId) : ''
  }

  override _init(): void {
    this.showsData({ content: this.tag('Step')! })
    this.loadOnVisit(() => this.load())
  }

  load(): void {
    const show = (d: Diagnosis) => ((this._diagnosis = d), this._go(startSteps(d)), true)
    this.loadData(() => repairApi.diagnosis(this._symptomId), show)
  }

  private _go(next: StepState): void {
    this._steps = next
    this.render(true)
  }

  /** `first`: a new step (or ending), focused on its first answer; else the same step relabelled. */
  render(first = false): void {
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    const d = this._diagnosis
    const s = this._steps
    if (!d || !s) return
    this.title = local(d.symptom.title)
    this.tag('Step')!.show(diagnosisView(d, s, this._ways), first)
  }

  override _handleBack(): boolean {
    const d = this._diagnosis
    const prev = this._steps && d ? stepBack(this._steps, d.offer !== 'checks') : null
    if (prev) this._go(prev)
    else Router.back()
    return true
  }
}
