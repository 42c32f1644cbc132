/**
 * 消费限额: the household's monthly cap on orders, so a child cannot run up the bill. Reading it needs
 * nothing; changing it needs the purchase PIN (the same lock as orders).
 */
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { Button, Row } from '@lightningjs/ui-components'
import type { SpendingLimit } from '../../contract/index.ts'
import InfoRow, { ROW_H } from '../components/InfoRow.ts'
import PinPad from '../components/PinPad.ts'
import { errorCode, isApiError } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { formatFen, formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { minutesFrom, orderFailure } from '../lib/orderFlow.ts'
import { showToast } from '../lib/overlays.ts'
import { loadScreen } from '../lib/screenLoad.ts'
import { LIMIT_PRESETS } from '../lib/spendingLimitPresets.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 360
const VALUE_X = 1200
const PRESETS_X = -250
const PRESET_W = 230
const PRESET_GAP = 12

export function limitText(limitFen: number | null): string {
  return limitFen === null ? t('limit.none') : limitFen === 0 ? t('limit.zero') : formatFen(limitFen)
}

/** The preset that is the household's limit now; a limit no preset offers opens on the first (no mark). */
function currentPreset(limitFen: number | null): number {
  return Math.max(0, LIMIT_PRESETS.indexOf(limitFen))
}

export default class SpendingLimitPage extends HallPage {
  private _limit: SpendingLimit | null = null
  private _chosen: number | null = null

  static override _template(): PageTemplate {
    const value = (ref: string) => ({
      [ref]: { x: VALUE_X, mountX: 1, y: 14, text: textPatch('--', { fontSize: FontSize.heading }) },
    })
    return frame({
      Details: {
        x: X,
        y: 180,
        alpha: 0,
        LimitRow: { type: InfoRow, ...value('LimitValue') },
        SpentRow: { type: InfoRow, y: ROW_H, ...value('SpentValue') },
        Choose: { y: ROW_H * 2 + 40, text: textPatch('', { fontSize: FontSize.body }) },
        // Seven presets across the title-safe width, the focused one (grown ×1.08) included.
        Presets: {
          type: Row,
          x: PRESETS_X,
          y: ROW_H * 2 + 110,
          w: 1720,
          h: 90,
          neverScroll: true,
          style: { itemSpacing: PRESET_GAP },
        },
        // The current value is marked under its button, and the focus opens on it (not on "no limit").
        CurrentMark: { y: ROW_H * 2 + 210, mountX: 0.5, text: textPatch('', { fontSize: FontSize.small }) },
      },
      Pin: { type: PinPad, x: 960, mountX: 0.5, y: 230, visible: false },
      PinFor: { x: 960, mountX: 0.5, y: 184, visible: false, text: textPatch('', { fontSize: FontSize.body }) },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('Pin').onComplete = (pin: string) => this._save(pin)
    this.tag('Details.Presets').items = LIMIT_PRESETS.map((fen) => ({
      type: Button,
      ref: 'Limit_' + (fen === null ? 'none' : fen),
      w: PRESET_W,
      h: 84,
      fixed: true,
      title: '',
      onEnter: () => (this._choose(fen), true),
    }))
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  load(): void {
    const setState = (state: string) => this._show(state)
    loadScreen(
      this,
      () => api().getSpendingLimit(),
      (limit) => {
        this._limit = limit
        this.render()
        this.tag('Details.Presets').selectedIndex = currentPreset(limit.limitFen)
        this._show('Ready')
      },
      { setState },
    )
  }

  private _show(state: string): void {
    this.tag('Details').setSmooth('alpha', state === 'Ready' ? 1 : state === 'Loading' && this._limit ? 0.4 : 0)
    this.tag('Pin').visible = state === 'Pin'
    this.tag('PinFor').visible = state === 'Pin'
    this.errorState.visible = state === 'Failed'
    this._setState(state)
  }

  private _choose(fen: number | null): void {
    this._chosen = fen
    ;(this.tag('Pin') as PinPad).reset()
    this.render()
    this._show('Pin')
  }

  private _save(pin: string): void {
    const pad = this.tag('Pin') as PinPad
    api()
      .setSpendingLimit(this._chosen, pin)
      .then((limit) => {
        this._limit = limit
        this.render()
        this._show('Ready')
        showToast(t('limit.saved'))
      })
      .catch((e: unknown) => {
        const f = orderFailure(errorCode(e))
        const params = {
          attempts: isApiError(e) && e.attemptsLeft !== undefined ? e.attemptsLeft : 0,
          minutes: minutesFrom(isApiError(e) ? e.retryAfter : 0),
        }
        if (f.retryPin) return pad.reset(t(f.key, params))
        showToast(t(f.key, params))
        this._show('Ready')
      })
  }

  render(): void {
    const lang = currentLanguage()
    const l = this._limit
    this.title = t('limit.title') + (l ? '  ·  ' + formatMonth(l.month, lang) : '')
    ;(this.tag('Details.LimitRow') as InfoRow).label = t('limit.current')
    ;(this.tag('Details.SpentRow') as InfoRow).label = t('limit.spent')
    this.tag('Details.LimitRow.LimitValue').text = textPatch(l ? limitText(l.limitFen) : '--', {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
    })
    this.tag('Details.SpentRow.SpentValue').text = textPatch(l ? formatFen(l.spentFen) : '--', {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
    })
    this.tag('Details.Choose').text = textPatch(insertZeroWidthSpaces(t('limit.choose')), {
      fontSize: FontSize.body,
      textColor: Colors.textMuted,
      wordWrapWidth: 1200,
      maxLines: 1,
    })
    const buttons = this.tag('Details.Presets').items as unknown as { title: string }[]
    LIMIT_PRESETS.forEach((fen, i) => {
      if (buttons[i]) buttons[i].title = limitText(fen)
    })
    const current = l ? currentPreset(l.limitFen) : -1
    this.tag('Details.CurrentMark').patch({
      x: PRESETS_X + current * (PRESET_W + PRESET_GAP) + PRESET_W / 2,
      text: textPatch(current >= 0 && l && LIMIT_PRESETS[current] === l.limitFen ? t('limit.currentMark') : '', {
        fontSize: FontSize.small,
        textColor: Colors.accent,
      }),
    })
    this.tag('PinFor').text = textPatch(t('limit.pinFor', { limit: limitText(this._chosen) }), {
      fontSize: FontSize.body,
      textColor: Colors.accent,
    })
    this.hints = [
      ['arrows', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    ;(this.tag('Pin') as PinPad).render()
    this.errorState.render()
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override _getFocused() {
          return this.tag('Details.Presets')
        }
      },
      class Pin extends this {
        override _getFocused() {
          return this.tag('Pin')
        }
        override _handleBack(): boolean {
          this._show('Ready')
          return true
        }
      },
      class Failed extends this {
        override _getFocused() {
          return this.errorState
        }
      },
    ]
  }
}
