/** The operator's hotline on the help page: the number large enough to dial from the sofa, and its hours. */
import { Lightning } from '@lightningjs/sdk'
import type { ServiceInfo } from '../../contract/index.ts'
import { localized, t } from '../lib/i18n.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export interface HotlineCardSpec extends Lightning.Component.TemplateSpec {
  HotlineNumber: object
  HotlineCall: object
  HotlineHours: object
}

export default class HotlineCard
  extends Lightning.Component<HotlineCardSpec>
  implements Lightning.Component.ImplementTemplateSpec<HotlineCardSpec>
{
  static override _template(): Lightning.Component.Template<HotlineCardSpec> {
    return {
      HotlineNumber: { text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold' }) },
      HotlineCall: { y: 120, text: textPatch('') },
      HotlineHours: { y: 180, text: textPatch('') },
    }
  }

  set hotline(h: ServiceInfo['hotline']) {
    this.tag('HotlineNumber')!.text = textPatch(h.number, {
      fontSize: FontSize.display,
      fontStyle: 'bold',
      textColor: Colors.accent,
    })
    this.tag('HotlineCall')!.text = textPatch(t('help.hotlineCall', { number: h.number }), {
      fontSize: FontSize.heading,
    })
    this.tag('HotlineHours')!.text = textPatch(t('help.hotlineHours', { hours: localized(h.hours) }), {
      fontSize: FontSize.body,
      textColor: Colors.textMuted,
    })
  }
}
