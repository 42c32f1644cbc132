/**
 * One order, in the regulator's steps: the confirmation (everything priced by the BOSS, focus on Cancel),
 * conflicts explained before any PIN, the purchase PIN, then the real result (waiting out a 202).
 * One Idempotency-Key per attempt, kept across retries, and a guard so repeated OKs order once.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type Hint, type PageTemplate } from '../components/HallPage.ts'
import { Button } from '@lightningjs/ui-components'
import type { OrderQuote, OrderResult } from '../../contract/index.ts'
import OrderOutcome from '../components/OrderOutcome.ts'
import OrderSummary, { SUMMARY_ROW_H } from '../components/OrderSummary.ts'
import PinPad from '../components/PinPad.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { errorCode, isApiError } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import {
  CONFLICT_KEY,
  conflictAction,
  conflictParams,
  isPlaced,
  minutesFrom,
  orderFailure,
  waitForOrder,
} from '../lib/orderFlow.ts'
import { currentLoad, isCurrentLoad, loadScreen } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { forgetOrderAttempt, orderAttemptKey } from '../lib/orderKeys.ts'

const X = 460
const BUTTONS_Y = 150 + 7 * SUMMARY_ROW_H + 150

const ORDER_STEPS = /^(order|packages)\//

/** `体育包 · 1个月 · ¥30.00` */
export function pinForText(product: string, months: number, price: string): string {
  return t('pin.for', {
    product,
    period: t(months === 1 ? 'catalog.period.one' : 'catalog.period.many', { n: months }),
    price,
  })
}

export default class OrderPage extends HallPage {
  private _productId = ''
  private _months = 0
  private _quote: OrderQuote | null = null
  private _autoRenew = false
  private _button = 0
  private _inFlight = false

  static override _template(): PageTemplate {
    return frame({
      Confirm: {
        alpha: 0,
        Summary: { type: OrderSummary, x: X, y: 190 },
        AutoRenewButton: {
          type: Button,
          x: X,
          y: 190 + 7 * SUMMARY_ROW_H + 30,
          w: 1000,
          h: 80,
          fixed: true,
          title: '',
        },
        Notice: { x: X, y: BUTTONS_Y - 56, text: textPatch('', { fontSize: FontSize.small }) },
        CancelButton: { type: Button, x: X, y: BUTTONS_Y, w: 480, h: 84, fixed: true, title: '' },
        ConfirmButton: { type: Button, x: X + 520, y: BUTTONS_Y, w: 480, h: 84, fixed: true, title: '' },
      },
      Pin: { type: PinPad, x: 960, mountX: 0.5, y: 190, visible: false },
      Outcome: { type: OrderOutcome, x: 960, mountX: 0.5, y: 210, visible: false },
    })
  }

