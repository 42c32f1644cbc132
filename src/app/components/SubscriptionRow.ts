/**
 * One subscription: name and status on the first line, dates below, price on the right. Expiring rows are
 * tinted amber and suspended ones red, so they are seen before they are read.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Subscription } from '../../contract/index.ts'
import { heldName, periodKey } from '../lib/catalogue.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { rowPanel, STATUS_COLOR, STATUS_KEY } from '../lib/subscriptionView.ts'
import { FOCUS_FRAME, focusFrame, rowInk, tintedText } from '../lib/rowLook.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { taggedElement } from '../lib/elements.ts'

export const SUBSCRIPTION_H = 110

export interface SubscriptionRowSpec extends Lightning.Component.TemplateSpec {
  subscription: Subscription
  onSelect: ((s: Subscription) => void) | null
  Frame: object
  Body: object
  SubName: object
  SubStatus: object
  SubDates: object
  SubPrice: object
}

export default class SubscriptionRow
  extends Lightning.Component<SubscriptionRowSpec>
  implements Lightning.Component.ImplementTemplateSpec<SubscriptionRowSpec>
{
  private _sub: Subscription | null = null
  onSelect: ((s: Subscription) => void) | null = null

  static override _template(): Lightning.Component.Template<SubscriptionRowSpec> {
    return {
      h: SUBSCRIPTION_H,
      Frame: { x: -FOCUS_FRAME, y: -FOCUS_FRAME, alpha: 0 },
      Body: { rect: true, h: SUBSCRIPTION_H, color: Colors.panel },
      SubName: { x: 28, y: 12, text: textPatch('') },
      SubStatus: { x: 560, y: 16, text: textPatch('') },
      SubDates: { x: 28, y: 62, text: textPatch('') },
      SubPrice: { y: SUBSCRIPTION_H / 2, mountY: 0.5, mountX: 1, text: textPatch('') },
    }
  }

  set subscription(v: Subscription) {
    this._sub = v
    this.render()
  }

  override _init(): void {
    this.render()
  }

  render(): void {
    const s = this._sub
    const w = this.w || 1400
    const focused = this.hasFocus()
    this.patch({ Body: { w, color: focused ? Colors.panelFocused : s ? rowPanel(s.status) : Colors.panel } })
    const frame = taggedElement(this, 'Frame')
    if (frame) focusFrame(frame, w, SUBSCRIPTION_H)
    if (!s) return
    const lang = currentLanguage()
    const { fg, muted } = rowInk(focused)
    const extra = s.autoRenew
      ? t('subs.autoRenew')
      : s.status !== 'expired' && s.daysLeft >= 0
        ? t('subs.daysLeft', { days: s.daysLeft })
        : ''
    const dates = t('subs.dates', { start: formatDate(s.startDate, lang), end: formatDate(s.expiryDate, lang) })
    // Texts tinted, not redrawn, on focus (lib/rowLook.ts).
    this.patch({
      SubName: tintedText(insertZeroWidthSpaces(heldName(s, lang)), fg, {
        fontSize: FontSize.body,
        fontStyle: 'bold',
        wordWrapWidth: 500,
        maxLines: 1,
      }),
      SubStatus: tintedText(
        t(STATUS_KEY[s.status]) + (extra ? '  ·  ' + extra : ''),
        focused ? Colors.textOnFocus : STATUS_COLOR[s.status],
        { fontSize: FontSize.small, fontStyle: 'bold' },
      ),
      SubDates: tintedText(dates, muted, { fontSize: FontSize.small }),
      SubPrice: {
        x: w - 28,
        ...tintedText(formatFen(s.priceFen) + '/' + t(periodKey(s.periodMonths), { n: s.periodMonths }), fg, {
          fontSize: FontSize.body,
        }),
      },
    })
  }

  override _focus(): void {
    this.patch({ Frame: { alpha: 1 } })
    this.render()
  }

  override _unfocus(): void {
    this.patch({ Frame: { alpha: 0 } })
    this.render()
  }

  override _handleEnter(): boolean {
    if (this._sub && this.onSelect) this.onSelect(this._sub)
    return true
  }
}
