/**
 * One shelf's packages, a row each (ProductRow), whole rows only, with the list's place shown by the page
 * frame. A fresh shelf opens on the first package that can be bought, never on the base fee listed for
 * information; a reload keeps the package the viewer was on.
 */
import { Router } from '@lightningjs/sdk'
import type { ProductSummary } from '../../contract/index.ts'
import HallColumn, { fitRows } from './HallColumn.ts'
import ProductRow, { PRODUCT_H } from './ProductRow.ts'

/** Between rows (the page sets it in `style`, where ui-components reads it). */
export const SHELF_GAP = 14

export default class ProductShelf extends HallColumn {
  static override _template() {
    return {
      ...super._template(),
      clipping: true,
      itemPosX: 8,
      itemPosY: 8,
      scrollIndex: 4,
    }
  }

  /** A list as tall as the whole rows that fit in `maxH`. */
  static heightFor(maxH: number): number {
    return fitRows(maxH, PRODUCT_H, SHELF_GAP)
  }

  /** The ref of the package the viewer is on ('' when none). */
  get current(): string {
    const row = this.selected
    return row && row.ref ? row.ref : ''
  }

  /** The shelf's packages, the focus on `keepRef` when it is among them. */
  show(products: ProductSummary[], keepRef = ''): void {
    const open = (p: ProductSummary) => Router.navigate('packages/' + p.productId)
    const refs = products.map((p) => 'Product_' + p.productId)
    this.items = products.map((p, i) => ({
      type: ProductRow,
      ref: refs[i],
      w: this.w - 16,
      h: PRODUCT_H,
      product: p,
      onSelect: open,
    }))
    const i = refs.indexOf(keepRef)
    this.selectedIndex = i >= 0 ? i : Math.max(0, products.map((p) => p.orderable).indexOf(true))
  }

  /** Words in the viewer's language again. */
  render(): void {
    for (const row of this.Items.children) if (row instanceof ProductRow) row.render()
  }
}
