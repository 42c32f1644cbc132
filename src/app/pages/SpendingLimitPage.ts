/**
 * 消费限额: the household's monthly cap on orders, so a child cannot run up the bill. Reading it needs
 * nothing; changing it needs the purchase PIN (the same lock as orders).
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { SpendingLimit } from '../../contract/index.ts'
import InfoRow, { ROW_H } from '../components/InfoRow.ts'
import PinPad from '../components/PinPad.ts'
import SpendingLimitPicker, { limitText } from '../components/SpendingLimitPicker.ts'
import { errorCode, isApiError } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { formatFen, formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { minutesFrom, orderFailure } from '../lib/orderFlow.ts'
import { showToast } from '../lib/overlays.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const VALUE_X = 1200

interface SpendingLimitSpec extends PageFrameSpec {
  Details: { LimitRow: typeof InfoRow; SpentRow: typeof InfoRow; Picker: typeof SpendingLimitPicker }
  Pin: typeof PinPad
  PinFor: object
}

type Step = 'Loading' | 'Ready' | 'Pin' | 'Failed'

const value = (text: string) => ({ text: textPatch(text, { fontSize: FontSize.heading, fontStyle: 'bold' }) })

export default class SpendingLimitPage extends HallPage<SpendingLimitSpec> {
  private _limit: SpendingLimit | null = null
  private _chosen: number | null = null

  static override _template(): PageTemplate<SpendingLimitSpec> {
    const valueAt = { x: VALUE_X, mountX: 1, y: 14, ...value('--') }
    return frame<SpendingLimitSpec>({
      Details: {
        x: 360,
        y: 180,
        alpha: 0,
        LimitRow: { type: InfoRow, LimitValue: valueAt },
        SpentRow: { type: InfoRow, y: ROW_H, SpentValue: valueAt },
        Picker: { type: SpendingLimitPicker, y: ROW_H * 2 + 40 },
      },
      Pin: { type: PinPad, x: 960, mountX: 0.5, y: 230, visible: false },
      PinFor: { x: 960, mountX: 0.5, y: 184, visible: false, text: textPatch('', { fontSize: FontSize.body }) },
    })
  }

  private get _pin(): PinPad {
    return this.tag('Pin')!
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
    this._pin.onComplete = (pin: string) => this._save(pin)
    this.tag('Details.Picker')!.onChoose = (fen) => this._choose(fen)
    this.render()
  }

  load(): void {
    const show = (limit: SpendingLimit) => {
      this._limit = limit
      this.render()
      this.tag('Details.Picker')!.current = limit.limitFen
      this._show('Ready')
    }
    this.loadData(() => api().getSpendingLimit(), show, { setState: (state) => this._show(state) })
  }

  private _show(step: Step): void {
    this.tag('Details')!.setSmooth('alpha', step === 'Ready' ? 1 : step === 'Loading' && this._limit ? 0.4 : 0)
    this._pin.visible = step === 'Pin'
    this.tag('PinFor')!.visible = step === 'Pin'
    this.errorState.visible = step === 'Failed'
    this._setState(step)
  }

  private _choose(fen: number | null): void {
    this._chosen = fen
    this._pin.reset()
    this.render()
    this._show('Pin')
  }

  private _save(pin: string): void {
    api()
      .setSpendingLimit(this._chosen, pin)
      .then((limit) => {
        this._limit = limit
        this.render()
        this.tag('Details.Picker')!.current = limit.limitFen
        this._show('Ready')
        showToast(t('limit.saved'))
      })
      .catch((e: unknown) => {
        const f = orderFailure(errorCode(e))
        const params = {
          attempts: isApiError(e) && e.attemptsLeft !== undefined ? e.attemptsLeft : 0,
          minutes: minutesFrom(isApiError(e) ? e.retryAfter : 0),
        }
        if (f.retryPin) return this._pin.reset(t(f.key, params))
        showToast(t(f.key, params))
        this._show('Ready')
      })
  }

  render(): void {
    const l = this._limit
    this.title = t('limit.title') + (l ? '  ·  ' + formatMonth(l.month, currentLanguage()) : '')
    this.tag('Details')!.patch({
      LimitRow: { label: t('limit.current'), LimitValue: value(l ? limitText(l.limitFen) : '--') },
      SpentRow: { label: t('limit.spent'), SpentValue: value(l ? formatFen(l.spentFen) : '--') },
    })
    this.tag('Details.Picker')!.render()
    this.tag('PinFor')!.text = textPatch(t('limit.pinFor', { limit: limitText(this._chosen) }), {
      fontSize: FontSize.body,
      textColor: Colors.accent,
    })
    this.hints = [
      ['arrows', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this._pin.render()
    this.errorState.render()
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override _getFocused() {
          return this.tag('Details.Picker')
        }
      },
      class Pin extends this {
        override _getFocused() {
          return this._pin
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
