/**
 * 消费限额: the household's monthly cap on orders, so a child cannot run up the bill. Reading it needs
 * nothing; changing it needs the purchase PIN (the same lock as orders).
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { SpendingLimit } from '../../contract/index.ts'
import SpendingLimitFacts, { SPENDING_LIMIT_FACTS_H } from '../components/SpendingLimitFacts.ts'
import SpendingLimitPicker from '../components/SpendingLimitPicker.ts'
import SpendingLimitPin from '../components/SpendingLimitPin.ts'
import { api } from '../lib/backend.ts'
import { formatMonth } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'

interface SpendingLimitSpec extends PageFrameSpec {
  Details: { Facts: typeof SpendingLimitFacts; Picker: typeof SpendingLimitPicker }
  Pin: typeof SpendingLimitPin
}

export default class SpendingLimitPage extends HallPage<SpendingLimitSpec> {
  private _limit: SpendingLimit | null = null

  static override _template(): PageTemplate<SpendingLimitSpec> {
    return frame<SpendingLimitSpec>({
      Details: {
        x: 360,
        y: 180,
        Facts: { type: SpendingLimitFacts },
        Picker: { type: SpendingLimitPicker, y: SPENDING_LIMIT_FACTS_H + 40 },
      },
      Pin: { type: SpendingLimitPin, x: 960, mountX: 0.5, y: 184, visible: false },
    })
  }

  private get _pin(): SpendingLimitPin {
    return this.tag('Pin')!
  }

  override _init(): void {
    const picker = this.tag('Details.Picker')!
    this.showsData({ content: this.tag('Details')!, focus: () => picker })
    this.loadOnVisit(() => this.load())
    this._pin.onSaved = (limit) => (this._limitIs(limit), this._setState('Ready'))
    this._pin.onRefused = () => this._setState('Ready')
    picker.onChoose = (fen) => (this._pin.ask(fen), this._setState('Pin'))
    this.render()
  }

  load(): void {
    this.loadData(
      () => api().getSpendingLimit(),
      (limit) => (this._limitIs(limit), true),
    )
  }

  private _limitIs(limit: SpendingLimit): void {
    this._limit = limit
    this.render()
    this.tag('Details.Picker')!.current = limit.limitFen
  }

  render(): void {
    const l = this._limit
    this.title = t('limit.title') + (l ? '  ·  ' + formatMonth(l.month, currentLanguage()) : '')
    this.hints = [
      ['arrows', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('Details.Facts')!.show(l)
    this.tag('Details.Picker')!.render()
    this._pin.rename()
    this.errorState.render()
  }

  static override _states() {
    return [
      ...super._states(),
      class Pin extends this {
        override $enter() {
          this.tag('Details')!.setSmooth('alpha', 0)
          this._pin.visible = true
        }
        override $exit() {
          this._pin.visible = false
        }
        override _getFocused() {
          return this._pin
        }
        override _handleBack(): boolean {
          this._setState('Ready')
          return true
        }
      },
    ]
  }
}
