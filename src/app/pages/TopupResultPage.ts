/**
 * How a top-up ended (lib/topupResult.ts words it, ResultPanel shows it). Continue goes back to what
 * sent the viewer here (e.g. an order), Done to the home screen, Top up again to the same way of paying.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import ResultPanel from '../components/ResultPanel.ts'
import type { Topup } from '../../contract/index.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { t } from '../lib/i18n.ts'
import { failedState } from '../lib/screenLoad.ts'
import { topupApi } from '../lib/topupApi.ts'
import { topupSplit, type TopupOutcome, type TopupSplit } from '../lib/topupFlow.ts'
import { accountBefore, outcomeOf, setReturnTo, takeTopupResult, topupReturnTo } from '../lib/topupMemory.ts'
import { topupResult, type TopupWays } from '../lib/topupResult.ts'

interface TopupResultSpec extends PageFrameSpec {
  Result: typeof ResultPanel
}

export default class TopupResultPage extends HallPage<TopupResultSpec> {
  private _topupId = ''
  private _topup: Topup | null = null
  private _outcome: TopupOutcome = null
  private _split: TopupSplit | null = null

  static override _template(): PageTemplate<TopupResultSpec> {
    return frame<TopupResultSpec>({ Result: { type: ResultPanel, x: 960, mountX: 0.5, y: 190, alpha: 0 } })
  }

  override set params(p: Router.PageParams) {
    this._topupId = p && p.topupId ? String(p.topupId) : ''
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
  }

  load(): void {
    const known = takeTopupResult(this._topupId)
    this.loadData(
      () => (known ? Promise.resolve(known) : topupApi.get(this._topupId)),
      (topup) => {
        this._topup = topup
        // Split before the outcome is noted: noting it marks the account paid up.
        this._split = topup.account ? topupSplit(topup.amountFen, topup.account, accountBefore()) : null
        this._outcome = outcomeOf(topup)
        // Paid: the card form and the QR code leave the history; Back goes to the top-up home.
        if (topup.status === 'succeeded') finishTransaction('topup', /^topup\/(card|qr)/)
        this.render()
        this.tag('Result')!.alpha = 1
        this._setState('Ready')
      },
      { reset: () => (this.tag('Result')!.alpha = 0) },
    )
  }

  private _ways: TopupWays = {
    returnTo: null,
    leave: (route) => {
      setReturnTo(null)
      Router.navigate(route)
    },
    again: () => Router.navigate(this._topup && this._topup.method === 'qr' ? 'topup/qr' : 'topup/card', {}, false),
  }

  render(): void {
    this.title = t('topup.title')
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    if (!this._topup) return
    const ways = { ...this._ways, returnTo: topupReturnTo() }
    this.tag('Result')!.show(topupResult(this._topup, this._split, this._outcome, ways))
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override _getFocused() {
          return this.tag('Result')
        }
      },
      failedState(this),
    ]
  }
}
