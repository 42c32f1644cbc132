/**
 * Self-help as a small state machine, kept out of the page so it can be tested without a canvas:
 * first what the account says (a top-up or renewal beats a repair visit), then one check at a time.
 */
import type { Diagnosis } from '../../contract/index.ts'
import { usage } from './usageHall.ts'

export type StepPhase = 'account' | 'step' | 'fixed' | 'report'

export interface StepState {
  phase: StepPhase
  /** Index of the check on screen (phase 'step'). */
  index: number
  total: number
}

/** Where a diagnosis starts: the account's explanation when it has one, else the first check. */
export function startSteps(d: Pick<Diagnosis, 'offer'> & { symptom: { steps: unknown[] } }): StepState {
  const total = d.symptom.steps.length
  return { phase: d.offer === 'checks' ? 'step' : 'account', index: 0, total }
}

/** "Did that fix it?" Yes ends happily; No moves to the next check, after the last one to a repair report. */
export function answerStep(s: StepState, fixed: boolean): StepState {
  if (s.phase !== 'step') return s
  if (fixed) {
    usage().solved()
    return { ...s, phase: 'fixed' }
  }
  if (s.index + 1 < s.total) return { ...s, index: s.index + 1 }
  return { ...s, phase: 'report' }
}

/** The viewer paid or renewed already, or wants to check anyway: go on with the checks. */
export function skipAccount(s: StepState): StepState {
  return s.phase === 'account' ? { ...s, phase: 'step', index: 0 } : s
}

/** Back goes one check back; from the first check (or the end) it leaves the screen (null). */
export function stepBack(s: StepState, offeredAccount: boolean): StepState | null {
  if (s.phase === 'step' && s.index > 0) return { ...s, index: s.index - 1 }
  if (s.phase === 'step' && offeredAccount) return { ...s, phase: 'account', index: 0 }
  return null
}

/** Route for the account's offer: top-up for arrears and suspension, the packages for an expired one. */
export function offerRoute(offer: Diagnosis['offer']): string | null {
  return offer === 'top-up' ? 'topup' : offer === 'renew' ? 'packages' : null
}
