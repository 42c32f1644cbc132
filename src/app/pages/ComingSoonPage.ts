/** Stands in for menu entries not built yet (and unknown routes): says so plainly; Back returns. */
import { Lightning, Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { Button } from '@lightningjs/ui-components'
import { t } from '../lib/i18n.ts'
import { menuEntry } from '../lib/menu.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export default class ComingSoonPage extends HallPage {
  private _route = ''

  static override _template(): PageTemplate {
    return frame({
      ComingSoonText: { x: 960, y: 420, mount: 0.5, text: textPatch('', { fontSize: FontSize.body }) },
      BackButton: { type: Button, x: 960, mountX: 0.5, y: 540, w: 320, h: 84, fixed: true, title: '' },
    })
  }

  override _init(): void {
    this.tag('BackButton').onEnter = () => {
      Router.back()
      return true
    }
  }

  /** The route this instance serves: one instance per placeholder route, so it is known once mounted. */
  private _routePath(): string {
    const key = Router.symbols.route as unknown as PropertyKey
    return ((this as unknown as Record<PropertyKey, unknown>)[key] as string) || ''
  }

  override _onMounted(): void {
    this._route = this._routePath()
    this.render()
  }

  override _onChanged(): void {
    this._onMounted()
  }

  render(): void {
    this.hints = [['ok', t('hint.back')]]
    const entry = menuEntry(this._route)
    this.title = entry ? t(entry.label) : t('app.title')
    this.patch({
      ComingSoonText: {
        text: textPatch(t('comingSoon.body'), { fontSize: FontSize.body, textColor: Colors.textMuted }),
      },
    })
    this.tag('BackButton').title = t('common.back')
  }

  override _getFocused(): Lightning.Component {
    return this.tag('BackButton')
  }
}
