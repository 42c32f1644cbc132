/**
 * One message read in full: its kind and date on the first line, its title, its whole text, and the
 * button to the screen that acts on it (top up, renew, my tickets...) when it has one.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Message } from '../../contract/index.ts'
import HallButton from './HallButton.ts'
import { formatDateTime } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { hallToday, messageText } from '../lib/messageText.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch, type TextStyle } from '../lib/theme.ts'

export const MESSAGE_W = 1520

export interface MessageViewSpec extends Lightning.Component.TemplateSpec {
  MessageKind: object
  MessageDate: object
  MessageTitle: object
  MessageBody: object
  MessageAction: typeof HallButton
}

const wrapped = (text: string, style: TextStyle) =>
  textPatch(insertZeroWidthSpaces(text), { wordWrapWidth: MESSAGE_W, ...style })

export default class MessageView
  extends Lightning.Component<MessageViewSpec>
  implements Lightning.Component.ImplementTemplateSpec<MessageViewSpec>
{
  static override _template(): Lightning.Component.Template<MessageViewSpec> {
    return {
      MessageKind: { text: textPatch('', { fontSize: FontSize.body }) },
      MessageDate: { x: MESSAGE_W, mountX: 1, y: 4, text: textPatch('', { fontSize: FontSize.small }) },
      MessageTitle: { y: 60, text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }) },
      MessageBody: { y: 160, text: textPatch('', { fontSize: FontSize.body }) },
      MessageAction: { type: HallButton, y: 636, w: 360, h: 88, fixed: true },
    }
  }

  /** The button to the screen that acts on the message, when it has one (for the page's focus). */
  get action(): HallButton | undefined {
    const button = this.tag('MessageAction')!
    return button.visible ? button : undefined
  }

  show(m: Message): void {
    const lang = currentLanguage()
    const text = messageText(m, lang, t, hallToday())
    const kindStyle = { fontSize: FontSize.body, textColor: Colors.accent, fontStyle: 'bold' }
    this.tag('MessageKind')!.text = textPatch(text.kind, kindStyle)
    const dateStyle = { fontSize: FontSize.small, textColor: Colors.textMuted }
    this.tag('MessageDate')!.text = textPatch(formatDateTime(m.createdAt, lang), dateStyle)
    this.tag('MessageTitle')!.text = wrapped(text.title, { fontSize: FontSize.title, fontStyle: 'bold', maxLines: 2 })
    this.tag('MessageBody')!.text = wrapped(text.body, { fontSize: FontSize.body, maxLines: 9, lineHeight: 52 })
    const button = this.tag('MessageAction')!
    button.visible = !!m.action
    button.title = text.actionLabel
  }
}
