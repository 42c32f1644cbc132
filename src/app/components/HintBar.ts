/**
 * The bottom line of every screen: the keys that act here, each as its remote key's icon and a word
 * ("⊙ 确定   ↩ 返回"), so a viewer knows what the remote will do without trying it.
 */
import { Lightning } from '@lightningjs/sdk'
import { t } from '../lib/i18n.ts'
import { Colors, FontSize, Space, currentTextScale, textPatch } from '../lib/theme.ts'
import { iconPatch, type IconName } from './Icon.ts'
import type { ListPosition } from '../lib/listPosition.ts'

export type HintKey =
  'ok' | 'back' | 'updown' | 'leftright' | 'arrows' | 'digits' | 'home' | 'red' | 'green' | 'yellow' | 'blue'

/** One key and what it does on this screen. */
export type Hint = [HintKey, string]

const ICON: Record<HintKey, IconName> = {
  ok: 'ok',
  back: 'back',
  updown: 'updown',
  leftright: 'leftright',
  arrows: 'arrows',
  digits: 'digits',
  home: 'home',
  red: 'key-red',
  green: 'key-green',
  yellow: 'key-yellow',
  blue: 'key-blue',
}

export interface HintBarSpec extends Lightning.Component.TemplateSpec {
  Rule: object
  Keys: object
  ListPosition: object
}

export default class HintBar
  extends Lightning.Component<HintBarSpec>
  implements Lightning.Component.ImplementTemplateSpec<HintBarSpec>
{
  private _hints: Hint[] = []

  static override _template(): Lightning.Component.Template<HintBarSpec> {
    return {
      x: Space.safeX,
      y: Space.hintTop,
      w: 1920 - 2 * Space.safeX,
      h: 1080 - Space.safeY - Space.hintTop,
      Rule: { rect: true, w: 1920 - 2 * Space.safeX, h: 2, color: Colors.textMuted, alpha: 0.25 },
      Keys: { y: 10, flex: { direction: 'row', alignItems: 'center' } },
      // The focused list's place, at the right end: "▲ 3 / 12 ▼", an arrow only where rows are hidden.
      ListPosition: { x: 1920 - 2 * Space.safeX, mountX: 1, y: 10, flex: { direction: 'row', alignItems: 'center' } },
    }
  }

  /** Where the viewer is in the focused list (null: no list has the focus). */
  set position(p: ListPosition | null) {
    const size = Math.round(40 * currentTextScale())
    const arrow = (name: IconName, shown: boolean) => ({
      ...iconPatch(name, size, Colors.text),
      alpha: shown ? 1 : 0,
      flexItem: { marginLeft: 8, marginRight: 8 },
    })
    this.tag('ListPosition')!.patch({
      visible: !!p,
      children: p
        ? [
            { ref: 'MoreAbove', ...arrow('more-up', p.above) },
            {
              ref: 'PositionText',
              text: textPatch(p.index + ' / ' + p.total, { fontSize: FontSize.small, textColor: Colors.text }),
            },
            { ref: 'MoreBelow', ...arrow('more-down', p.below) },
          ]
        : [],
    })
  }

  /** The keys that act, in the order a viewer reads them; Back is added last by the page frame. */
  set hints(v: Hint[]) {
    this._hints = v
    this.render()
  }

  get hints(): Hint[] {
    return this._hints
  }

  render(): void {
    const size = Math.round(40 * currentTextScale())
    this.patch({
      Keys: {
        children: this._hints.map(([key, label]) => ({
          ref: 'Hint_' + key,
          flex: { direction: 'row', alignItems: 'center' },
          flexItem: { marginRight: 44 },
          Icon: {
            ...iconPatch(ICON[key], size, ICON[key].indexOf('key-') === 0 ? 0xffffffff : Colors.text),
            flexItem: { marginRight: 12 },
          },
          Label: { text: textPatch(label || t('hint.select'), { fontSize: FontSize.small, textColor: Colors.text }) },
        })),
      },
    })
  }
}
