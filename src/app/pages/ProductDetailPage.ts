/**
 * A package: what it is, its channels (Right, then Up/Down to scroll them) and its periods with prices.
 * OK on a period starts the order (confirmation next; nothing is charged here).
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import { Button, Column } from '@lightningjs/ui-components'
import type { ProductDetail } from '../../contract/index.ts'
import ChannelItem, { CHANNEL_H } from '../components/ChannelItem.ts'
import { fitRows } from '../components/HallColumn.ts'
import { rowOverhang } from '../lib/rowLook.ts'
import { api } from '../lib/backend.ts'
import { BADGE_COLOR, BADGE_KEY, periodKey, productDescription, productName } from '../lib/catalogue.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const RIGHT_X = 1140
// The channel panel ends at the title-safe edge (x 1824).
const RIGHT_W = 1824 - 12 - RIGHT_X
// Channel rows sit in from the list's clipping edges by their focus growth, so a focused row shows whole.
const CHANNEL_PAD = rowOverhang(RIGHT_W)

// Column's template type has no `style`; spread in, the spacing still reaches the component.
const spacing = (itemSpacing: number) => ({ style: { itemSpacing } })

type ProductTexts = 'ProductTitle' | 'ProductBadge' | 'Description' | 'PeriodHeading' | 'ChannelHeading'
interface ProductDetailSpec extends PageFrameSpec {
  Content: Record<ProductTexts | 'ChannelPanel', object> & { PeriodList: typeof Column; ChannelList: typeof Column }
}

export default class ProductDetailPage extends HallPage<ProductDetailSpec> {
  private _productId = ''
  private _product: ProductDetail | null = null
  private _zone: 'Periods' | 'Channels' = 'Periods'

  static override _template(): PageTemplate<ProductDetailSpec> {
    return frame<ProductDetailSpec>({
      Content: {
        alpha: 0,
        ProductTitle: { x: X, y: 180, text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }) },
        ProductBadge: { x: X, y: 256, text: textPatch('', { fontSize: FontSize.small }) },
        Description: { x: X, y: 306, text: textPatch('', { fontSize: FontSize.body }) },
        PeriodHeading: { x: X, y: 470, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        // In from X by the buttons' focus growth, so a focused period stays inside the title-safe area.
        PeriodList: { type: Column, x: X + 24, y: 536, w: 560, h: 420, neverScroll: true, ...spacing(16) },
        ChannelHeading: { x: RIGHT_X, y: 180, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
        ChannelPanel: { rect: true, x: RIGHT_X - 12, y: 240, w: RIGHT_W + 24, h: 712, color: Colors.panel },
        ChannelList: {
          type: Column,
          x: RIGHT_X,
          y: 252,
          w: RIGHT_W,
          h: fitRows(688, CHANNEL_H, 4, 2),
          clipping: true,
          itemPosX: CHANNEL_PAD,
          itemPosY: 2,
          scrollIndex: 6,
          ...spacing(4),
        },
      },
    })
  }

  /** Router: `packages/:productId`. */
  override set params(p: Router.PageParams) {
    const id = p && p.productId ? String(p.productId) : ''
    if (id !== this._productId) this._zone = 'Periods'
    this._productId = id
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
    this.render()
  }

  load(): void {
    const sameProduct = this._product && this._product.productId === this._productId
    const reset = () => {
      if (!sameProduct) this._product = null
    }
    loadScreen(
      this,
      () => api().getProduct(this._productId),
      (product) => {
        const periodIndex = sameProduct ? this.tag('Content.PeriodList')!.selectedIndex : 0
        this._product = product
        this._fill(periodIndex)
        this._setState('Ready')
      },
      { reset },
    )
  }

  private _fill(periodIndex: number): void {
    const p = this._product
    if (!p) return
    const order = (months: number) => () => {
      Router.navigate('order/' + p.productId + '/' + months)
      return true
    }
    const periods = this.tag('Content.PeriodList')!
    periods.items = p.orderable
      ? p.prices.map((price) => ({
          type: Button,
          ref: 'Period' + price.periodMonths,
          w: 560,
          h: 80,
          fixed: true,
          title: '',
          onEnter: order(price.periodMonths),
        }))
      : []
    periods.selectedIndex = Math.min(periodIndex, Math.max(0, p.prices.length - 1))
    this.tag('Content.ChannelList')!.items = p.channels.map((c, i) => ({
      type: ChannelItem,
      ref: 'Channel' + i,
      w: RIGHT_W - 2 * CHANNEL_PAD,
      h: CHANNEL_H,
      channel: c,
    }))
    if (!p.orderable || !p.prices.length) this._zone = 'Channels'
    this.render()
  }

  render(): void {
    this.title = t('frame.package')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
      ['leftright', t('hint.channels')],
    ]
    this.errorState.render()
    const p = this._product
    if (!p) return
    const lang = currentLanguage()
    for (const item of this.tag('Content.ChannelList')!.items) if (item instanceof ChannelItem) item.render()
    this.tag('Content.ProductTitle')!.text = textPatch(productName(p, lang), {
      fontSize: FontSize.title,
      fontStyle: 'bold',
    })
    const badge = p.badge
      ? t(BADGE_KEY[p.badge]) +
        (p.holding ? '    ' + t('catalog.expiresOn', { date: formatDate(p.holding.expiryDate, lang) }) : '')
      : ''
    this.tag('Content.ProductBadge')!.text = textPatch(badge, {
      fontSize: FontSize.small,
      fontStyle: 'bold',
      textColor: p.badge ? BADGE_COLOR[p.badge] : Colors.text,
    })
    this.tag('Content.Description')!.text = textPatch(insertZeroWidthSpaces(productDescription(p, lang)), {
      fontSize: FontSize.body,
      wordWrapWidth: 960,
      lineHeight: 48,
    })
    this.tag('Content.PeriodHeading')!.text = textPatch(
      p.orderable ? t('product.choosePeriod') : t('catalog.notOrderable'),
      { fontSize: FontSize.heading, fontStyle: 'bold' },
    )
    const buttons = this.tag('Content.PeriodList')!.items
    p.prices.forEach((price, i) => {
      const button = buttons[i]
      if (button instanceof Button)
        button.title = t(periodKey(price.periodMonths), { n: price.periodMonths }) + '    ' + formatFen(price.priceFen)
    })
    const heading = p.channels.length ? t('product.channels', { count: p.channels.length }) : t('catalog.vod')
    this.tag('Content.ChannelHeading')!.text = textPatch(heading, { fontSize: FontSize.heading, fontStyle: 'bold' })
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', this._product ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this._zone === 'Periods' ? this.tag('Content.PeriodList') : this.tag('Content.ChannelList')
        }
        override _handleRight(): boolean {
          if (this._product && this._product.channels.length) this._zone = 'Channels'
          return true
        }
        override _handleLeft(): boolean {
          if (this._product && this._product.orderable && this._product.prices.length) this._zone = 'Periods'
          return true
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
