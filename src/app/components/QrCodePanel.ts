/**
 * A QR top-up waiting to be paid: the code the phone scans, the amount, a countdown until the code
 * expires (red in its last 30 s), and 换个金额 to choose another amount. While it shows, it asks the BFF
 * every TOPUP_POLL_SECONDS how the payment ended (a failed ask changes nothing: it asks again).
 */
import { Lightning } from '@lightningjs/sdk'
import type { Topup } from '../../contract/index.ts'
import { TOPUP_POLL_SECONDS } from '../../contract/polling.ts'
import QrCode from './QrCode.ts'
import TopupButtons from './TopupButtons.ts'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { topupApi } from '../lib/topupApi.ts'
import { formatCountdown, secondsLeft } from '../lib/topupFlow.ts'

const X = 140
const TEXT_X = 900
const QR_SIZE = 600
const POLL_MS = TOPUP_POLL_SECONDS * 1000

export interface QrCodePanelSpec extends Lightning.Component.TemplateSpec {
  Qr: typeof QrCode
  QrAmountText: object
  QrCountdown: object
  QrWaiting: object
  QrChangeAmountButton: typeof TopupButtons
}

// Two lines at most, spaced so large text's lines never touch (Lightning's default line height is too tight).
const wrap = (s: string, size: number, color: number = Colors.text) =>
  textPatch(insertZeroWidthSpaces(s), {
    fontSize: size,
    textColor: color,
    wordWrapWidth: 880,
    maxLines: 2,
    lineHeight: Math.round(size * 1.25),
  })

export default class QrCodePanel
  extends Lightning.Component<QrCodePanelSpec>
  implements Lightning.Component.ImplementTemplateSpec<QrCodePanelSpec>
{
  private _topup: Topup | null = null
  private _answeredAt = 0
  private _timers: ReturnType<typeof setTimeout>[] = []
  /** The current round of asking; stop() makes older answers stale. */
  private _seq = 0
  /** 换个金额 was chosen. */
  onChangeAmount: () => void = () => {}
  /** The payment ended (paid, failed or expired) while its code was shown. */
  onEnded: (topup: Topup) => void = () => {}

  static override _template(): Lightning.Component.Template<QrCodePanelSpec> {
    return {
      Qr: { type: QrCode, x: X + 60, y: 190 },
      QrAmountText: { x: TEXT_X, y: 240, text: textPatch('', { fontSize: FontSize.heading }) },
      QrCountdown: { x: TEXT_X, y: 400, text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold' }) },
      QrWaiting: { x: TEXT_X, y: 520, text: textPatch('', { fontSize: FontSize.body }) },
      QrChangeAmountButton: { type: TopupButtons, x: TEXT_X - 12, y: 640 },
    }
  }

  override _init(): void {
    this.tag('Qr')!.size = QR_SIZE
    const change = this.tag('QrChangeAmountButton')!
    change.buttonW = 400
    change.buttons = [{ ref: 'QrOtherAmountButton', label: '', onSelect: () => this.onChangeAmount() }]
    this.render()
  }

  /** The payment on screen (null: none). */
  get topup(): Topup | null {
    return this._topup
  }

  /** A pending payment's code, counted down from now (the BFF's answer just came), and asked after until it ends. */
  show(topup: Topup): void {
    this.stop()
    this._topup = topup
    this._answeredAt = Date.now()
    if (topup.qr) this.tag('Qr')!.value = topup.qr.payUrl
    this.render()
    const seq = this._seq
    const tick = () => {
      if (seq !== this._seq) return
      this._renderCountdown()
      this._timers.push(setTimeout(tick, 1000))
    }
    tick()
    this._timers.push(setTimeout(() => this._poll(topup.topupId, seq), POLL_MS))
  }

  private _poll(topupId: string, seq: number): void {
    const again = () => this._timers.push(setTimeout(() => this._poll(topupId, seq), POLL_MS))
    topupApi
      .get(topupId)
      .then((topup) => {
        if (seq !== this._seq) return
        if (topup.status !== 'pending') return this.onEnded(topup)
        // A newer answer about the same code: the countdown counts from it.
        if (topup.qr) {
          this._topup = topup
          this._answeredAt = Date.now()
        }
        again()
      })
      .catch(() => {
        if (seq === this._seq) again()
      })
  }

  /**
   * One last ask after the viewer turned away from `topup`'s code (stop() called), so a phone that paid just
   * now still gets its result screen; nothing to add otherwise: the amounts are already on screen.
   */
  lastLook(topup: Topup): void {
    const seq = this._seq
    topupApi
      .get(topup.topupId)
      .then((answer) => {
        if (seq === this._seq && answer.status === 'succeeded') this.onEnded(answer)
      })
      .catch(() => undefined)
  }

  /** Stops the countdown and the asking (the payment ended or the viewer turned away); forgets the payment. */
  stop(): void {
    this._seq++
    for (const id of this._timers) clearTimeout(id)
    this._timers = []
    this._topup = null
  }

  override _detach(): void {
    this.stop()
  }

  render(): void {
    const amount = this._topup ? this._topup.amountFen : 0
    this.tag('QrAmountText')!.text = wrap(t('topup.qr.scan', { amount: formatFen(amount) }), FontSize.heading)
    this.tag('QrWaiting')!.text = wrap(t('topup.qr.waiting'), FontSize.body, Colors.textMuted)
    this.tag('QrChangeAmountButton')!.relabel([t('topup.qr.changeAmount')])
    this._renderCountdown()
  }

  private _renderCountdown(): void {
    const qr = this._topup && this._topup.qr
    const left = qr ? secondsLeft(qr.expiresInSeconds, this._answeredAt, Date.now()) : 0
    this.tag('QrCountdown')!.text = textPatch(t('topup.qr.countdown', { time: formatCountdown(left) }), {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
      textColor: left <= 30 ? Colors.danger : Colors.accent,
    })
  }

  override _getFocused(): TopupButtons {
    return this.tag('QrChangeAmountButton')!
  }
}
