/**
 * 回访: one to five stars chosen with Left/Right, OK confirms through `onRate`. Big glyphs and the
 * number beside them, so the choice reads from the sofa without counting.
 */
import { Lightning } from '@lightningjs/sdk'
import { tintedText } from '../lib/rowLook.ts'
import { Colors, FOCUS_SCALE, FontSize, textPatch } from '../lib/theme.ts'

const MAX = 5
const STAR_W = 84

export function clampStars(n: number): number {
  return Math.min(MAX, Math.max(1, Math.round(n)))
}

export interface StarRatingSpec extends Lightning.Component.TemplateSpec {
  stars: number
  onRate: ((stars: number) => void) | null
  /** Star0 … Star4, made in a loop. */
  Stars: object
  StarCount: object
}

export default class StarRating
  extends Lightning.Component<StarRatingSpec>
  implements Lightning.Component.ImplementTemplateSpec<StarRatingSpec>
{
  private _stars = 5
  onRate: ((stars: number) => void) | null = null

  static override _template(): Lightning.Component.Template<StarRatingSpec> {
    const stars: Record<string, unknown> = {}
    for (let i = 0; i < MAX; i++) stars['Star' + i] = { x: i * STAR_W, text: textPatch('★', { fontSize: 80 }) }
    return {
      h: 110,
      Stars: { ...stars },
      StarCount: {
        x: MAX * STAR_W + 24,
        y: 24,
        text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }),
      },
    }
  }

  get stars(): number {
    return this._stars
  }

  set stars(n: number) {
    this._stars = clampStars(n)
    this._draw()
  }

  override _init(): void {
    this._draw()
  }

  private _draw(): void {
    const focused = this.hasFocus()
    const stars: Record<string, object> = {}
    for (let i = 0; i < MAX; i++) {
      const on = i < this._stars
      // Stars and count tinted, not redrawn, when the choice or the focus moves (lib/rowLook.ts).
      stars['Star' + i] = {
        ...tintedText('★', on ? Colors.accent : 0x55ffffff, { fontSize: 80 }),
        scale: focused && i === this._stars - 1 ? FOCUS_SCALE * 1.1 : 1,
      }
    }
    this.patch({
      Stars: stars,
      StarCount: tintedText(this._stars + ' / ' + MAX, focused ? Colors.accent : Colors.text, {
        fontSize: FontSize.heading,
        fontStyle: 'bold',
      }),
    })
  }

  override _focus(): void {
    this._draw()
  }

  override _unfocus(): void {
    this._draw()
  }

  override _handleLeft(): boolean {
    this.stars = this._stars - 1
    return true
  }

  override _handleRight(): boolean {
    this.stars = this._stars + 1
    return true
  }

  override _handleEnter(): boolean {
    if (this.onRate) this.onRate(this._stars)
    return true
  }
}
