/**
 * ui-components' Column with its style props that pages set in templates typed (ui-components reads
 * a style prop set on the component, e.g. `itemSpacing`, over the theme's).
 */
import { Column } from '@lightningjs/ui-components'

export interface HallColumnSpec extends Column.TemplateSpec {
  itemSpacing: number
}

export default class HallColumn extends Column<HallColumnSpec> {}
