/**
 * The order's confirmation step (NRTA second confirmation): the priced summary, the auto-renew choice and
 * Cancel / Confirm, focus on Cancel. A quote that cannot be ordered shows why instead (every conflict,
 * worded) with Back, and Top up when money alone stands in the way.
 */
import { Lightning } from '@lightningjs/sdk'
import type { OrderQuote } from '../../contract/index.ts'
import HallButton from './HallButton.ts'
import OrderSummary, { SUMMARY_ROW_H } from './OrderSummary.ts'
import { formatFen } from '../lib/format.ts'
import { heldName } from '../lib/catalogue.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { CONFLICT_KEY, conflictAction, conflictParams } from '../lib/orderFlow.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const SUMMARY_H = 7 * SUMMARY_ROW_H
const RENEW_Y = SUMMARY_H + 20
const BUTTON_H = 72
/** What comes next, between the auto-renew choice and the buttons: two lines at large text, above the hints. */
const NOTICE_Y = RENEW_Y + BUTTON_H + 10
/** The buttons' row, below the summary, the auto-renew choice and the notice. */
const BUTTONS_Y = NOTICE_Y + 98
const W = 1000

export interface OrderConfirmSpec extends Lightning.Component.TemplateSpec {
  Summary: typeof OrderSummary
  AutoRenewButton: typeof HallButton
  Notice: object
  CancelButton: typeof HallButton
  ConfirmButton: typeof HallButton
}

/** Which button holds the focus: the auto-renew choice above, Cancel, Confirm (or Top up). */
type Place = 'autoRenew' | 'cancel' | 'confirm'

export default class OrderConfirmStep
  extends Lightning.Component<OrderConfirmSpec>
  implements Lightning.Component.ImplementTemplateSpec<OrderConfirmSpec>
{
  private _quote: OrderQuote | null = null
  private _autoRenew = false
  private _place: Place = 'cancel'
  /** Cancel, or Back when the order cannot be placed. */
  onCancel: () => void = () => {}
  /** Confirm (go on to the PIN), or Top up when only money stands in the way. */
  onConfirm: () => void = () => {}

  static override _template(): Lightning.Component.Template<OrderConfirmSpec> {
    const button = { type: HallButton, h: BUTTON_H, fixed: true, title: '' }
    return {
      Summary: { type: OrderSummary },
      AutoRenewButton: { ...button, y: RENEW_Y, w: W },
      Notice: { y: NOTICE_Y, text: textPatch('', { fontSize: FontSize.small }) },
      CancelButton: { ...button, y: BUTTONS_Y, w: 480 },
      ConfirmButton: { ...button, x: 520, y: BUTTONS_Y, w: 480 },
    }
  }

  /** The quote cannot be ordered: the step shows why. */
  get blocked(): boolean {
    return !!this._quote && !this._quote.canOrder
  }

  /** The quote to confirm; the focus goes back to Cancel and auto-renew off. */
  set quote(q: OrderQuote) {
    this._quote = q
    this._autoRenew = false
    this._place = 'cancel'
    this.tag('Summary')!.quote = q
    this.render()
  }

  /** What the PIN pays for, said on the PIN step: `体育包 · 1个月 · ¥30.00`. */
  get pinFor(): string {
    const q = this._quote
    if (!q) return ''
    const period = t(q.periodMonths === 1 ? 'catalog.period.one' : 'catalog.period.many', { n: q.periodMonths })
    return t('pin.for', { product: heldName(q, currentLanguage()), period, price: formatFen(q.amountFen) })
  }

  get autoRenew(): boolean {
    return this._autoRenew
  }

  /** Money is the only obstacle: the second button tops up. */
  get offersTopup(): boolean {
    return !!this._quote && this.blocked && conflictAction(this._quote) === 'topup'
  }

  override _init(): void {
    this.tag('CancelButton')!.onEnter = () => (this.onCancel(), true)
    this.tag('ConfirmButton')!.onEnter = () => (this.onConfirm(), true)
    this.tag('AutoRenewButton')!.onEnter = () => {
      this._autoRenew = !this._autoRenew
      this.render()
      return true
    }
    this.render()
  }

  render(): void {
    const blocked = this.blocked
    const renew = this.tag('AutoRenewButton')!
    renew.title = t('order.autoRenewState', { state: t(this._autoRenew ? 'order.on' : 'order.off') })
    renew.visible = !blocked
    this.tag('CancelButton')!.title = blocked ? t('order.back') : t('order.cancel')
    const confirm = this.tag('ConfirmButton')!
    confirm.title = this.offersTopup ? t('order.topup') : t('order.confirm')
    confirm.visible = !blocked || this.offersTopup
    const notice = this.tag('Notice')!
    notice.text = textPatch(insertZeroWidthSpaces(this._notice()), {
      fontSize: blocked ? FontSize.body : FontSize.small,
      textColor: blocked ? Colors.danger : Colors.textMuted,
      wordWrapWidth: W,
      maxLines: 2,
      lineHeight: blocked ? 44 : 36,
    })
    notice.y = blocked ? BUTTONS_Y - 120 : NOTICE_Y
    this.tag('Summary')!.render()
  }

  /** Every conflict, worded, before the PIN; otherwise what comes next. */
  private _notice(): string {
    const q = this._quote
    if (!q) return ''
    if (q.canOrder) return (q.renewsSubscriptionId ? t('order.renews') + '  ' : '') + t('order.confirmHint')
    const remaining = formatFen(q.spendingLimit.remainingFen || 0)
    return q.conflicts
      .map((c) => t(CONFLICT_KEY[c.code], conflictParams(c, formatFen(q.shortfallFen), remaining, currentLanguage())))
      .join('；')
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this.blocked) {
      const confirm = this.tag('ConfirmButton')!
      return this._place === 'confirm' && confirm.visible ? confirm : this.tag('CancelButton')
    }
    if (this._place === 'autoRenew') return this.tag('AutoRenewButton')
    return this.tag(this._place === 'cancel' ? 'CancelButton' : 'ConfirmButton')
  }

  override _handleLeft(): boolean {
    if (this.blocked || this._place === 'confirm') this._place = 'cancel'
    return true
  }

  override _handleRight(): boolean {
    if (this.blocked || this._place === 'cancel') this._place = 'confirm'
    return true
  }

  /** Up to the auto-renew choice (a quote that cannot be ordered has none: the key goes on up). */
  override _handleUp(): boolean {
    if (this.blocked) return false
    this._place = 'autoRenew'
    return true
  }

  override _handleDown(): boolean {
    if (this.blocked) return false
    if (this._place === 'autoRenew') this._place = 'cancel'
    return true
  }
}
