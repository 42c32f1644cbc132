/**
 * One line of a package's channel list: number, name, HD mark. Focusable so the list can scroll; focused it
 * grows a little (`ROW_FOCUS_SCALE`) as well as changing colour, so colour-blind viewers see it too; its
 * list leaves `rowOverhang` around it.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Channel } from '../../contract/index.ts'
import { channelName } from '../lib/catalogue.ts'
import { currentLanguage } from '../lib/i18n.ts'
import { rowInk, tintedText } from '../lib/rowLook.ts'
import { Colors, FontSize, ROW_FOCUS_SCALE, textPatch } from '../lib/theme.ts'

export const CHANNEL_H = 56

export interface ChannelItemSpec extends Lightning.Component.TemplateSpec {
  channel: Channel
  Body: object
  ChannelText: object
}

export default class ChannelItem
  extends Lightning.Component<ChannelItemSpec>
  implements Lightning.Component.ImplementTemplateSpec<ChannelItemSpec>
{
  private _channel: Channel | null = null

  static override _template(): Lightning.Component.Template<ChannelItemSpec> {
    return {
      h: CHANNEL_H,
      Body: { rect: true, h: CHANNEL_H, color: Colors.panelFocused, visible: false },
      ChannelText: { x: 20, y: CHANNEL_H / 2, mountY: 0.5, text: textPatch('', { fontSize: FontSize.small }) },
    }
  }

  set channel(v: Channel) {
    this._channel = v
    this.render()
  }

  render(): void {
    const c = this._channel
    const focused = this.hasFocus()
    // Hidden, not transparent, when unfocused: Lightning draws a transparent quad all the same, one per visible
    // row in every frame of a scroll (channel list profile, RESULTS.md issue 22).
    this.childList.getByRef('Body')?.patch({ w: this.w || 600, color: Colors.panelFocused, visible: focused })
    if (!c) return
    const name = channelName(c, currentLanguage())
    // The BOSS's names often say HD already (CCTV-1高清, CCTV-1 HD).
    const label = (c.number ? c.number + '  ' : '') + name + (c.hd && !/HD|高清|4K/.test(name) ? '  HD' : '')
    // Tinted, not redrawn, on focus (lib/rowLook.ts).
    this.childList.getByRef('ChannelText')?.patch(tintedText(label, rowInk(focused).fg, { fontSize: FontSize.small }))
  }

  override _focus(): void {
    this.setSmooth('scale', ROW_FOCUS_SCALE)
    this.render()
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1)
    this.render()
  }
}
