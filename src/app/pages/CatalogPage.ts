/**
 * 产品订购: categories on the left, that shelf's packages on the right (price per period, channels, a badge
 * when already held). Up reaches My subscriptions and the spending limit. Coming back keeps the place.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import HallPage, { CONTENT_TOP, frame, type PageTemplate } from '../components/HallPage.ts'
import { Button, Column } from '@lightningjs/ui-components'
import type { ProductSummary } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import ProductRow, { PRODUCT_H } from '../components/ProductRow.ts'
import { api } from '../lib/backend.ts'
import type { ProductListResponse } from '../../contract/index.ts'
import { groupCatalogue, openingCategory, type CatalogueGroup } from '../lib/catalogue.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { FOCUS_SCALE } from '../lib/theme.ts'

const X = 96
const LIST_X = 460
const LIST_W = 1364
const CATEGORY_W = 320
/** How far a focused button grows past each side (ui-components scale it by FOCUS_SCALE about its centre). */
const grow = (w: number) => Math.ceil((w * (FOCUS_SCALE - 1)) / 2)
// The top buttons sit below the header and in from the title-safe edge (x 1824) by their growth.
const TOP_Y = CONTENT_TOP + grow(72)
const SUBS_W = 420
const LIMIT_W = 380
const SUBS_RIGHT = 1824 - grow(SUBS_W)
const LIMIT_RIGHT = SUBS_RIGHT - SUBS_W - 2 * grow(SUBS_W)
const LIST_Y = TOP_Y + 72 + 2 * grow(72) + 12
type Zone = 'Categories' | 'Products' | 'Buttons'

export default class CatalogPage extends HallPage {
  private _groups: CatalogueGroup[] = []
  private _list: ProductListResponse | null = null
  private _category = 0
  private _zone: Zone = 'Products'
  private _button = 0

  static override _template(): PageTemplate {
    return frame({
      SubscriptionsButton: {
        type: Button,
        x: SUBS_RIGHT,
        mountX: 1,
        y: TOP_Y,
        w: SUBS_W,
        h: 72,
        fixed: true,
        title: '',
      },
      SpendingLimitButton: {
        type: Button,
        x: LIMIT_RIGHT,
        mountX: 1,
        y: TOP_Y,
        w: LIMIT_W,
        h: 72,
        fixed: true,
        title: '',
      },
      Content: {
        alpha: 0,
        // In from X by the buttons' focus growth, so a focused category stays inside the title-safe area.
        CategoryList: {
          type: Column,
          x: X + grow(CATEGORY_W),
          y: LIST_Y + 8,
          w: 320,
          h: 962 - LIST_Y - 8,
          neverScroll: true,
          style: { itemSpacing: 8 },
          signals: { selectedChange: '_categoryChanged' },
        },
        // Ends above the hints: the last whole row and its focus frame end at 796.
        ProductList: {
          type: Column,
          x: LIST_X - 8,
          y: LIST_Y,
          w: LIST_W + 16,
          h: 962 - LIST_Y,
          clipping: true,
          itemPosX: 8,
          itemPosY: 8,
          scrollIndex: 4,
          style: { itemSpacing: 14 },
        },
      },
      CatalogEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
      // Its ~42 px line ends above the title-safe bottom (y 1026).
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
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
    loadScreen(
      this,
      () => api().getProducts(),
      (list) => {
        this._list = list
        this._show(groupCatalogue(list, currentLanguage()))
      },
    )
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
    // A first visit opens on something that can be bought; a return keeps the viewer's place.
    this._category = keepProduct ? Math.min(this._category, groups.length - 1) : openingCategory(groups, this._category)
    const categories = this.tag('Content.CategoryList')
    categories.items = groups.map((g) => ({
      type: Button,
      ref: 'Category_' + g.category,
      w: CATEGORY_W,
      h: 60,
      fixed: true,
      title: g.name,
    }))
    categories.selectedIndex = this._category
    this._fillProducts(keepProduct)
    this._setState('Ready')
  }

  private _fillProducts(keepRef = ''): void {
    const g = this._groups[this._category]
    if (!g) return
    const list = this.tag('Content.ProductList')
    const open = (p: ProductSummary) => Router.navigate('packages/' + p.productId)
    list.items = g.items.map((p) => ({
      type: ProductRow,
      ref: 'Product_' + p.productId,
      w: LIST_W,
      h: PRODUCT_H,
      product: p,
      onSelect: open,
    }))
    const i = g.items.map((p) => 'Product_' + p.productId).indexOf(keepRef)
    // A fresh list opens on the first package that can be bought, never on the base fee listed for information.
    const firstOrderable = g.items.map((p) => p.orderable).indexOf(true)
    list.selectedIndex = i >= 0 ? i : Math.max(0, firstOrderable)
  }

  /** Column signal (it passes the item, not the index). */
  _categoryChanged(): void {
    const index = this.tag('Content.CategoryList').selectedIndex as number
    if (index === this._category) return
    this._category = index
    this._fillProducts()
  }

  render(): void {
    this.title = t('catalog.title')
    this.tag('SubscriptionsButton').title = t('catalog.subscriptions')
    this.tag('SpendingLimitButton').title = t('catalog.limit')
    this.hints = [
      ['updown', t('hint.choose')],
      ['leftright', t('hint.pane')],
      ['ok', t('hint.details')],
    ]
    ;(this.tag('CatalogEmpty') as EmptyState).message = t('catalog.empty')
    this.errorState.render()
    for (const row of this.tag('Content.ProductList').items as ProductRow[]) row.render()
    // Shelf names in the viewer's language (the BOSS has both).
    if (this._list) {
      const names = groupCatalogue(this._list, currentLanguage()).map((g) => g.name)
      ;(this.tag('Content.CategoryList').items as Button[]).forEach((b, i) => (b.title = names[i] || b.title))
    }
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
