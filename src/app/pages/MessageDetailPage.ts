/**
 * One message: what kind, when, the whole text, and a button to the screen that acts on it (top up,
 * renew, my tickets...). Opening it marks it read; Back returns to the list on the same row.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Message } from '../../contract/index.ts'
import HallButton from '../components/HallButton.ts'
import { formatDateTime } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { cachedMessage, getMessages, markRead } from '../lib/messages.ts'
import { ACTION_ROUTE, hallToday, messageText } from '../lib/messageText.ts'
import { failedState, loadScreen, newLoad } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch, type TextStyle } from '../lib/theme.ts'

const X = 200
const W = 1520

interface MessageDetailSpec extends PageFrameSpec {
  Content: {
    MessageKind: object
    MessageDate: object
    MessageTitle: object
    MessageBody: object
    MessageAction: typeof HallButton
  }
}

const wrapped = (text: string, style: TextStyle) =>
  textPatch(insertZeroWidthSpaces(text), { wordWrapWidth: W, ...style })

export default class MessageDetailPage extends HallPage<MessageDetailSpec> {
  private _id = ''
  private _message: Message | null = null

  static override _template(): PageTemplate<MessageDetailSpec> {
    return frame<MessageDetailSpec>({
      Content: {
        alpha: 0,
        MessageKind: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.body }) },
        MessageDate: { x: X + W, mountX: 1, y: 188, text: textPatch('', { fontSize: FontSize.small }) },
        MessageTitle: { x: X, y: 244, text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }) },
        MessageBody: { x: X, y: 344, text: textPatch('', { fontSize: FontSize.body }) },
        MessageAction: { type: HallButton, x: X, y: 820, w: 360, h: 88, fixed: true },
      },
    })
  }

  /** Router: `messages/:messageId`. */
  override set params(p: Router.PageParams) {
    this._id = p && p.messageId ? String(p.messageId) : ''
  }

  override _init(): void {
    this.loadOnVisit(() => this.load())
    this.tag('Content.MessageAction')!.onEnter = () => {
      const action = this._message ? this._message.action : null
      if (action) Router.navigate(ACTION_ROUTE[action])
      return true
    }
    this.render()
  }

  load(): void {
    const cached = cachedMessage(this._id)
    if (cached) {
      newLoad(this) // an earlier load still on its way must not replace this message
      return this._show(cached)
    }
    // Deep link or reload: the list first.
    loadScreen(this, getMessages, () => {
      const m = cachedMessage(this._id)
      if (m) this._show(m)
      else {
        this.errorState.code = 'NOT_FOUND'
        this._setState('Failed')
      }
    })
  }

  private _show(m: Message): void {
    this._message = m
    this.render()
    this._setState('Ready')
    // Reading it is enough; a failed mark is retried next time it is opened.
    if (!m.read) markRead(m.id).catch(() => undefined)
  }

  render(): void {
    this.title = t('messages.title')
    const lang = currentLanguage()
    this.hints = [['updown', t('hint.scroll')]]
    this.errorState.render()
    const m = this._message
    if (!m) return
    const text = messageText(m, lang, t, hallToday())
    const kindStyle = { fontSize: FontSize.body, textColor: Colors.accent, fontStyle: 'bold' }
    this.tag('Content.MessageKind')!.text = textPatch(text.kind, kindStyle)
    const dateStyle = { fontSize: FontSize.small, textColor: Colors.textMuted }
    this.tag('Content.MessageDate')!.text = textPatch(formatDateTime(m.createdAt, lang), dateStyle)
    const titleStyle = { fontSize: FontSize.title, fontStyle: 'bold', maxLines: 2 }
    this.tag('Content.MessageTitle')!.text = wrapped(text.title, titleStyle)
    const bodyStyle = { fontSize: FontSize.body, maxLines: 9, lineHeight: 52 }
    this.tag('Content.MessageBody')!.text = wrapped(text.body, bodyStyle)
    const button = this.tag('Content.MessageAction')!
    button.visible = !!m.action
    button.title = text.actionLabel
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content')!.alpha = 0
        }
      },
      class Ready extends this {
        override $enter() {
          this.errorState.visible = false
          this.tag('Content')!.setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this._message && this._message.action ? this.tag('Content.MessageAction') : undefined
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
