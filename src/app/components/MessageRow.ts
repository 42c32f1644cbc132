/**
 * One message in the message centre: an unread mark (amber dot and the word "New", so it does not rest
 * on colour alone), what kind of message, its title, and when. Focus: amber fill, dark text, white frame.
 */
import { Lightning } from '@lightningjs/sdk'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const MESSAGE_ROW_H = 100

export interface MessageRowContent {
  kind: string
  title: string
  date: string
  unread: boolean
  unreadLabel: string
}

export default class MessageRow extends Lightning.Component {
  private _content: MessageRowContent | null = null
  /** Called on OK; set by the list. */
  onSelect: (() => void) | null = null

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      h: MESSAGE_ROW_H,
      Frame: { x: -4, y: -4, alpha: 0 },
      Body: { rect: true, h: MESSAGE_ROW_H, color: Colors.panel },
      UnreadDot: { x: 24, y: MESSAGE_ROW_H / 2 - 10, w: 20, h: 20, texture: Lightning.Tools.getRoundRect(20, 20, 10, 0, 0, true, Colors.accent) },
      UnreadLabel: { x: 56, y: MESSAGE_ROW_H / 2, mountY: 0.5, text: textPatch('') },
      MessageKind: { x: 150, y: MESSAGE_ROW_H / 2, mountY: 0.5, text: textPatch('') },
      MessageTitle: { x: 400, y: MESSAGE_ROW_H / 2, mountY: 0.5, text: textPatch('') },
      MessageDate: { y: MESSAGE_ROW_H / 2, mountY: 0.5, mountX: 1, text: textPatch('') },
    }
  }

  set content(v: MessageRowContent) {
    this._content = v
    this.render()
  }

  override _init(): void {
    this.render()
  }

  render(): void {
    const c = this._content
    const w = this.w || 1600
    const focused = this.hasFocus()
    const fg = focused ? Colors.textOnFocus : Colors.text
    const muted = focused ? 0xff333333 : Colors.textMuted
    this.tag('Body').patch({ w, color: focused ? Colors.panelFocused : Colors.panel })
    this.tag('Frame').patch({ alpha: focused ? 1 : 0, texture: Lightning.Tools.getRoundRect(w + 8, MESSAGE_ROW_H + 8, 4, 4, Colors.text, false, 0) })
    if (!c) return
    this.tag('UnreadDot').visible = c.unread
    this.patch({
      UnreadLabel: { text: textPatch(c.unread ? c.unreadLabel : '', { fontSize: FontSize.small, textColor: focused ? Colors.textOnFocus : Colors.accent, fontStyle: 'bold' }) },
      MessageKind: { text: textPatch(insertZeroWidthSpaces(c.kind), { fontSize: FontSize.small, textColor: muted, wordWrapWidth: 240, maxLines: 1 }) },
      MessageTitle: {
        text: textPatch(insertZeroWidthSpaces(c.title), { fontSize: FontSize.body, textColor: c.unread || focused ? fg : Colors.textMuted, fontStyle: c.unread ? 'bold' : 'normal', wordWrapWidth: w - 400 - 300, maxLines: 1 }),
      },
      MessageDate: { x: w - 28, text: textPatch(c.date, { fontSize: FontSize.small, textColor: muted }) },
    })
  }

  override _focus(): void {
    this.render()
  }

  override _unfocus(): void {
    this.render()
  }

  override _handleEnter(): boolean {
    if (this.onSelect) this.onSelect()
    return true
  }
}
