/**
 * The top of every screen: where I am (the screens above this one), the screen's title, and on the
 * right the household and the clock, inside the title-safe area (x 96…1824, y from 54).
 */
import { Lightning } from '@lightningjs/sdk'
import { formatClock, msToNextMinute } from '../lib/format.ts'
import { household, onHousehold } from '../lib/household.ts'
import { t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, Space, textPatch } from '../lib/theme.ts'

/** Where a page's own content may start: below the header in every text size. */
export const CONTENT_TOP = 180
const TITLE_W = 1920 - 2 * Space.safeX
/** Room the clock takes at the right of the first line (its four digits, bold, in large text too). */
const CLOCK_ROOM = 170

export interface PageHeaderSpec extends Lightning.Component.TemplateSpec {
  Crumbs: object
  PageTitle: object
  Clock: object
  Household: object
}

export default class PageHeader
  extends Lightning.Component<PageHeaderSpec>
  implements Lightning.Component.ImplementTemplateSpec<PageHeaderSpec>
{
  private _title = ''
  private _titleColor: number | undefined
  private _crumbs: TKey[] = []
  private _timer: ReturnType<typeof setTimeout> | null = null
  private _unlisten: (() => void) | null = null

  static override _template(): Lightning.Component.Template<PageHeaderSpec> {
    return {
      w: 1920,
      h: CONTENT_TOP,
      Crumbs: {
        x: Space.safeX,
        y: Space.safeY,
        text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
      PageTitle: {
        x: Space.safeX,
        y: Space.safeY + 36,
        text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }),
      },
      Clock: {
        x: 1920 - Space.safeX,
        mountX: 1,
        y: Space.safeY,
        text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }),
      },
      // On the first line, left of the clock, so the title below has the whole width.
      Household: {
        x: 1920 - Space.safeX - CLOCK_ROOM,
        mountX: 1,
        y: Space.safeY + 6,
        text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
    }
  }

  set title(v: string) {
    this._title = v
    this.render()
  }

  get title(): string {
    return this._title
  }

  /** A title in another colour (e.g. an order that cannot go through); undefined: the normal text colour. */
  set titleColor(v: number | undefined) {
    this._titleColor = v
    this.render()
  }

  set crumbs(v: TKey[]) {
    this._crumbs = v
    this.render()
  }

  render(): void {
    const crumbs = this._crumbs.map((k) => t(k)).join('  ›  ')
    const h = household()
    this.patch({
      Crumbs: { text: textPatch(crumbs, { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      PageTitle: {
        text: textPatch(insertZeroWidthSpaces(this._title), {
          fontSize: FontSize.title,
          fontStyle: 'bold',
          wordWrapWidth: TITLE_W,
          textColor: this._titleColor === undefined ? Colors.text : this._titleColor,
        }),
      },
      Household: {
        text: textPatch(h ? h.name + '  ·  ' + t('status.card', { card: h.cardNoMasked }) : '', {
          fontSize: FontSize.small,
          textColor: Colors.textMuted,
        }),
      },
    })
    this._tick()
  }

  private _tick(): void {
    const now = Date.now()
    this.patch({ Clock: { text: textPatch(formatClock(now), { fontSize: FontSize.heading, fontStyle: 'bold' }) } })
    if (this._timer !== null) clearTimeout(this._timer)
    this._timer = setTimeout(() => this._tick(), msToNextMinute(now) + 50)
  }

  override _attach(): void {
    this._unlisten = onHousehold(() => this.render())
    this.render()
  }

  override _detach(): void {
    if (this._unlisten) this._unlisten()
    this._unlisten = null
    if (this._timer !== null) clearTimeout(this._timer)
    this._timer = null
  }
}
