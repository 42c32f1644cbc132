/**
 * 产品订购: categories on the left, that shelf's packages on the right (price per period, channels, a badge
 * when already held). Up reaches My subscriptions and the spending limit. Coming back keeps the place.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { Button, Column } from '@lightningjs/ui-components'
import type { ProductSummary } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import ErrorState from '../components/ErrorState.ts'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import ProductRow, { PRODUCT_H } from '../components/ProductRow.ts'
import { api } from '../lib/backend.ts'
import { groupCatalogue, type CatalogueGroup } from '../lib/catalogue.ts'
import { t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FOCUS_SCALE, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const LIST_X = 460
const LIST_W = 1364
const CATEGORY_W = 320
/** How far a focused button grows past each side (ui-components scale it by FOCUS_SCALE about its centre). */
const grow = (w: number) => Math.ceil((w * (FOCUS_SCALE - 1)) / 2)
// The top buttons sit in from the title-safe edges (x 1824, y 54) by their growth, so focused they stay inside.
const TOP_Y = 54 + grow(80)
const SUBS_RIGHT = 1824 - grow(340)
const LIMIT_RIGHT = SUBS_RIGHT - 340 - 2 * grow(340)
type Zone = 'Categories' | 'Products' | 'Buttons'

export default class CatalogPage extends Lightning.Component {
  private _groups: CatalogueGroup[] = []
  private _category = 0
  private _zone: Zone = 'Products'
  private _button = 0

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: 1920,
      h: 1080,
      PageTitle: { x: X, y: 56, text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }) },
      SubscriptionsButton: { type: Button, x: SUBS_RIGHT, mountX: 1, y: TOP_Y, w: 340, h: 80, fixed: true, title: '' },
      SpendingLimitButton: { type: Button, x: LIMIT_RIGHT, mountX: 1, y: TOP_Y, w: 300, h: 80, fixed: true, title: '' },
      Content: {
        alpha: 0,
        // In from X by the buttons' focus growth, so a focused category stays inside the title-safe area.
        CategoryList: { type: Column, x: X + grow(CATEGORY_W), y: 180, w: 320, h: 780, neverScroll: true, style: { itemSpacing: 10 }, signals: { selectedChange: '_categoryChanged' } },
        // Ends above the hints: the last whole row and its focus frame end at 796.
        ProductList: { type: Column, x: LIST_X - 8, y: 172, w: LIST_W + 16, h: 796, clipping: true, itemPosX: 8, itemPosY: 8, scrollIndex: 4, style: { itemSpacing: 14 } },
      },
      CatalogEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
      // Its ~42 px line ends above the title-safe bottom (y 1026).
      Hints: { x: X, y: 970, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      ErrorState: { type: ErrorState, x: 960, mountX: 0.5, y: 300, visible: false },
      Loading: { type: LoadingIndicator, x: 660, y: 460 },
    }
  }

  override _init(): void {
    this.tag('ErrorState').onRetry = () => this.load()
    this.tag('SubscriptionsButton').onEnter = () => (Router.navigate('subscriptions'), true)
    this.tag('SpendingLimitButton').onEnter = () => (Router.navigate('spending-limit'), true)
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  /** Badges may have changed (an order, a renewal): reload, keeping the viewer's place. */
  override _onChanged(): void {
    this.load()
  }

  load(): void {
    loadScreen(this, () => api().getProducts(), (list) => this._show(groupCatalogue(list)))
  }

  private _show(groups: CatalogueGroup[]): void {
    const list = this.tag('Content.ProductList')
    const keepProduct = this._groups.length && list.selected ? (list.selected as unknown as { ref: string }).ref : ''
    this._groups = groups
    this.render()
    if (!groups.length) {
      this._setState('Empty')
      return
    }
    this._category = Math.min(this._category, groups.length - 1)
    const categories = this.tag('Content.CategoryList')
    categories.items = groups.map((g) => ({ type: Button, ref: 'Category_' + g.category, w: CATEGORY_W, h: 70, fixed: true, title: g.name }))
    categories.selectedIndex = this._category
    this._fillProducts(keepProduct)
    this._setState('Ready')
  }

  private _fillProducts(keepRef = ''): void {
    const g = this._groups[this._category]
    if (!g) return
    const list = this.tag('Content.ProductList')
    const open = (p: ProductSummary) => Router.navigate('packages/' + p.productId)
    list.items = g.items.map((p) => ({ type: ProductRow, ref: 'Product_' + p.productId, w: LIST_W, h: PRODUCT_H, product: p, onSelect: open }))
    const i = g.items.map((p) => 'Product_' + p.productId).indexOf(keepRef)
    list.selectedIndex = i >= 0 ? i : 0
  }

  /** Column signal (it passes the item, not the index). */
  _categoryChanged(): void {
    const index = this.tag('Content.CategoryList').selectedIndex as number
    if (index === this._category) return
    this._category = index
    this._fillProducts()
  }

  render(): void {
    this.tag('PageTitle').text = textPatch(t('catalog.title'), { fontSize: FontSize.title, fontStyle: 'bold' })
    this.tag('SubscriptionsButton').title = t('catalog.subscriptions')
    this.tag('SpendingLimitButton').title = t('catalog.limit')
    this.tag('Hints').text = textPatch(t('catalog.hint') + '    ' + t('common.backHint'), { fontSize: FontSize.small, textColor: Colors.textMuted })
    ;(this.tag('CatalogEmpty') as EmptyState).message = t('catalog.empty')
    this.tag('ErrorState').render()
    for (const row of this.tag('Content.ProductList').items as ProductRow[]) row.render()
  }

  private _focusZone(): Lightning.Component {
    if (this._zone === 'Buttons') return this.tag(this._button === 0 ? 'SpendingLimitButton' : 'SubscriptionsButton')
    return this.tag(this._zone === 'Categories' ? 'Content.CategoryList' : 'Content.ProductList')
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content').setSmooth('alpha', this._groups.length ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content').setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this._focusZone()
        }
        override _handleLeft(): boolean {
          if (this._zone === 'Buttons') this._button = 0
          else this._zone = 'Categories'
          return true
        }
        override _handleRight(): boolean {
          if (this._zone === 'Buttons') this._button = 1
          else this._zone = 'Products'
          return true
        }
        override _handleUp(): boolean {
          // Reached only when the list is at its top: the buttons above.
          if (this._zone !== 'Buttons') this._zone = 'Buttons'
          return true
        }
        override _handleDown(): boolean {
          if (this._zone === 'Buttons') this._zone = 'Products'
          return true
        }
      },
      class Empty extends this {
        override $enter() {
          this.tag('CatalogEmpty').visible = true
          this._zone = 'Buttons'
        }
        override $exit() {
          this.tag('CatalogEmpty').visible = false
        }
        override _getFocused() {
          return this._focusZone()
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
      failedState(this, 'Content'),
    ]
  }
}
