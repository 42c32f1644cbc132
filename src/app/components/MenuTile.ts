/**
 * One entry of the home menu. Focus shows three ways at once (grows, turns amber, gains a white frame)
 * so it is unmistakable from the sofa and for colour-blind viewers.
 */
import { Lightning } from '@lightningjs/sdk'
import { t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { rowInk, tintedText } from '../lib/rowLook.ts'
import { Colors, FOCUS_SCALE, FontSize, textPatch } from '../lib/theme.ts'

// Four in a row, grown 1.08 when focused with their ring, stay inside the title-safe area. Tall enough for
// the hint's second line at large text: a hint wraps rather than being cut with "..".
export const TILE_W = 384
export const TILE_H = 270
const HINT = { fontSize: FontSize.small, wordWrapWidth: TILE_W - 64, maxLines: 2, lineHeight: 36 }

export interface MenuEntry {
  /** Router path the tile opens. */
  route: string
  /** Stable ref for tests, e.g. `BalanceTile`. */
  ref: string
  label: TKey
  hint: TKey
  /** A big glyph: readable without reading. */
  glyph: string
  /** Digit key that opens this entry from the home screen (1-9). */
  digit?: number
}

export interface MenuTileSpec extends Lightning.Component.TemplateSpec {
  Frame: object
  Body: object
  Glyph: object
  Label: object
  Digit: object
  Hint: object
  Badge: { BadgeCount: object }
}

export default class MenuTile
  extends Lightning.Component<MenuTileSpec>
  implements Lightning.Component.ImplementTemplateSpec<MenuTileSpec>
{
  private _entry: MenuEntry | null = null
  /** Called with the entry on OK; set by the menu. */
  onSelect: ((entry: MenuEntry) => void) | null = null

  static override _template(): Lightning.Component.Template<MenuTileSpec> {
    return {
      w: TILE_W,
      h: TILE_H,
      pivot: 0.5,
      Frame: {
        x: -6,
        y: -6,
        alpha: 0,
        texture: Lightning.Tools.getRoundRect(TILE_W + 12, TILE_H + 12, 24, 6, Colors.text, false, 0),
      },
      Body: { texture: Lightning.Tools.getRoundRect(TILE_W, TILE_H, 20, 0, 0, true, 0xffffffff), color: Colors.panel },
      Glyph: { x: 32, y: 28, text: textPatch('', { fontSize: 64, textColor: Colors.accent }) },
      Label: { x: 32, y: 108, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      Digit: {
        x: TILE_W - 28,
        mountX: 1,
        y: 22,
        text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
      Hint: {
        x: 32,
        y: 164,
        text: textPatch('', { ...HINT, textColor: Colors.textMuted }),
      },
      // A count on the tile (unread messages): red with white digits, readable on the amber focus too.
      Badge: {
        x: 120,
        y: 34,
        visible: false,
        texture: Lightning.Tools.getRoundRect(72, 52, 26, 0, 0, true, Colors.danger),
        BadgeCount: { x: 36, mountX: 0.5, y: 6, text: textPatch('', { fontSize: 32, fontStyle: 'bold' }) },
      },
    }
  }

  /** A count shown on the tile; 0 hides it. */
  set badge(count: number) {
    this.tag('Badge')!.visible = count > 0
    this.tag('Badge.BadgeCount')!.text = textPatch(count > 99 ? '99+' : String(count), {
      fontSize: 32,
      fontStyle: 'bold',
    })
  }

  set entry(v: MenuEntry) {
    this._entry = v
    this.render()
  }

  get entry(): MenuEntry | null {
    return this._entry
  }

  /** Re-reads the translated strings (after a language switch too). */
  render(): void {
    if (!this._entry) return
    const focused = this.hasFocus()
    const { fg, muted } = rowInk(focused)
    // Texts tinted, not redrawn, on focus (lib/rowLook.ts): 8 redraws per key made home keys slow on a box.
    this.patch({
      Glyph: tintedText(this._entry.glyph, focused ? Colors.textOnFocus : Colors.accent, { fontSize: 64 }),
      Digit: tintedText(this._entry.digit ? String(this._entry.digit) : '', muted, { fontSize: FontSize.small }),
      Label: tintedText(t(this._entry.label), fg, { fontSize: FontSize.heading, fontStyle: 'bold' }),
      Hint: tintedText(t(this._entry.hint), muted, HINT),
    })
  }

  override _focus(): void {
    this.setSmooth('scale', FOCUS_SCALE, { duration: 0.15 })
    this.tag('Body')!.color = Colors.panelFocused
    this.tag('Frame')!.alpha = 1
    this.zIndex = 2
    this.render()
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1, { duration: 0.15 })
    this.tag('Body')!.color = Colors.panel
    this.tag('Frame')!.alpha = 0
    this.zIndex = 0
    this.render()
  }

  override _handleEnter(): boolean {
    if (this._entry && this.onSelect) this.onSelect(this._entry)
    return true
  }
}
