/**
 * How a top-up ended, in the viewer's words for the result screen (ResultPanel): the amount, what went to
 * the arrears and the new balance (as the BOSS reports them), "service restored" when it cleared a
 * suspension; or that the QR code expired or was cancelled and nothing was charged.
 */
import type { Topup } from '../../contract/index.ts'
import type { ButtonAction } from '../components/ActionButtons.ts'
import type { ResultContent, ResultFact } from '../components/ResultPanel.ts'
import { formatFen } from './format.ts'
import { t } from './i18n.ts'
import type { TKey } from './i18nKeys.ts'
import type { TopupOutcome, TopupSplit } from './topupFlow.ts'

/** Where the result's buttons lead; the page knows the routes. */
export interface TopupWays {
  /** Back to what sent the viewer to top up (an order), when something did. */
  returnTo: string | null
  leave: (route: string) => void
  again: () => void
}

const TITLE: Record<Topup['status'], TKey> = {
  succeeded: 'topup.result.success',
  expired: 'topup.result.expired',
  cancelled: 'topup.result.cancelled',
  pending: 'topup.result.pending',
}

export function topupResult(
  topup: Topup,
  split: TopupSplit | null,
  outcome: TopupOutcome,
  go: TopupWays,
): ResultContent {
  const ok = topup.status === 'succeeded'
  const title = t(TITLE[topup.status])
  // Where the money went: the arrears first (the BOSS settles them first), the rest is balance.
  const paid = (ok && split && split.arrearsPaidFen) || 0
  const facts: ResultFact[] = ok
    ? [
        { ref: 'TopupAmountValue', label: t('topup.result.amount'), fen: topup.amountFen },
        ...(paid > 0 ? [{ ref: 'TopupArrearsPaid', label: t('topup.result.arrearsPaid'), fen: paid }] : []),
        ...(topup.account
          ? [{ ref: 'TopupNewBalance', label: t('topup.result.balance'), fen: topup.account.balanceFen }]
          : []),
      ]
    : []
  return {
    tone: ok ? 'success' : topup.status === 'pending' ? 'pending' : 'failure',
    title,
    facts,
    detail: note(ok ? split : null, outcome),
    actions: actions(ok, go),
    refs: { title: 'TopupResultTitle', detail: 'TopupResultNote' },
  }
}

/** Restored only after a suspension; paid off when it was only owed; still owed when the top-up did not cover it. */
function note(split: TopupSplit | null, outcome: TopupOutcome): string {
  if (outcome === 'restored') return t('topup.result.restored')
  if (outcome === 'settled') return t('topup.result.settled')
  if (split && split.arrearsLeftFen > 0) return t('topup.result.stillOwed', { amount: formatFen(split.arrearsLeftFen) })
  return ''
}

function actions(ok: boolean, go: TopupWays): ButtonAction[] {
  const done: ButtonAction = { ref: 'TopupDoneButton', label: t('topup.result.done'), onSelect: () => go.leave('home') }
  const returnTo = go.returnTo
  if (ok && returnTo)
    return [{ ref: 'TopupContinueButton', label: t('topup.result.continue'), onSelect: () => go.leave(returnTo) }, done]
  const again: ButtonAction = { ref: 'TopupAgainButton', label: t('topup.result.again'), onSelect: go.again }
  return ok ? [done, again] : [again, done]
}
