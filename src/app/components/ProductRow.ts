/**
 * One package on the catalogue shelf: name, channel count, a badge when the household already holds it,
 * the monthly price on the right. Focus is amber fill plus a white frame, as on every list of the hall.
 */
import { Lightning } from '@lightningjs/sdk'
import type { ProductSummary } from '../../contract/index.ts'
import { BADGE_COLOR, BADGE_KEY, entryPrice, periodKey, productName } from '../lib/catalogue.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { FOCUS_FRAME, focusFrame, rowInk, tintedText } from '../lib/rowLook.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { taggedElement } from '../lib/elements.ts'

export const PRODUCT_H = 100

export function productPriceText(p: ProductSummary): string {
  const price = entryPrice(p)
  if (!p.orderable || !price) return t('catalog.notOrderable')
  return t('catalog.price', {
    price: formatFen(price.priceFen),
    period: t(periodKey(price.periodMonths), { n: price.periodMonths }),
  })
}

export interface ProductRowSpec extends Lightning.Component.TemplateSpec {
  product: ProductSummary
  onSelect: ((p: ProductSummary) => void) | null
  Frame: object
  Body: object
  ProductName: object
  ProductInfo: object
  ProductBadge: object
  ProductPrice: object
}

export default class ProductRow
  extends Lightning.Component<ProductRowSpec>
  implements Lightning.Component.ImplementTemplateSpec<ProductRowSpec>
{
  private _product: ProductSummary | null = null
  onSelect: ((p: ProductSummary) => void) | null = null

  static override _template(): Lightning.Component.Template<ProductRowSpec> {
    return {
      h: PRODUCT_H,
      Frame: { x: -FOCUS_FRAME, y: -FOCUS_FRAME, alpha: 0 },
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
    const { fg, muted } = rowInk(focused)
    this.patch({ Body: { w, color: focused ? Colors.panelFocused : Colors.panel } })
    const frame = taggedElement(this, 'Frame')
    if (frame) focusFrame(frame, w, PRODUCT_H)
    if (!p) return
    const lang = currentLanguage()
    const info = p.channelCount > 0 ? t('catalog.channels', { count: p.channelCount }) : t('catalog.vod')
    const held = p.holding ? '    ' + t('catalog.expiresOn', { date: formatDate(p.holding.expiryDate, lang) }) : ''
    // Texts tinted, not redrawn, on focus (lib/rowLook.ts).
    this.patch({
      ProductName: tintedText(insertZeroWidthSpaces(productName(p, currentLanguage())), fg, {
        fontSize: FontSize.body,
        fontStyle: 'bold',
        wordWrapWidth: 520,
        maxLines: 1,
      }),
      ProductInfo: tintedText(info + held, muted, { fontSize: FontSize.small }),
      ProductBadge: {
        x: 580,
        ...tintedText(
          p.badge ? t(BADGE_KEY[p.badge]) : '',
          focused ? Colors.textOnFocus : p.badge ? BADGE_COLOR[p.badge] : Colors.text,
          { fontSize: FontSize.small, fontStyle: 'bold' },
        ),
      },
      ProductPrice: {
        x: w - 28,
        ...tintedText(productPriceText(p), fg, { fontSize: FontSize.body, fontStyle: 'bold' }),
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
    if (this._product && this.onSelect) this.onSelect(this._product)
    return true
  }
}
