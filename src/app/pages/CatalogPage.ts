/**
 * 产品订购: shelves on the left (CategoryList, the shown one marked), that shelf's packages on the right
 * (price per period, channels, a badge when already held). Up reaches My subscriptions and the spending
 * limit. Coming back keeps the place.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { CONTENT_TOP, frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { ProductListResponse } from '../../contract/index.ts'
import CategoryList, { CATEGORY_GAP, CATEGORY_GROW } from '../components/CategoryList.ts'
import EmptyState from '../components/EmptyState.ts'
import HallButton from '../components/HallButton.ts'
import ProductShelf, { SHELF_GAP } from '../components/ProductShelf.ts'
import { api } from '../lib/backend.ts'
import { groupCatalogue, openingCategory, type CatalogueGroup } from '../lib/catalogue.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { FOCUS_SCALE } from '../lib/theme.ts'

const X = 96
const LIST_X = 460
const LIST_W = 1364
/** How far a focused button grows past each side (ui-components scale it by FOCUS_SCALE about its centre). */
const grow = (w: number) => Math.ceil((w * (FOCUS_SCALE - 1)) / 2)
// The top buttons sit below the header and in from the title-safe edge (x 1824) by their growth.
const TOP_Y = CONTENT_TOP + grow(72)
const SUBS_W = 420
const SUBS_RIGHT = 1824 - grow(SUBS_W)
const LIST_Y = TOP_Y + 72 + 2 * grow(72) + 12
type Zone = 'Categories' | 'Products' | 'Buttons'

interface CatalogSpec extends PageFrameSpec {
  SubscriptionsButton: typeof HallButton
  SpendingLimitButton: typeof HallButton
  Content: { CategoryList: typeof CategoryList; ProductList: typeof ProductShelf }
  CatalogEmpty: typeof EmptyState
}

// Fixed widths: the two are laid out from the right edge.
const topButton = (x: number, w: number) => ({ type: HallButton, x, mountX: 1, y: TOP_Y, w, h: 72, fixed: true })

export default class CatalogPage extends HallPage<CatalogSpec> {
  private _groups: CatalogueGroup[] = []
  private _list: ProductListResponse | null = null
  private _category = 0
  private _zone: Zone = 'Products'
  private _button = 0

  static override _template(): PageTemplate<CatalogSpec> {
    return frame<CatalogSpec>({
      SubscriptionsButton: topButton(SUBS_RIGHT, SUBS_W),
      SpendingLimitButton: topButton(SUBS_RIGHT - SUBS_W - 2 * grow(SUBS_W), 380),
      Content: {
        alpha: 0,
        // In from X by the buttons' focus growth, so a focused shelf stays inside the title-safe area.
        CategoryList: {
          type: CategoryList,
          x: X + CATEGORY_GROW,
          y: LIST_Y + 8,
          h: 962 - LIST_Y - 8,
          style: { itemSpacing: CATEGORY_GAP },
        },
        // Whole rows only, ending above the hints.
        ProductList: {
          type: ProductShelf,
          x: LIST_X - 8,
          y: LIST_Y,
          w: LIST_W + 16,
          h: ProductShelf.heightFor(962 - LIST_Y),
          style: { itemSpacing: SHELF_GAP },
        },
      },
      CatalogEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _products(): ProductShelf {
    return this.tag('Content.ProductList')!
  }

  private get _shelves(): CategoryList {
    return this.tag('Content.CategoryList')!
  }

  override _init(): void {
    // Every visit reloads: badges may have changed (an order, a renewal); the viewer's place is kept.
    this.loadOnVisit(() => this.load())
    this.tag('SubscriptionsButton')!.onEnter = () => (Router.navigate('subscriptions'), true)
    this.tag('SpendingLimitButton')!.onEnter = () => (Router.navigate('spending-limit'), true)
    this._shelves.onShelf = (i) => this._shelfChanged(i)
    this.render()
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
    const keepProduct = this._groups.length ? this._products.current : ''
    this._groups = groups
    this.render()
    if (!groups.length) return this._setState('Empty')
    // A first visit opens on something that can be bought; a return keeps the viewer's place.
    this._category = keepProduct ? Math.min(this._category, groups.length - 1) : openingCategory(groups, this._category)
    this._shelves.open(
      groups.map((g) => ({ ref: 'Category_' + g.category, name: g.name })),
      this._category,
    )
    this._products.show(groups[this._category].items, keepProduct)
    this._setState('Ready')
  }

  private _shelfChanged(index: number): void {
    if (index === this._category || !this._groups[index]) return
    this._category = index
    this._products.show(this._groups[index].items)
  }

  render(): void {
    this.title = t('catalog.title')
    this.tag('SubscriptionsButton')!.title = t('catalog.subscriptions')
    this.tag('SpendingLimitButton')!.title = t('catalog.limit')
    this.hints = [
      ['updown', t('hint.choose')],
      ['leftright', t('hint.pane')],
      ['ok', t('hint.details')],
    ]
    this.tag('CatalogEmpty')!.message = t('catalog.empty')
    this.errorState.render()
    this._products.render()
    // Shelf names in the viewer's language (the BOSS has both).
    if (this._list) this._shelves.rename(groupCatalogue(this._list, currentLanguage()).map((g) => g.name))
  }

  override _getFocused() {
    if (this._zone === 'Buttons') return this.tag(this._button === 0 ? 'SpendingLimitButton' : 'SubscriptionsButton')
    return this._zone === 'Categories' ? this._shelves : this._products
  }

  /** Left/Right: between the panes, or between the two buttons above them. */
  override _handleLeft(): boolean {
    return this._side(false)
  }

  override _handleRight(): boolean {
    return this._side(true)
  }

  private _side(right: boolean): boolean {
    if (this._zone === 'Buttons' || this._getState() === 'Empty') this._button = right ? 1 : 0
    else this._zone = right ? 'Products' : 'Categories'
    return true
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', this._groups.length ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Content')!.setSmooth('alpha', 1)
        }
        override _handleUp(): boolean {
          // Reached only when the list is at its top: the buttons above.
          this._zone = 'Buttons'
          return true
        }
        override _handleDown(): boolean {
          if (this._zone === 'Buttons') this._zone = 'Products'
          return true
        }
      },
      class Empty extends this {
        override $enter() {
          this.tag('CatalogEmpty')!.visible = true
          this._zone = 'Buttons'
        }
        override $exit() {
          this.tag('CatalogEmpty')!.visible = false
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
