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
import MoneyText from '../components/MoneyText.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import {
  forgetPendingTopup,
  lookUpPendingTopup,
  noteAccountBefore,
  setReturnTo,
  showTopupResult,
} from '../lib/topupMemory.ts'

const X = 360

interface TopupSpec extends PageFrameSpec {
  Summary: {
    BalanceLabel: object
    TopupBalanceValue: typeof MoneyText
    ArrearsLabel: object
    TopupArrearsValue: typeof MoneyText
    Note: object
  }
  Ways: typeof TopupButtons
  WayHints: { CardHint: object; QrHint: object }
}

export default class TopupPage extends HallPage<TopupSpec> {
  private _account: Account | null = null
  /** Arrived from elsewhere (not Back from one of its own screens): the focus starts on the first way again. */
  private _fresh = true
  private _pendingWaiting = false

  static override _template(): PageTemplate<TopupSpec> {
    return frame<TopupSpec>({
      Summary: {
        x: X,
        y: 190,
        alpha: 0,
        BalanceLabel: { text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        TopupBalanceValue: { type: MoneyText, x: 320 },
        ArrearsLabel: { y: 80, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        TopupArrearsValue: { type: MoneyText, x: 320, y: 80 },
        Note: { y: 170, text: textPatch('', { fontSize: FontSize.body }) },
      },
      Ways: { type: TopupButtons, x: X - 12, y: 420, alpha: 0 },
      WayHints: {
        x: X,
        y: 560,
        CardHint: { text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
        QrHint: { y: 50, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      },
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
    const muted = (s: string) => textPatch(s, { fontSize: FontSize.body, textColor: Colors.textMuted })
    this.title = t('topup.title')
    this.tag('Summary.BalanceLabel')!.text = muted(t('topup.balance'))
    this.tag('Summary.ArrearsLabel')!.text = muted(t('topup.arrears'))
    this.tag('Ways')!.relabel([t('topup.card'), t('topup.qr')])
    const small = (s: string) =>
      textPatch(insertZeroWidthSpaces(s), {
        fontSize: FontSize.small,
        textColor: Colors.textMuted,
        wordWrapWidth: 1200,
        maxLines: 1,
      })
    this.tag('WayHints.CardHint')!.text = small(
      t('topup.wayHint', { way: t('topup.card'), hint: t('topup.card.hint') }),
    )
    this.tag('WayHints.QrHint')!.text = small(t('topup.wayHint', { way: t('topup.qr'), hint: t('topup.qr.hint') }))
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    const a = this._account
    if (!a) return
    const balance = this.tag('Summary.TopupBalanceValue')!
    balance.fen = a.balanceFen
    const arrears = this.tag('Summary.TopupArrearsValue')!
    arrears.fen = a.arrearsFen
    arrears.tone = a.arrearsFen > 0 ? 'danger' : 'normal'
    const note = this._pendingWaiting
      ? t('topup.pendingNote')
      : a.status === 'suspended'
        ? t('topup.suspendedNote')
        : ''
    this.tag('Summary.Note')!.text = textPatch(insertZeroWidthSpaces(note), {
      fontSize: FontSize.body,
      textColor: this._pendingWaiting ? Colors.warning : Colors.danger,
      wordWrapWidth: 1200,
      maxLines: 2,
    })
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
