/**
 * The hint bar's most said line, "arrows choose, OK selects" (with "digits type" where digits type), in
 * one place so every screen words it the same; Back is added by the page frame.
 */
import type { Hint } from '../components/HintBar.ts'
import { t } from './i18n.ts'

/** `arrows`: which arrows move here; `digits`: the remote's digits type on this screen (said first). */
export function chooseHints(arrows: 'arrows' | 'updown' | 'leftright', digits = false): Hint[] {
  const choose: Hint[] = [
    [arrows, t('hint.choose')],
    ['ok', t('hint.select')],
  ]
  return digits ? [['digits', t('hint.digits')], ...choose] : choose
}
