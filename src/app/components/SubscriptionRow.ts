/**
 * One subscription: name and status on the first line, dates below, price on the right. Expiring rows are
 * tinted amber and suspended ones red, so they are seen before they are read.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Subscription } from '../../contract/index.ts'
import { periodKey } from '../lib/catalogue.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { rowPanel, STATUS_COLOR, STATUS_KEY } from '../lib/subscriptionView.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const SUBSCRIPTION_H = 110

export default class SubscriptionRow extends Lightning.Component {
  private _sub: Subscription | null = null
  onSelect: ((s: Subscription) => void) | null = null

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      h: SUBSCRIPTION_H,
      Frame: { x: -4, y: -4, alpha: 0 },
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
    this.tag('Body').patch({ w, color: focused ? Colors.panelFocused : s ? rowPanel(s.status) : Colors.panel })
    this.tag('Frame').patch({ texture: Lightning.Tools.getRoundRect(w + 8, SUBSCRIPTION_H + 8, 4, 4, Colors.text, false, 0) })
    if (!s) return
    const lang = currentLanguage()
    const fg = focused ? Colors.textOnFocus : Colors.text
    const muted = focused ? 0xff333333 : Colors.textMuted
    const extra = s.autoRenew ? t('subs.autoRenew') : s.status !== 'expired' && s.daysLeft >= 0 ? t('subs.daysLeft', { days: s.daysLeft }) : ''
    const dates = t('subs.dates', { start: formatDate(s.startDate, lang), end: formatDate(s.expiryDate, lang) })
    this.patch({
      SubName: { text: textPatch(insertZeroWidthSpaces(s.productName), { fontSize: FontSize.body, fontStyle: 'bold', textColor: fg, wordWrapWidth: 500, maxLines: 1 }) },
      SubStatus: { text: textPatch(t(STATUS_KEY[s.status]) + (extra ? '  ·  ' + extra : ''), { fontSize: FontSize.small, fontStyle: 'bold', textColor: focused ? Colors.textOnFocus : STATUS_COLOR[s.status] }) },
      SubDates: { text: textPatch(dates, { fontSize: FontSize.small, textColor: muted }) },
      SubPrice: {
        x: w - 28,
        text: textPatch(formatFen(s.priceFen) + '/' + t(periodKey(s.periodMonths), { n: s.periodMonths }), { fontSize: FontSize.body, textColor: fg }),
      },
    })
  }

  override _focus(): void {
    this.tag('Frame').alpha = 1
    this.render()
  }

  override _unfocus(): void {
    this.tag('Frame').alpha = 0
    this.render()
  }

  override _handleEnter(): boolean {
    if (this._sub && this.onSelect) this.onSelect(this._sub)
    return true
  }
}
