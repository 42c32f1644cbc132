/**
 * The spending-limit presets in one row across the title-safe width (the focused one, grown ×1.08,
 * included), with the household's current limit marked under its button and the focus opening on it.
 * A limit no preset offers opens on the first and marks none.
 */
import { Lightning } from '@lightningjs/sdk'
import { Button, Row } from '@lightningjs/ui-components'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { LIMIT_PRESETS } from '../lib/spendingLimitPresets.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const PRESETS_X = -250
const PRESET_W = 230
const PRESET_GAP = 12

export function limitText(limitFen: number | null): string {
  return limitFen === null ? t('limit.none') : limitFen === 0 ? t('limit.zero') : formatFen(limitFen)
}

export interface SpendingLimitPickerSpec extends Lightning.Component.TemplateSpec {
  Choose: object
  Presets: typeof Row
  CurrentMark: object
}

export default class SpendingLimitPicker
  extends Lightning.Component<SpendingLimitPickerSpec>
  implements Lightning.Component.ImplementTemplateSpec<SpendingLimitPickerSpec>
{
  private _current: number | null | undefined = undefined
  /** OK on a preset: the limit it stands for (fen, null: none). */
  onChoose: (fen: number | null) => void = () => {}

  static override _template(): Lightning.Component.Template<SpendingLimitPickerSpec> {
    return {
      Choose: { text: textPatch('', { fontSize: FontSize.body }) },
      Presets: { type: Row, x: PRESETS_X, y: 70, w: 1720, h: 90, neverScroll: true },
      CurrentMark: { y: 170, mountX: 0.5, text: textPatch('', { fontSize: FontSize.small }) },
    }
  }

  private get _presets(): Row {
    return this.tag('Presets')!
  }

  override _init(): void {
    this._presets.style = { itemSpacing: PRESET_GAP }
    this._presets.items = LIMIT_PRESETS.map((fen) => ({
      type: Button,
      ref: 'Limit_' + (fen === null ? 'none' : fen),
      w: PRESET_W,
      h: 84,
      fixed: true,
      title: '',
      onEnter: () => (this.onChoose(fen), true),
    }))
    this.render()
  }

  /** The household's limit now: marked, and the focus on it. */
  set current(limitFen: number | null) {
    this._current = limitFen
    this._presets.selectedIndex = Math.max(0, LIMIT_PRESETS.indexOf(limitFen))
    this.render()
  }

  render(): void {
    this.tag('Choose')!.text = textPatch(insertZeroWidthSpaces(t('limit.choose')), {
      fontSize: FontSize.body,
      textColor: Colors.textMuted,
      wordWrapWidth: 1200,
      maxLines: 1,
    })
    this._presets.items.forEach((button, i) => {
      if (button instanceof Button) button.title = limitText(LIMIT_PRESETS[i])
    })
    const current = this._current === undefined ? -1 : LIMIT_PRESETS.indexOf(this._current)
    this.tag('CurrentMark')!.patch({
      x: PRESETS_X + Math.max(0, current) * (PRESET_W + PRESET_GAP) + PRESET_W / 2,
      text: textPatch(current >= 0 ? t('limit.currentMark') : '', {
        fontSize: FontSize.small,
        textColor: Colors.accent,
      }),
    })
  }

  override _getFocused(): Row {
    return this._presets
  }
}
