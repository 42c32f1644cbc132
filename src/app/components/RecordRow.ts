/**
 * One line of a history list (a bill, a charge, a payment, a change): what it is on the left, a muted
 * detail in the middle, the amount on the right. Focus shows as amber fill, dark text and a white
 * frame, so it is plain from the sofa and for colour-blind viewers. Rows narrower than the safe area
 * also grow a little (`focusScale`); full-width rows cannot, they would leave the title-safe area.
 */
import { Lightning } from '@lightningjs/sdk'
import { formatFen } from '../lib/format.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, ROW_FOCUS_SCALE, textPatch } from '../lib/theme.ts'

export const RECORD_H = 76
const WHITE = 0xffffffff
/** The focus frame's margin around the row. */
const FRAME = 4

/**
 * How far a row of width `w` reaches past each side when focused and grown (frame included): the room a
 * clipping list must leave around its rows, and the gap to keep from the title-safe edge.
 */
export function rowOverhang(w: number, scale: number = ROW_FOCUS_SCALE): number {
  return Math.ceil((w / 2 + FRAME) * scale - w / 2)
}

export interface RowContent {
  title: string
  detail?: string
  /** Colour of the detail when not focused (e.g. a bill's status). */
  detailColor?: number
  /** Amount in fen; null shows none. */
  fen: number | null
  /** Show a plus sign on positive amounts (money paid in, a bill going up). */
  signed?: boolean
  amountColor?: number
}

export default class RecordRow extends Lightning.Component {
  private _record: RowContent | null = null
  /** Width the focus frame texture was made for (made again only when the width changes). */
  private _frameW = -1
  /** Where the detail starts, as a share of the row's width. */
  detailAt = 0.42
  /** Size when focused; 1 for full-width rows, `ROW_FOCUS_SCALE` for narrower ones (leave `rowOverhang` around them). */
  focusScale = 1

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      h: RECORD_H,
      Frame: { x: -FRAME, y: -FRAME, alpha: 0 },
      Body: { rect: true, h: RECORD_H, color: Colors.panel },
      RecordTitle: { x: 28, y: RECORD_H / 2, mountY: 0.5, text: textPatch('') },
      RecordDetail: { y: RECORD_H / 2, mountY: 0.5, text: textPatch('') },
      RecordAmount: { y: RECORD_H / 2, mountY: 0.5, mountX: 1, text: textPatch('') },
    }
  }

  set record(v: RowContent) {
    this._record = v
    this.render()
  }

  get record(): RowContent | null {
    return this._record
  }

  override _init(): void {
    this.render()
  }

  render(): void {
    const r = this._record
    const w = this.w || 800
    const focused = this.hasFocus()
    const fg = focused ? Colors.textOnFocus : Colors.text
    const detailX = Math.round(w * this.detailAt)
    this.tag('Body').patch({ w, color: focused ? Colors.panelFocused : Colors.panel })
    if (this._frameW !== w) {
      this._frameW = w
      this.tag('Frame').patch({ texture: Lightning.Tools.getRoundRect(w + 2 * FRAME, RECORD_H + 2 * FRAME, 4, 4, Colors.text, false, 0) })
    }
    if (!r) return
    const amount = r.fen === null ? '' : (r.signed && r.fen > 0 ? '+' : '') + formatFen(r.fen)
    // The texts are drawn white once and coloured by the element's tint: a focus move changes only tints,
    // never redraws a text texture (each redraw is a canvas draw and a texture upload, ~20 ms on a slow box).
    this.patch({
      RecordTitle: {
        color: fg,
        text: textPatch(insertZeroWidthSpaces(r.title), { fontSize: FontSize.body, textColor: WHITE, fontStyle: 'bold', wordWrapWidth: detailX - 48, maxLines: 1 }),
      },
      RecordDetail: {
        x: detailX,
        color: focused ? Colors.textOnFocus : r.detailColor === undefined ? Colors.textMuted : r.detailColor,
        text: textPatch(insertZeroWidthSpaces(r.detail || ''), { fontSize: FontSize.small, textColor: WHITE, wordWrapWidth: w - detailX - 260, maxLines: 1 }),
      },
      RecordAmount: {
        x: w - 28,
        color: focused ? Colors.textOnFocus : r.amountColor === undefined ? Colors.text : r.amountColor,
        text: textPatch(amount, { fontSize: FontSize.body, fontStyle: 'bold', textColor: WHITE }),
      },
    })
  }

  override _focus(): void {
    // A scale change is a transform only: no text is drawn again.
    if (this.focusScale !== 1) this.setSmooth('scale', this.focusScale)
    this.tag('Frame').alpha = 1
    this.render()
  }

  override _unfocus(): void {
    if (this.focusScale !== 1) this.setSmooth('scale', 1)
    this.tag('Frame').alpha = 0
    this.render()
  }
}
