/**
 * 充值缴费: what the account holds or owes, and the two ways to top up (prepaid card, QR code). Reached
 * from the home banner, the red key, the balance screen and an order short of money (`returnTo` brings
 * the viewer back there after success). A QR payment left waiting is looked up on every visit, so a
 * viewer who paid and wandered off sees how it ended.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Account } from '../../contract/index.ts'
import TopupButtons from '../components/TopupButtons.ts'
import TopupSummary from '../components/TopupSummary.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { chooseHints } from '../lib/hints.ts'
import {
  forgetPendingTopup,
  lookUpPendingTopup,
  noteAccountBefore,
  setReturnTo,
  showTopupResult,
} from '../lib/topupMemory.ts'

const X = 360

interface TopupSpec extends PageFrameSpec {
  Summary: typeof TopupSummary
  Ways: typeof TopupButtons
}

export default class TopupPage extends HallPage<TopupSpec> {
  private _account: Account | null = null
  /** Arrived from elsewhere (not Back from one of its own screens): the focus starts on the first way again. */
  private _fresh = true
  private _pendingWaiting = false

  static override _template(): PageTemplate<TopupSpec> {
    return frame<TopupSpec>({
      Summary: { type: TopupSummary, x: X, y: 190, alpha: 0 },
      Ways: { type: TopupButtons, x: X - 12, y: 420, alpha: 0 },
    })
  }

  /**
   * Router: `returnTo` when an order sent the viewer here; absent on Back from a child screen, which keeps it.
   * The route being left tells a return from a child (topup/…) from a new visit; a flag set on leaving would
   * survive the Home key and make the next visit from home start on the way chosen last time.
   */
  override set params(p: Router.PageParams) {
    const returnTo = p && typeof p.returnTo === 'string' ? p.returnTo : null
    const fromChild = /^\/?topup\//.test(Router.getActiveHash() || '')
    if (returnTo) setReturnTo(returnTo)
    else if (!fromChild) setReturnTo(null)
    this._fresh = !fromChild
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    const ways = this.tag('Ways')!
    ways.buttonW = 520
    ways.buttons = [
      { ref: 'CardTopupButton', label: '', onSelect: () => Router.navigate('topup/card') },
      { ref: 'QrTopupButton', label: '', onSelect: () => Router.navigate('topup/qr') },
    ]
    this.render()
  }

  protected override visit(first: boolean): void {
    this.load(!first && !this._fresh && this._account !== null)
  }

  /**
   * `refresh`: back from one of its own screens (e.g. a result) with the ways already on screen; they keep the focus and take
   * OK while the new balance comes in, instead of swallowing the viewer's key during a Loading state.
   */
  load(refresh = false): void {
    const options = refresh ? { loadingState: false, quiet: true } : {}
    loadScreen(
      this,
      () => Promise.all([api().getAccount(), lookUpPendingTopup()]),
      ([account, topup]) => {
        this._account = account
        this._pendingWaiting = !!topup && topup.status === 'pending'
        this.tag('Summary')!.show(account, this._pendingWaiting)
        // A refresh answered after the viewer already went on (OK on a way) must not pull them back; the balance
        // it brought is still the one a following top-up starts from.
        if (refresh && Router.getActiveRoute() !== 'topup') return noteAccountBefore(account)
        if (topup && topup.status !== 'pending') {
          // How the waiting payment ended, once; afterwards this screen is plain again.
          forgetPendingTopup(topup.topupId)
          showTopupResult(topup)
          Router.navigate('topup/result/' + topup.topupId)
          return
        }
        noteAccountBefore(account)
        this.render()
        this._setState('Ready')
      },
      options,
    )
  }

  render(): void {
    this.title = t('topup.title')
    this.tag('Ways')!.relabel([t('topup.card'), t('topup.qr')])
    this.hints = chooseHints('leftright')
    this.errorState.render()
    this.tag('Summary')!.render()
  }

  override _handleBack(): boolean {
    setReturnTo(null)
    Router.back()
    return true
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override $enter() {
          this.tag('Summary')!.setSmooth('alpha', 1)
          this.tag('Ways')!.setSmooth('alpha', 1)
          // A new visit starts on the first way (the QR way when a payment is waiting there); Back from a
          // child screen keeps the way the viewer had chosen.
          if (this._fresh) this.tag('Ways')!.select(this._pendingWaiting ? 1 : 0)
          this._fresh = false
        }
        override _getFocused() {
          return this.tag('Ways')
        }
      },
      failedState(this, 'Summary', 'Ways'),
    ]
  }
}
