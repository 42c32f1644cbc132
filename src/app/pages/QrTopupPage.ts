/**
 * 扫码支付: choose an amount (the arrears first when the account owes), then a big QR code the phone
 * scans, a countdown, and the TV asking the BFF every 2 s how it ended. 换个金额 returns to the amounts with
 * that amount focused; Back leaves the screen, as Back does on every screen. Either way the viewer turned
 * away from that code, so the TV stops waiting for it (the next visit starts with the amounts). Leaving
 * otherwise (Home) cancels nothing: the waiting payment is remembered and picked up again.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type Hint, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Topup } from '../../contract/index.ts'
import QrCodePanel from '../components/QrCodePanel.ts'
import AmountChoice from '../components/AmountChoice.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { failedState } from '../lib/screenLoad.ts'
import { SendStep } from '../lib/sendStep.ts'
import { topupApi } from '../lib/topupApi.ts'
import {
  forgetPendingTopup,
  lookUpPendingTopup,
  noteAccountBefore,
  rememberPendingTopup,
  reportQrPayUrl,
  showTopupResult,
} from '../lib/topupMemory.ts'
import { forgetQrTopup, qrTopupKey } from '../lib/topupKeys.ts'

interface QrTopupSpec extends PageFrameSpec {
  Choose: typeof AmountChoice
  Code: typeof QrCodePanel
}

export default class QrTopupPage extends HallPage<QrTopupSpec> {
  private _seq = 0
  private _arrearsFen = 0
  private _amountFen = 0
  private _key = ''
  /** The payment asked for: one code per choice, however often OK is pressed while the BFF answers. */
  private readonly _send = new SendStep(this)

  static override _template(): PageTemplate<QrTopupSpec> {
    return frame<QrTopupSpec>({
      Choose: { type: AmountChoice, alpha: 0 },
      Code: { type: QrCodePanel, visible: false },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => (this._amountFen ? this._create(this._amountFen) : this.load())
    this.tag('Code')!.onChangeAmount = () => this._backToChoice()
    this.tag('Choose')!.onChoose = (fen) => {
      // The same amount again before the BFF answered (a cut connection, a crash) is the same payment: same key.
      this._key = qrTopupKey(fen)
      this._create(fen)
    }
    this.tag('Code')!.onEnded = (topup) => this._finish(topup)
    this.render()
  }

  protected override visit(): void {
    this.load()
  }

  /** Leaving stops the asking, never the payment: it stays payable and remembered. */
  override _inactive(): void {
    this.tag('Code')!.stop()
    this._send.drop()
    this._seq++
  }

  /** A waiting payment comes back on screen; otherwise the choice of amounts, from the first one (a new visit). */
  load(): void {
    const seq = this._begin()
    this.loading.start()
    Promise.all([api().getAccount(), lookUpPendingTopup()])
      .then(([account, topup]) => {
        if (seq !== this._seq) return
        this.loading.stop()
        this._arrearsFen = account.arrearsFen
        if (topup) return this._waitFor(topup)
        noteAccountBefore(account)
        this._showChoice(0)
      })
      .catch((e: unknown) => seq === this._seq && this._failed(e))
  }

  private _begin(): number {
    this.tag('Code')!.stop()
    this._send.drop()
    this._amountFen = 0
    this.errorState.visible = false
    this._show('Loading')
    return ++this._seq
  }

  /** The amounts, the focus on `fen` (the first when it is not one of them). */
  private _showChoice(fen: number): void {
    this.tag('Choose')!.show(this._arrearsFen, fen)
    this.render()
    this._show('Choose')
  }

  /**
   * From the code back to the amounts, the one on the code focused. The TV forgets that payment (the viewer
   * turned away from it) but takes one last look, so a phone that paid just now still gets its result screen.
   */
  private _backToChoice(): void {
    const shown = this.tag('Code')!.topup
    this._begin()
    this._turnAway(shown)
    this._showChoice(shown ? shown.amountFen : 0)
    if (shown) this.tag('Code')!.lastLook(shown)
  }

  private _create(fen: number): void {
    if (this._send.busy) return
    this._begin()
    this._amountFen = fen
    // Answered: from here the payment is followed by its id (rememberPendingTopup); a new choice is a new payment.
    const call = () => topupApi.qr(fen, this._key).then((topup) => (forgetQrTopup(fen), topup))
    const asked = (topup: Topup) => (rememberPendingTopup(topup.topupId), this._waitFor(topup))
    this._send.send(call, asked, (e) => this._failed(e))
  }

  private _failed(e: unknown): void {
    this.loading.stop()
    this.errorState.code = errorCode(e)
    this._show('Failed')
  }

  private _waitFor(topup: Topup): void {
    if (topup.status !== 'pending' || !topup.qr) return this._finish(topup)
    this.tag('Code')!.show(topup)
    reportQrPayUrl(topup.qr.payUrl)
    this.render()
    this._show('Code')
  }

  private _finish(topup: Topup): void {
    this.tag('Code')!.stop()
    this._seq++
    this._turnAway(topup)
    showTopupResult(topup)
    Router.navigate('topup/result/' + topup.topupId, {}, false)
  }

  /** The TV no longer waits for this payment (it ended, or the viewer turned away from its code). */
  private _turnAway(topup: Topup | null): void {
    if (topup) forgetPendingTopup(topup.topupId)
    reportQrPayUrl(undefined)
  }

  render(): void {
    this.title = t('topup.qr.title')
    this.tag('Choose')!.render()
    this.tag('Code')!.render()
    const ok: Hint = ['ok', t('hint.select')]
    this.hints = [['leftright', t('hint.choose')], ok]
    this.errorState.render()
  }

  private _show(state: 'Loading' | 'Choose' | 'Code' | 'Failed'): void {
    this.tag('Choose')!.alpha = state === 'Choose' ? 1 : 0
    this.tag('Code')!.visible = state === 'Code'
    this.errorState.visible = state === 'Failed'
    this._setState(state)
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Choose extends this {
        override _getFocused() {
          return this.tag('Choose')
        }
      },
      class Code extends this {
        override _getFocused() {
          return this.tag('Code')
        }
        override _handleBack() {
          this._turnAway(this.tag('Code')!.topup)
          Router.back()
          return true
        }
      },
      failedState(this),
    ]
  }
}
