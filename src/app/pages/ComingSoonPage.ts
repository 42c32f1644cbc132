/** Stands in for menu entries not built yet (and unknown routes): says so plainly; Back returns. */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import HallButton from '../components/HallButton.ts'
import { t } from '../lib/i18n.ts'
import { menuEntry } from '../lib/menu.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

interface ComingSoonSpec extends PageFrameSpec {
  ComingSoonText: object
  BackButton: typeof HallButton
}

export default class ComingSoonPage extends HallPage<ComingSoonSpec> {
  static override _template(): PageTemplate<ComingSoonSpec> {
    return frame<ComingSoonSpec>({
      ComingSoonText: { x: 960, y: 420, mount: 0.5, text: textPatch('', { fontSize: FontSize.body }) },
      BackButton: { type: HallButton, x: 960, mountX: 0.5, y: 540, w: 320, h: 84, fixed: true },
    })
  }

  override _init(): void {
    this.tag('BackButton')!.onEnter = () => (Router.back(), true)
  }

  /** One instance per placeholder route, so the route (and the entry it stands for) is known once mounted. */
  protected override visit(): void {
    this.render()
  }

  render(): void {
    this.hints = [['ok', t('hint.back')]]
    const entry = menuEntry(this.routePath)
    this.title = entry ? t(entry.label) : t('app.title')
    this.tag('ComingSoonText')!.text = textPatch(t('comingSoon.body'), {
      fontSize: FontSize.body,
      textColor: Colors.textMuted,
    })
    this.tag('BackButton')!.title = t('common.back')
  }

  override _getFocused() {
    return this.tag('BackButton')
  }
}
