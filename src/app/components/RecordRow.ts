/**
 * One line of a history list (a bill, a charge, a payment, a change): what it is on the left, a muted
 * detail in the middle, the amount on the right. Focus shows as amber fill, dark text and a white
 * frame, so it is plain from the sofa and for colour-blind viewers. Rows narrower than the safe area
 * also grow a little (`focusScale`); full-width rows cannot, they would leave the title-safe area.
 */
import { Lightning } from '@lightningjs/sdk'
import { formatFen } from '../lib/format.ts'
import { FOCUS_FRAME, focusFrame, rowInk, tintedText } from '../lib/rowLook.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { taggedElement } from '../lib/elements.ts'

export const RECORD_H = 76

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

export interface RecordRowSpec extends Lightning.Component.TemplateSpec {
  record: RowContent | null
  detailAt: number
  focusScale: number
  Frame: object
  Body: object
  RecordTitle: object
  RecordDetail: object
  RecordAmount: object
}

export default class RecordRow
  extends Lightning.Component<RecordRowSpec>
  implements Lightning.Component.ImplementTemplateSpec<RecordRowSpec>
{
  private _record: RowContent | null = null
  /** Where the detail starts, as a share of the row's width. */
  detailAt = 0.42
  /** Size when focused; 1 for full-width rows, `ROW_FOCUS_SCALE` for narrower ones (leave `rowOverhang` around them). */
  focusScale = 1

  static override _template(): Lightning.Component.Template<RecordRowSpec> {
    return {
      h: RECORD_H,
      Frame: { x: -FOCUS_FRAME, y: -FOCUS_FRAME, alpha: 0 },
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
    const { fg } = rowInk(focused)
    const detailX = Math.round(w * this.detailAt)
    this.patch({ Body: { w, color: focused ? Colors.panelFocused : Colors.panel } })
    const frame = taggedElement(this, 'Frame')
    if (frame) focusFrame(frame, w, RECORD_H)
    if (!r) return
    const amount = r.fen === null ? '' : (r.signed && r.fen > 0 ? '+' : '') + formatFen(r.fen)
    // Texts tinted, not redrawn, on focus (lib/rowLook.ts).
    this.patch({
      RecordTitle: tintedText(insertZeroWidthSpaces(r.title), fg, {
        fontSize: FontSize.body,
        fontStyle: 'bold',
        wordWrapWidth: detailX - 48,
        maxLines: 1,
      }),
      RecordDetail: {
        x: detailX,
        ...tintedText(
          insertZeroWidthSpaces(r.detail || ''),
          focused ? Colors.textOnFocus : r.detailColor === undefined ? Colors.textMuted : r.detailColor,
          {
            fontSize: FontSize.small,
            wordWrapWidth: w - detailX - 260,
            maxLines: 1,
          },
        ),
      },
      RecordAmount: {
        x: w - 28,
        ...tintedText(
          amount,
          focused ? Colors.textOnFocus : r.amountColor === undefined ? Colors.text : r.amountColor,
          { fontSize: FontSize.body, fontStyle: 'bold' },
        ),
      },
    })
  }

  override _focus(): void {
    // A scale change is a transform only: no text is drawn again.
    if (this.focusScale !== 1) this.setSmooth('scale', this.focusScale)
    this.patch({ Frame: { alpha: 1 } })
    this.render()
  }

  override _unfocus(): void {
    if (this.focusScale !== 1) this.setSmooth('scale', 1)
    this.patch({ Frame: { alpha: 0 } })
    this.render()
  }
}
