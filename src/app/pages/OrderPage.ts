/**
 * One order, in the regulator's steps: the confirmation (everything priced by the BOSS, focus on Cancel),
 * conflicts explained before any PIN, the purchase PIN, then the real result (waiting out a 202).
 * One Idempotency-Key per attempt, kept across retries, and a guard so repeated OKs order once.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type Hint, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { OrderResult } from '../../contract/index.ts'
import OrderConfirmStep from '../components/OrderConfirmStep.ts'
import PinPad from '../components/PinPad.ts'
import ResultPanel, { type ResultContent } from '../components/ResultPanel.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { answeredOutcome, refusalParams, refusedOutcome, sendingOutcome, type OrderWays } from '../lib/orderOutcome.ts'
import { isPlaced, orderFailure } from '../lib/orderFlow.ts'
import { failedState } from '../lib/screenLoad.ts'
import { SendStep } from '../lib/sendStep.ts'
import { chooseHints } from '../lib/hints.ts'
import { Colors } from '../lib/theme.ts'
import { forgetOrderAttempt } from '../lib/orderKeys.ts'
import { sendOrder } from '../lib/orderSend.ts'

const ORDER_STEPS = /^(order|packages)\//

type Step = 'Loading' | 'Confirm' | 'Blocked' | 'Pin' | 'Outcome' | 'Failed'

interface OrderSpec extends PageFrameSpec {
  Confirm: typeof OrderConfirmStep
  Pin: typeof PinPad
  Outcome: typeof ResultPanel
}

export default class OrderPage extends HallPage<OrderSpec> {
  private _productId = ''
  private _months = 0
  /** The order on its way: the pending result shows (no PIN, no second order). */
  private readonly _send = new SendStep({ loading: { start: () => this._outcome(sendingOutcome()), stop() {} } })

  static override _template(): PageTemplate<OrderSpec> {
    return frame<OrderSpec>({
      Confirm: { type: OrderConfirmStep, x: 460, y: 190, alpha: 0 },
      Pin: { type: PinPad, x: 960, mountX: 0.5, y: 190, visible: false },
      Outcome: { type: ResultPanel, x: 960, mountX: 0.5, y: 200, visible: false },
    })
  }

  private get _confirm(): OrderConfirmStep {
    return this.tag('Confirm')!
  }

  private get _pin(): PinPad {
    return this.tag('Pin')!
  }

  /** Router: `order/:productId/:periodMonths`. */
  override set params(p: Router.PageParams) {
    this._productId = p && p.productId ? String(p.productId) : ''
    this._months = p && p.periodMonths ? Number(p.periodMonths) : 0
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this._pin.onComplete = (pin: string) => this._place(pin)
    this._confirm.onCancel = () => Router.back()
    this._confirm.onConfirm = () => this._confirmed()
    this.render()
  }

  /** Also the way back from top-up: the quote is asked again, with the new balance. */
  protected override visit(): void {
    this.load()
  }

  load(): void {
    this.loadData(
      () => api().quoteOrder({ productId: this._productId, periodMonths: this._months }),
      (quote) => {
        this._confirm.quote = quote
        this.render()
        this._show(quote.canOrder ? 'Confirm' : 'Blocked')
      },
      { reset: () => this._send.drop(), setState: (state) => this._show(state) },
    )
  }

  private _show(state: Step): void {
    this._confirm.setSmooth('alpha', state === 'Confirm' || state === 'Blocked' ? 1 : 0)
    this._pin.visible = state === 'Pin'
    this.tag('Outcome')!.visible = state === 'Outcome'
    this.errorState.visible = state === 'Failed'
    this._setState(state)
    this.title = this._title()
    this.hints = this._hints()
  }

  /** The result no longer asks to confirm: it says what became of the order. */
  private _title(): string {
    if (this._getState() === 'Outcome') return t('order.resultTitle')
    return t(this._confirm.blocked ? 'order.cannot' : 'order.title')
  }

  /** The PIN step takes the remote's digits as well as its keypad; the other steps are buttons. */
  private _hints(): Hint[] {
    return chooseHints('arrows', this._getState() === 'Pin')
  }

  render(): void {
    const blocked = this._confirm.blocked
    this.title = this._title()
    this.titleColor = blocked ? Colors.danger : undefined
    this.hints = this._hints()
    this._confirm.render()
    // The PIN step names what it pays for: a PIN typed for an unseen price is how viewers get surprised.
    this._pin.forText = this._confirm.pinFor
    this.errorState.render()
  }

  private _confirmed(): void {
    if (this._confirm.offersTopup) return this._ways.topup()
    this._pin.reset()
    this._show('Pin')
  }

  private _place(pin: string): void {
    const request = { productId: this._productId, periodMonths: this._months, autoRenew: this._confirm.autoRenew, pin }
    // The attempt's key is the same across retries (wrong PIN, lost answer), kept on the box until the answer is definite.
    const [placed, refused] = [(r: OrderResult) => this._finish(r), (e: unknown) => this._refused(e)]
    this._send.send((wanted) => sendOrder(request, wanted), placed, refused)
  }

  /** The order was refused (or its answer lost): the PIN again where a retry makes sense, else why. */
  private _refused(e: unknown): void {
    const f = orderFailure(errorCode(e))
    const params = refusalParams(e)
    if (!f.retryPin) return this._outcome(refusedOutcome(f, params, this._ways))
    this._pin.reset(t(f.key, params))
    this._show('Pin')
  }

  private _finish(r: OrderResult): void {
    forgetOrderAttempt(this._productId, this._months, this._confirm.autoRenew)
    // Placed (or placed and still processing): its confirm and PIN steps leave the history; Back goes to the catalogue.
    if (isPlaced(r) || r.status === 'processing') finishTransaction('packages', ORDER_STEPS)
    this._outcome(answeredOutcome(r, this._ways))
  }

  private _ways: OrderWays = {
    done: () => Router.back(),
    subscriptions: () => Router.navigate('subscriptions'),
    retry: () => this.load(),
    back: () => Router.back(),
    topup: () => Router.navigate('topup', { returnTo: 'order/' + this._productId + '/' + this._months }),
  }

  private _outcome(content: ResultContent): void {
    // OKs still being pressed from the PIN step must not choose a button the viewer has not seen yet.
    this.tag('Outcome')!.show(content, 800)
    this._show('Outcome')
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Confirm extends this {
        override _getFocused() {
          return this._confirm
        }
      },
      // A quote that cannot be ordered: the same step showing why, with Back (and Top up).
      class Blocked extends this {
        override _getFocused() {
          return this._confirm
        }
      },
      class Pin extends this {
        override _getFocused() {
          return this._pin
        }
        /** Back from the PIN: one step up, to the confirmation (not while the order is in flight). */
        override _handleBack(): boolean {
          if (!this._send.busy) this._show('Confirm')
          return true
        }
      },
      class Outcome extends this {
        override _getFocused() {
          return this.tag('Outcome')
        }
      },
      failedState(this),
    ]
  }
}
