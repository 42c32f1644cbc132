/**
 * One package on the catalogue shelf: name, channel count, a badge when the household already holds it,
 * the monthly price on the right. Focus is amber fill plus a white frame, as on every list of the hall.
 */
import { Lightning } from '@lightningjs/sdk'
import type { ProductSummary } from '../../contract/index.ts'
import { BADGE_COLOR, BADGE_KEY, entryPrice, periodKey } from '../lib/catalogue.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const PRODUCT_H = 100

export function productPriceText(p: ProductSummary): string {
  const price = entryPrice(p)
  if (!p.orderable || !price) return t('catalog.notOrderable')
  return t('catalog.price', { price: formatFen(price.priceFen), period: t(periodKey(price.periodMonths), { n: price.periodMonths }) })
}

export default class ProductRow extends Lightning.Component {
  private _product: ProductSummary | null = null
  onSelect: ((p: ProductSummary) => void) | null = null

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      h: PRODUCT_H,
      Frame: { x: -4, y: -4, alpha: 0 },
      Body: { rect: true, h: PRODUCT_H, color: Colors.panel },
      ProductName: { x: 28, y: 12, text: textPatch('') },
      ProductInfo: { x: 28, y: 58, text: textPatch('') },
      ProductBadge: { y: 16, text: textPatch('') },
      ProductPrice: { y: PRODUCT_H / 2, mountY: 0.5, mountX: 1, text: textPatch('') },
    }
  }

  set product(v: ProductSummary) {
    this._product = v
    this.render()
  }

  override _init(): void {
    this.render()
  }

  render(): void {
    const p = this._product
    const w = this.w || 1200
    const focused = this.hasFocus()
    const fg = focused ? Colors.textOnFocus : Colors.text
    const muted = focused ? 0xff333333 : Colors.textMuted
    this.tag('Body').patch({ w, color: focused ? Colors.panelFocused : Colors.panel })
    this.tag('Frame').patch({ texture: Lightning.Tools.getRoundRect(w + 8, PRODUCT_H + 8, 4, 4, Colors.text, false, 0) })
    if (!p) return
    const lang = currentLanguage()
    const info = p.channelCount > 0 ? t('catalog.channels', { count: p.channelCount }) : t('catalog.vod')
    const held = p.holding ? '    ' + t('catalog.expiresOn', { date: formatDate(p.holding.expiryDate, lang) }) : ''
    this.patch({
      ProductName: { text: textPatch(insertZeroWidthSpaces(p.name), { fontSize: FontSize.body, fontStyle: 'bold', textColor: fg, wordWrapWidth: 520, maxLines: 1 }) },
      ProductInfo: { text: textPatch(info + held, { fontSize: FontSize.small, textColor: muted }) },
      ProductBadge: {
        x: 580,
        text: textPatch(p.badge ? t(BADGE_KEY[p.badge]) : '', { fontSize: FontSize.small, fontStyle: 'bold', textColor: focused ? Colors.textOnFocus : p.badge ? BADGE_COLOR[p.badge] : Colors.text }),
      },
      ProductPrice: { x: w - 28, text: textPatch(productPriceText(p), { fontSize: FontSize.body, fontStyle: 'bold', textColor: fg }) },
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
    if (this._product && this.onSelect) this.onSelect(this._product)
    return true
  }
}
