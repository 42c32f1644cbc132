/**
 * One message in the message centre: an unread mark (amber dot and the word "New", so it does not rest
 * on colour alone), what kind of message, its title, and when. Focus: amber fill, dark text, white frame.
 */
import { Lightning } from '@lightningjs/sdk'
import { FOCUS_FRAME, focusFrame, rowInk, tintedText } from '../lib/rowLook.ts'
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

export interface MessageRowSpec extends Lightning.Component.TemplateSpec {
  Frame: object
  Body: object
  UnreadDot: object
  UnreadLabel: object
  MessageKind: object
  MessageTitle: object
  MessageDate: object
}

export default class MessageRow
  extends Lightning.Component<MessageRowSpec>
  implements Lightning.Component.ImplementTemplateSpec<MessageRowSpec>
{
  private _content: MessageRowContent | null = null
  /** Called on OK; set by the list. */
  onSelect: (() => void) | null = null

  static override _template(): Lightning.Component.Template<MessageRowSpec> {
    return {
      h: MESSAGE_ROW_H,
      Frame: { x: -FOCUS_FRAME, y: -FOCUS_FRAME, alpha: 0 },
      Body: { rect: true, h: MESSAGE_ROW_H, color: Colors.panel },
      UnreadDot: {
        x: 24,
        y: MESSAGE_ROW_H / 2 - 10,
        w: 20,
        h: 20,
        texture: Lightning.Tools.getRoundRect(20, 20, 10, 0, 0, true, Colors.accent),
      },
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
    const { fg, muted } = rowInk(focused)
    this.tag('Body')!.patch({ w, color: focused ? Colors.panelFocused : Colors.panel })
    this.tag('Frame')!.alpha = focused ? 1 : 0
    focusFrame(this.tag('Frame')!, w, MESSAGE_ROW_H)
    if (!c) return
    this.tag('UnreadDot')!.visible = c.unread
    // Texts tinted, not redrawn, on focus (lib/rowLook.ts).
    this.patch({
      UnreadLabel: tintedText(c.unread ? c.unreadLabel : '', focused ? Colors.textOnFocus : Colors.accent, {
        fontSize: FontSize.small,
        fontStyle: 'bold',
      }),
      MessageKind: tintedText(insertZeroWidthSpaces(c.kind), muted, {
        fontSize: FontSize.small,
        wordWrapWidth: 240,
        maxLines: 1,
      }),
      MessageTitle: tintedText(insertZeroWidthSpaces(c.title), c.unread || focused ? fg : Colors.textMuted, {
        fontSize: FontSize.body,
        fontStyle: c.unread ? 'bold' : 'normal',
        wordWrapWidth: w - 400 - 300,
        maxLines: 1,
      }),
      MessageDate: { x: w - 28, ...tintedText(c.date, muted, { fontSize: FontSize.small }) },
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
