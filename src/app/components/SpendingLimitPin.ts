/**
 * The purchase PIN asked before the household's spending limit changes: it says the new limit under
 * its title, sends the change with the sixth digit, and answers with the limit the BOSS now holds. A
 * wrong PIN is typed again on the spot (tries left said); any other refusal is a toast and ends the step.
 */
import type { SpendingLimit } from '../../contract/index.ts'
import PinPad from './PinPad.ts'
import { limitText } from './SpendingLimitPicker.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { orderFailure } from '../lib/orderFlow.ts'
import { refusalParams } from '../lib/orderOutcome.ts'
import { showToast } from '../lib/overlays.ts'

export default class SpendingLimitPin extends PinPad {
  private _limitFen: number | null = null
  /** The change was made: the limit as the BOSS holds it now. */
  onSaved: (limit: SpendingLimit) => void = () => {}
  /** The change was refused for good (not a wrong PIN): the step is over. */
  onRefused: () => void = () => {}

  override _init(): void {
    super._init()
    this.onComplete = (pin) => this._save(pin)
  }

  /** A new attempt to set `limitFen` (null: no limit). */
  ask(limitFen: number | null): void {
    this._limitFen = limitFen
    this.reset()
    this.rename()
  }

  /** Its words again, in the current language. */
  rename(): void {
    this.forText = t('limit.pinFor', { limit: limitText(this._limitFen) })
  }

  private _save(pin: string): void {
    api()
      .setSpendingLimit(this._limitFen, pin)
      .then((limit) => (this.onSaved(limit), showToast(t('limit.saved'))))
      .catch((e: unknown) => {
        const f = orderFailure(errorCode(e))
        if (f.retryPin) return this.reset(t(f.key, refusalParams(e)))
        showToast(t(f.key, refusalParams(e)))
        this.onRefused()
      })
  }
}
