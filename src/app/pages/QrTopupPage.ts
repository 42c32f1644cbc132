/**
 * 扫码支付: choose an amount (the arrears first when the account owes), then a big QR code the phone
 * scans, a countdown, and the TV asking the BFF every 2 s how it ended. 换个金额 returns to the amounts with
 * that amount focused; Back leaves the screen, as Back does on every screen. Either way the viewer turned
 * away from that code, so the TV stops waiting for it (the next visit starts with the amounts). Leaving
 * otherwise (Home) cancels nothing: the waiting payment is remembered and picked up again.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { TOPUP_POLL_SECONDS, type Topup } from '../../contract/index.ts'
import TopupButtons from '../components/TopupButtons.ts'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import QrCode from '../components/QrCode.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { amountOptions, formatCountdown, secondsLeft } from '../lib/topupFlow.ts'
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

const X = 140
const POLL_MS = TOPUP_POLL_SECONDS * 1000
const QR_SIZE = 600

export default class QrTopupPage extends HallPage {
  private _seq = 0
  private _arrearsFen = 0
  private _topup: Topup | null = null
  private _answeredAt = 0
  private _amountFen = 0
  private _key = ''
  private _timers: ReturnType<typeof setTimeout>[] = []

  static override _template(): PageTemplate {
    return frame({
      Choose: {
        alpha: 0,
        Prompt: { x: X, y: 220, text: textPatch('', { fontSize: FontSize.heading }) },
        ArrearsNote: { x: X, y: 300, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.danger }) },
        Amounts: { type: TopupButtons, x: X - 12, y: 380 },
      },
      Code: {
        visible: false,
        Qr: { type: QrCode, x: X + 60, y: 190 },
        QrAmountText: { x: 900, y: 240, text: textPatch('', { fontSize: FontSize.heading }) },
        QrCountdown: { x: 900, y: 400, text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold' }) },
        QrWaiting: { x: 900, y: 520, text: textPatch('', { fontSize: FontSize.body }) },
        QrChangeAmountButton: { type: TopupButtons, x: 888, y: 640 },
      },
    })
  }

  override _init(): void {
    ;(this.tag('Code.Qr') as QrCode).size = QR_SIZE
    this.errorState.onRetry = () => (this._amountFen ? this._create(this._amountFen) : this.load())
    const change = this.tag('Code.QrChangeAmountButton') as TopupButtons
    change.buttonW = 400
    change.buttons = [{ ref: 'QrOtherAmountButton', label: '', onSelect: () => this._backToChoice() }]
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  /** Leaving stops the asking, never the payment: it stays payable and remembered. */
  override _inactive(): void {
    this._stopTimers()
    this._seq++
  }

  /** A waiting payment comes back on screen; otherwise the choice of amounts, from the first one (a new visit). */
  load(): void {
    const seq = this._begin()
    this._topup = null
    const loading = this.loading
    loading.start()
    Promise.all([api().getAccount(), lookUpPendingTopup()])
      .then(([account, topup]) => {
        if (seq !== this._seq) return
        loading.stop()
        this._arrearsFen = account.arrearsFen
        if (topup && topup.status === 'pending') {
          return this._waitFor(topup, seq)
        }
        if (topup) return this._finish(topup)
        noteAccountBefore(account)
        this._showChoice(0)
      })
      .catch((e: unknown) => this._failed(seq, e))
  }

  private _begin(): number {
    this._stopTimers()
    this._amountFen = 0
    this.errorState.visible = false
    this._show('Loading')
    return ++this._seq
  }

  private _showChoice(focusIndex: number): void {
    const amounts = this.tag('Choose.Amounts') as TopupButtons
    amounts.buttonW = 250
    amounts.buttons = amountOptions(this._arrearsFen).map((fen, i) => ({
      ref: 'Amount' + i,
      label: formatFen(fen),
      onSelect: () => this._choose(fen),
    }))
    amounts.select(focusIndex)
    this.render()
    this._show('Choose')
  }

  /**
   * From the code back to the amounts, the one on the code focused. The TV forgets that payment (the viewer
   * turned away from it) but takes one last look, so a phone that paid just now still gets its result screen.
   */
  private _backToChoice(): void {
    const shown = this._topup
    this._begin()
    this._topup = null
    reportQrPayUrl(undefined)
    this._showChoice(shown ? Math.max(0, amountOptions(this._arrearsFen).indexOf(shown.amountFen)) : 0)
    if (!shown) return
    forgetPendingTopup(shown.topupId)
    const seq = this._seq
    topupApi
      .get(shown.topupId)
      .then((topup) => {
        if (seq === this._seq && topup.status === 'succeeded') this._finish(topup)
      })
      .catch(() => undefined) // nothing to add: the amounts are already on screen
  }

  private _choose(fen: number): void {
    // The same amount again before the BFF answered (a cut connection, a crash) is the same payment: same key.
    this._key = qrTopupKey(fen)
    this._create(fen)
  }

  private _create(fen: number): void {
    const seq = this._begin()
    this._amountFen = fen
    const loading = this.loading
    loading.start()
    topupApi
      .qr(fen, this._key)
      .then((topup) => {
        // Answered: from here the payment is followed by its id (rememberPendingTopup); a new choice is a new payment.
        forgetQrTopup(fen)
        if (seq !== this._seq) return
        loading.stop()
        rememberPendingTopup(topup.topupId)
        this._waitFor(topup, seq)
      })
      .catch((e: unknown) => this._failed(seq, e))
  }

  private _failed(seq: number, e: unknown): void {
    if (seq !== this._seq) return
    this.loading.stop()
    this.errorState.code = errorCode(e)
    this._show('Failed')
  }

  private _waitFor(topup: Topup, seq: number): void {
    if (topup.status !== 'pending' || !topup.qr) return this._finish(topup)
    this._topup = topup
    this._answeredAt = Date.now()
    ;(this.tag('Code.Qr') as QrCode).value = topup.qr.payUrl
    reportQrPayUrl(topup.qr.payUrl)
    this.render()
    this._show('Code')
    const tick = () => {
      if (seq !== this._seq) return
      this._renderCountdown()
      this._timers.push(setTimeout(tick, 1000))
    }
    tick()
    this._timers.push(setTimeout(() => this._poll(topup.topupId, seq), POLL_MS))
  }

  private _poll(topupId: string, seq: number): void {
    topupApi
      .get(topupId)
      .then((topup) => {
        if (seq !== this._seq) return
        if (topup.status !== 'pending') return this._finish(topup)
        if (topup.qr) {
          this._topup = topup
          this._answeredAt = Date.now()
        }
        this._timers.push(setTimeout(() => this._poll(topupId, seq), POLL_MS))
      })
      .catch(() => {
        // A blip while waiting changes nothing on the phone's side: ask again.
        if (seq === this._seq) this._timers.push(setTimeout(() => this._poll(topupId, seq), POLL_MS))
      })
  }

  private _finish(topup: Topup): void {
    this._stopTimers()
    this._seq++
    forgetPendingTopup(topup.topupId)
    reportQrPayUrl(undefined)
    showTopupResult(topup)
    Router.navigate('topup/result/' + topup.topupId, {}, false)
  }

  private _stopTimers(): void {
    for (const id of this._timers) clearTimeout(id)
    this._timers = []
  }

  private _renderCountdown(): void {
    const qr = this._topup && this._topup.qr
    const left = qr ? secondsLeft(qr.expiresInSeconds, this._answeredAt, Date.now()) : 0
    this.tag('Code.QrCountdown').text = textPatch(t('topup.qr.countdown', { time: formatCountdown(left) }), {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
      textColor: left <= 30 ? Colors.danger : Colors.accent,
    })
  }

  render(): void {
    const wrap = (s: string, size: number, color: number = Colors.text) =>
      textPatch(insertZeroWidthSpaces(s), { fontSize: size, textColor: color, wordWrapWidth: 880, maxLines: 2 })
    this.title = t('topup.qr.title')
    this.tag('Choose.Prompt').text = textPatch(t('topup.qr.choose'), { fontSize: FontSize.heading })
    this.tag('Choose.ArrearsNote').text = textPatch(
      this._arrearsFen > 0 ? t('topup.qr.arrearsAmount', { amount: formatFen(this._arrearsFen) }) : '',
      {
        fontSize: FontSize.body,
        textColor: Colors.danger,
      },
    )
    const amount = this._topup ? this._topup.amountFen : this._amountFen
    this.tag('Code.QrAmountText').text = wrap(t('topup.qr.scan', { amount: formatFen(amount) }), FontSize.heading)
    this.tag('Code.QrWaiting').text = wrap(t('topup.qr.waiting'), FontSize.body, Colors.textMuted)
    ;(this.tag('Code.QrChangeAmountButton') as TopupButtons).relabel([t('topup.qr.changeAmount')])
    this._renderCountdown()
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
  }

  private _show(state: 'Loading' | 'Choose' | 'Code' | 'Failed'): void {
    this.tag('Choose').alpha = state === 'Choose' ? 1 : 0
    this.tag('Code').visible = state === 'Code'
    this.errorState.visible = state === 'Failed'
    this._setState(state)
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Choose extends this {
        override _getFocused() {
          return this.tag('Choose.Amounts')
        }
      },
      class Code extends this {
        override _getFocused() {
          return this.tag('Code.QrChangeAmountButton')
        }
        override _handleBack() {
          if (this._topup) forgetPendingTopup(this._topup.topupId)
          reportQrPayUrl(undefined)
          Router.back()
          return true
        }
      },
      class Failed extends this {
        override _getFocused() {
          return this.errorState
        }
      },
    ]
  }
}
