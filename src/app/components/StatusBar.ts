/** Top line of the hall: operator, who is watching (name and masked smart card) and a clock that ticks each minute. */
import { Lightning, Settings } from '@lightningjs/sdk'
import type { Account } from '../../contract/index.ts'
import { formatClock, msToNextMinute } from '../lib/format.ts'
import { localized, t } from '../lib/i18n.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export default class StatusBar extends Lightning.Component {
  private _account: Account | null = null
  private _timer: ReturnType<typeof setTimeout> | null = null

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: 1920,
      h: 120,
      // Inside the title-safe area (5% = 96/54 px), which TVs may crop.
      Operator: { x: 110, y: 60, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      Customer: { x: 1500, mountX: 1, y: 56, text: textPatch('', { fontSize: FontSize.body, textAlign: 'right' }) },
      Card: { x: 1500, mountX: 1, y: 100, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      Clock: { x: 1810, mountX: 1, y: 56, text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }) },
    }
  }

  set account(v: Account | null) {
    this._account = v
    this.render()
  }

  render(): void {
    const operator = localized(Settings.get('app', 'operatorName', '')) || t('app.title')
    const a = this._account
    this.patch({
      Operator: { text: textPatch(operator + ' · ' + t('app.title'), { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      Customer: { text: textPatch(a ? t('home.greeting', { name: a.customerName }) : '', { fontSize: FontSize.body }) },
      Card: {
        text: textPatch(a ? t('status.card', { card: a.cardNoMasked }) : '', { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
    })
    this._tick()
  }

  private _tick(): void {
    const now = Date.now()
    this.tag('Clock').text = textPatch(formatClock(now), { fontSize: FontSize.title, fontStyle: 'bold' })
    if (this._timer !== null) clearTimeout(this._timer)
    this._timer = setTimeout(() => this._tick(), msToNextMinute(now) + 50)
  }

  override _attach(): void {
    this._tick()
  }

  override _detach(): void {
    if (this._timer !== null) clearTimeout(this._timer)
    this._timer = null
  }
}
