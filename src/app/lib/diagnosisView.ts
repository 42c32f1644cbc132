/**
 * What one step of a symptom's diagnosis says and offers (SymptomStepsPage shows it in DiagnosisStep): what the
 * account says with top up or renew, a check with "Did that fix it?", fixed, or the report with its category.
 */
import type { Diagnosis } from '../../contract/index.ts'
import type { ButtonAction } from '../components/ActionButtons.ts'
import { formatDate, formatFen } from './format.ts'
import { currentLanguage, t } from './i18n.ts'
import { local } from './repairApi.ts'
import { answerStep, offerRoute, skipAccount, type StepState } from './repairSteps.ts'

export interface DiagnosisView {
  /** "Step 1 of 3" on a check, else empty. */
  counter: string
  heading: string
  text: string
  question: string
  fixed: boolean
  actions: ButtonAction[]
  /**
   * The answer focused first. A check starts on "not fixed", never on "fixed": an OK pressed before the
   * viewer tried the step must not end the help with the fault still there.
   */
  focus: number
}

/** Where the step's buttons lead: another step of this diagnosis, or another screen. */
export interface DiagnosisWays {
  go: (next: StepState) => void
  navigate: (route: string) => void
}

function accountText(d: Diagnosis): string {
  const amount = formatFen(d.account ? d.account.arrearsFen : 0)
  if (d.finding === 'suspended') return t('steps.suspended', { amount })
  if (d.finding === 'arrears') return t('steps.arrears', { amount })
  const p = d.expiredPackages[0]
  return t('steps.expired', { name: p ? p.name : '', date: p ? formatDate(p.expiredOn, currentLanguage()) : '' })
}

export function diagnosisView(d: Diagnosis, s: StepState, ways: DiagnosisWays): DiagnosisView {
  const view = { counter: '', question: '', fixed: false, focus: 0 }
  if (s.phase === 'account') {
    const route = offerRoute(d.offer)
    const renew = d.offer === 'renew'
    const offer = {
      ref: renew ? 'RenewButton' : 'TopupButton',
      label: t(renew ? 'steps.renew' : 'steps.topup'),
      onSelect: () => route && ways.navigate(route),
    }
    const anyway = { ref: 'CheckAnywayButton', label: t('steps.checkAnyway'), onSelect: () => ways.go(skipAccount(s)) }
    return { ...view, heading: t('steps.accountTitle'), text: accountText(d), actions: [offer, anyway] }
  }
  if (s.phase === 'step')
    return {
      ...view,
      counter: t('steps.stepOf', { n: s.index + 1, total: s.total }),
      heading: '',
      text: local(d.symptom.steps[s.index].text),
      question: t('steps.question'),
      actions: [
        { ref: 'YesButton', label: t('steps.yes'), onSelect: () => ways.go(answerStep(s, true)) },
        { ref: 'NoButton', label: t('steps.no'), onSelect: () => ways.go(answerStep(s, false)) },
      ],
      focus: 1,
    }
  if (s.phase === 'fixed') {
    const done = { ref: 'DoneButton', label: t('steps.done'), onSelect: () => ways.navigate('home') }
    return { ...view, fixed: true, heading: t('steps.fixedTitle'), text: t('steps.fixedBody'), actions: [done] }
  }
  const report = () => ways.navigate('repair/report/' + d.repairCategory)
  const button = { ref: 'ReportButton', label: t('steps.reportButton'), onSelect: report }
  return { ...view, heading: t('steps.reportTitle'), text: t('steps.reportBody'), actions: [button] }
}
