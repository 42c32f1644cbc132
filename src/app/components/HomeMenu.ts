/**
 * The home screen's menu: rows of MenuTiles (lib/menu.ts), Up/Down between rows and Left/Right along one,
 * keeping the column (plinko). The messages tile carries the unread count.
 */
import { Column, Row } from '@lightningjs/ui-components'
import MenuTile, { TILE_H, TILE_W, type MenuEntry } from './MenuTile.ts'
import { MENU_ROWS } from '../lib/menu.ts'

export const MENU_GAP = 40
export const MENU_W = 1660
export const MENU_H = TILE_H * 2 + MENU_GAP

export default class HomeMenu extends Column {
  /** The menu's rows, each tile opening its entry with `open`. */
  build(open: (e: MenuEntry) => void): void {
    this.w = MENU_W
    this.h = MENU_H
    this.plinko = true
    this.neverScroll = true
    this.style = { itemSpacing: MENU_GAP }
    this.items = MENU_ROWS.map((entries) => ({
      type: Row,
      h: TILE_H,
      w: MENU_W,
      style: { itemSpacing: MENU_GAP },
      neverScroll: true,
      items: entries.map((entry) => ({ type: MenuTile, ref: entry.ref, w: TILE_W, h: TILE_H, entry, onSelect: open })),
    }))
    this.unread = this._unread
  }

  private get _tiles(): MenuTile[] {
    return this.items.flatMap((row) => (row instanceof Row ? row.items : [])).filter((t) => t instanceof MenuTile)
  }

  private _unread = 0

  /** The unread count on the messages tile (0 hides it); kept for the tile if the menu is not built yet. */
  set unread(count: number) {
    this._unread = count
    for (const tile of this._tiles) if (tile.entry && tile.entry.route === 'messages') tile.badge = count
  }

  /** The tiles' words again, in the current language. */
  render(): void {
    for (const tile of this._tiles) tile.render()
  }
}