  /** Router: `order/:productId/:periodMonths`. */
  override set params(p: Router.PageParams) {
    this._productId = p && p.productId ? String(p.productId) : ''
    this._months = p && p.periodMonths ? Number(p.periodMonths) : 0
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('Pin').onComplete = (pin: string) => this._place(pin)
    this.tag('Confirm.CancelButton').onEnter = () => (Router.back(), true)
    this.tag('Confirm.ConfirmButton').onEnter = () => (this._confirmed(), true)
    this.tag('Confirm.AutoRenewButton').onEnter = () => {
      this._autoRenew = !this._autoRenew
      this.render()
      return true
    }
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  /** Also the way back from top-up: the quote is asked again, with the new balance. */
  override _onChanged(): void {
    this.load()
  }

  load(): void {
    const reset = () => {
      this._autoRenew = false
      this._button = 0
      this._inFlight = false
    }
    const setState = (state: string) => this._show(state)
    loadScreen(
      this,
      () => api().quoteOrder({ productId: this._productId, periodMonths: this._months }),
      (quote) => {
        this._quote = quote
        ;(this.tag('Confirm.Summary') as OrderSummary).quote = quote
        this.render()
        this._show(quote.canOrder ? 'Confirm' : 'Blocked')
      },
      { reset, setState },
    )
  }

  private _show(state: string): void {
    this.tag('Confirm').setSmooth('alpha', state === 'Confirm' || state === 'Blocked' ? 1 : 0)
    this.tag('Pin').visible = state === 'Pin'
    this.tag('Outcome').visible = state === 'Outcome'
    this.errorState.visible = state === 'Failed'
    this._setState(state)
    this.hints = this._hints()
  }

  /** The PIN step takes the remote's digits as well as its keypad; the other steps are buttons. */
  private _hints(): Hint[] {
    const pin = this._getState() === 'Pin'
    return pin
      ? [
          ['digits', t('hint.digits')],
          ['arrows', t('hint.choose')],
          ['ok', t('hint.select')],
        ]
      : [
          ['arrows', t('hint.choose')],
          ['ok', t('hint.select')],
        ]
  }

  render(): void {
    const q = this._quote
    const blocked = !!q && !q.canOrder
    this.title = t(blocked ? 'order.cannot' : 'order.title')
    this.titleColor = blocked ? Colors.danger : undefined
    this.hints = this._hints()
    this.tag('Confirm.AutoRenewButton').title =
      t('order.autoRenew') + '：' + t(this._autoRenew ? 'order.on' : 'order.off')
    this.tag('Confirm.AutoRenewButton').visible = !blocked
    this.tag('Confirm.CancelButton').title = blocked ? t('order.back') : t('order.cancel')
    const topup = !!q && blocked && conflictAction(q) === 'topup'
    this.tag('Confirm.ConfirmButton').title = topup ? t('order.topup') : t('order.confirm')
    this.tag('Confirm.ConfirmButton').visible = !blocked || topup
    this.tag('Confirm.Notice').text = textPatch(insertZeroWidthSpaces(this._notice()), {
      fontSize: blocked ? FontSize.body : FontSize.small,
      textColor: blocked ? Colors.danger : Colors.textMuted,
      wordWrapWidth: 1000,
      maxLines: 2,
    })
    this.tag('Confirm.Notice').y = blocked ? BUTTONS_Y - 120 : BUTTONS_Y + 110
    ;(this.tag('Confirm.Summary') as OrderSummary).render()
    // The PIN step names what it pays for: a PIN typed for an unseen price is how viewers get surprised.
    ;(this.tag('Pin') as PinPad).forText = q ? pinForText(q.productName, q.periodMonths, formatFen(q.amountFen)) : ''
    this.errorState.render()
  }

  /** Every conflict, worded, before the PIN; otherwise what comes next. */
  private _notice(): string {
    const q = this._quote
    if (!q) return ''
    if (q.canOrder) return (q.renewsSubscriptionId ? t('order.renews') + '  ' : '') + t('order.confirmHint')
    const remaining = formatFen(q.spendingLimit.remainingFen || 0)
    return q.conflicts
      .map((c) => t(CONFLICT_KEY[c.code], conflictParams(c, formatFen(q.shortfallFen), remaining)))
      .join('；')
  }

  private _confirmed(): void {
    const q = this._quote
    if (!q) return
    if (!q.canOrder) {
      Router.navigate('topup', { returnTo: 'order/' + this._productId + '/' + this._months })
      return
    }
    ;(this.tag('Pin') as PinPad).reset()
    this._show('Pin')
  }

  /** The key of this attempt: the same across retries (wrong PIN, lost answer), a new one only for a different request. */
  private _key(): string {
    // Kept on the box until the answer is definite: leaving and re-entering the same order reuses it.
    return orderAttemptKey(this._productId, this._months, this._autoRenew)
  }

  private _place(pin: string): void {
    if (this._inFlight) return
    this._inFlight = true
    const seq = currentLoad(this)
    const pad = this.tag('Pin') as PinPad
    this._outcome('wait', t('order.processing'), [])
    api()
      .placeOrder(
        { productId: this._productId, periodMonths: this._months, autoRenew: this._autoRenew, pin },
        this._key(),
      )
      .then((result) => {
        if (!isCurrentLoad(this, seq)) return
        if (result.status !== 'processing') return this._finish(result)
        return waitForOrder(result, {
          getOrder: (id) => api().getOrder(id),
          sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
          maxWaitMs: 120_000,
          stillWanted: () => isCurrentLoad(this, seq),
        }).then((r) => {
          if (isCurrentLoad(this, seq)) this._finish(r)
        })
      })
      .catch((e: unknown) => {
        if (!isCurrentLoad(this, seq)) return
        this._inFlight = false
        const code = errorCode(e)
        const f = orderFailure(code)
        const params = {
          attempts: isApiError(e) && e.attemptsLeft !== undefined ? e.attemptsLeft : 0,
          minutes: minutesFrom(isApiError(e) ? e.retryAfter : 0),
        }
        if (f.retryPin) {
          pad.reset(t(f.key, params))
          return this._show('Pin')
        }
        const back = { ref: 'ResultBackButton', label: t('order.back'), onEnter: () => Router.back() }
        const topup = { ref: 'ResultTopupButton', label: t('order.topup'), onEnter: () => this._confirmedTopup() }
        this._outcome(
          'fail',
          t('order.failed'),
          [t(f.key, { ...params, shortfall: '', remaining: '', product: '' })],
          f.topup ? [topup, back] : [back],
        )
      })
  }

  private _confirmedTopup(): void {
    Router.navigate('topup', { returnTo: 'order/' + this._productId + '/' + this._months })
  }

  private _finish(r: OrderResult): void {
    forgetOrderAttempt(this._productId, this._months, this._autoRenew)
    const lang = currentLanguage()
    const subs = {
      ref: 'ResultSubscriptionsButton',
      label: t('order.toSubscriptions'),
      onEnter: () => Router.navigate('subscriptions'),
    }
    const done = { ref: 'ResultDoneButton', label: t('order.done'), onEnter: () => Router.back() }
    // Placed (or placed and still processing): its confirm and PIN steps leave the history; Back goes to the catalogue.
    if (isPlaced(r) || r.status === 'processing') finishTransaction('packages', ORDER_STEPS)
    if (isPlaced(r)) {
      this._outcome(
        'ok',
        t('order.success'),
        [
          t('order.successBody', { product: r.productName, date: formatDate(r.expiryDate, lang) }),
          t('order.balanceNow', { amount: formatFen(r.amountFen), balance: formatFen(r.balanceAfterFen) }),
          t('order.orderNo', { id: r.bossOrderId }),
        ],
        [done, subs],
      )
    } else if (r.status === 'processing') {
      this._outcome('wait', t('order.processing'), [t('order.stillProcessing')], [subs, done])
    } else {
      const retry = { ref: 'ResultRetryButton', label: t('order.retry'), onEnter: () => this.load() }
      this._outcome('fail', t('order.failed'), [t('order.notPlaced')], [retry, done])
    }
  }

  private _outcome(
    tone: 'ok' | 'wait' | 'fail',
    title: string,
    lines: string[],
    buttons: { ref: string; label: string; onEnter: () => void }[] = [],
  ): void {
    ;(this.tag('Outcome') as OrderOutcome).content = { tone, title, lines, buttons }
    this._show('Outcome')
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Confirm extends this {
        override _getFocused() {
          if (this._button < 0) return this.tag('Confirm.AutoRenewButton')
          return this.tag(this._button === 0 ? 'Confirm.CancelButton' : 'Confirm.ConfirmButton')
        }
        override _handleLeft(): boolean {
          if (this._button === 1) this._button = 0
          return true
        }
        override _handleRight(): boolean {
          if (this._button === 0) this._button = 1
          return true
        }
        override _handleUp(): boolean {
          this._button = -1
          return true
        }
        override _handleDown(): boolean {
          if (this._button < 0) this._button = 0
          return true
        }
      },
      class Blocked extends this {
        override _getFocused() {
          return this.tag(
            this._button === 1 && this.tag('Confirm.ConfirmButton').visible
              ? 'Confirm.ConfirmButton'
              : 'Confirm.CancelButton',
          )
        }
        override _handleLeft(): boolean {
          this._button = 0
          return true
        }
        override _handleRight(): boolean {
          this._button = 1
          return true
        }
      },
      class Pin extends this {
        override _getFocused() {
          return this.tag('Pin')
        }
        /** Back from the PIN: one step up, to the confirmation (not while the order is in flight). */
        override _handleBack(): boolean {
          if (!this._inFlight) this._show('Confirm')
          return true
        }
      },
      class Outcome extends this {
        override _getFocused() {
          return this.tag('Outcome')
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
