/** The household's spending limit this month and what orders have spent of it, as two labelled rows. */
import { Lightning } from '@lightningjs/sdk'
import type { SpendingLimit } from '../../contract/index.ts'
import InfoRow, { ROW_H } from './InfoRow.ts'
import { limitText } from './SpendingLimitPicker.ts'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { FontSize, textPatch } from '../lib/theme.ts'

export const SPENDING_LIMIT_FACTS_H = ROW_H * 2

const VALUE_X = 1200
const value = (text: string) => ({ text: textPatch(text, { fontSize: FontSize.heading, fontStyle: 'bold' }) })

export interface SpendingLimitFactsSpec extends Lightning.Component.TemplateSpec {
  LimitRow: typeof InfoRow
  SpentRow: typeof InfoRow
}

export default class SpendingLimitFacts
  extends Lightning.Component<SpendingLimitFactsSpec>
  implements Lightning.Component.ImplementTemplateSpec<SpendingLimitFactsSpec>
{
  static override _template(): Lightning.Component.Template<SpendingLimitFactsSpec> {
    const valueAt = { x: VALUE_X, mountX: 1, y: 14, ...value('--') }
    return {
      LimitRow: { type: InfoRow, LimitValue: valueAt },
      SpentRow: { type: InfoRow, y: ROW_H, SpentValue: valueAt },
    }
  }

  /** The limit and what was spent (null: not known yet, shown as --). */
  show(l: SpendingLimit | null): void {
    this.patch({
      LimitRow: { label: t('limit.current'), LimitValue: value(l ? limitText(l.limitFen) : '--') },
      SpentRow: { label: t('limit.spent'), SpentValue: value(l ? formatFen(l.spentFen) : '--') },
    })
  }
}
