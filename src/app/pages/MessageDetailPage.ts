/**
 * One message: what kind, when, the whole text, and a button to the screen that acts on it (top up,
 * renew, my tickets...). Opening it marks it read; Back returns to the list on the same row.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Message } from '../../contract/index.ts'
import MessageView from '../components/MessageView.ts'
import { t } from '../lib/i18n.ts'
import { cachedMessage, getMessages, markRead } from '../lib/messages.ts'
import { ACTION_ROUTE } from '../lib/messageText.ts'
import { newLoad } from '../lib/screenLoad.ts'

interface MessageDetailSpec extends PageFrameSpec {
  Content: typeof MessageView
}

export default class MessageDetailPage extends HallPage<MessageDetailSpec> {
  private _id = ''
  private _message: Message | null = null

  static override _template(): PageTemplate<MessageDetailSpec> {
    return frame<MessageDetailSpec>({ Content: { type: MessageView, x: 200, y: 184 } })
  }

  /** Router: `messages/:messageId`. */
  override set params(p: Router.PageParams) {
    this._id = p && p.messageId ? String(p.messageId) : ''
  }

  private get _view(): MessageView {
    return this.tag('Content')!
  }

  override _init(): void {
    this.showsData({ content: this._view, focus: () => this._view.action })
    this.loadOnVisit(() => this.load())
    this._view.tag('MessageAction')!.onEnter = () => {
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
      this._show(cached)
      return this._setState('Ready')
    }
    // Deep link or reload: the list first.
    this.loadData(getMessages, () => {
      const m = cachedMessage(this._id)
      if (m) return this._show(m)
      this.errorState.code = 'NOT_FOUND'
      this._setState('Failed')
    })
  }

  private _show(m: Message): true {
    this._message = m
    this.render()
    // Reading it is enough; a failed mark is retried next time it is opened.
    if (!m.read) markRead(m.id).catch(() => undefined)
    return true
  }

  render(): void {
    this.title = t('messages.title')
    this.hints = [['updown', t('hint.scroll')]]
    this.errorState.render()
    if (this._message) this._view.show(this._message)
  }
}
