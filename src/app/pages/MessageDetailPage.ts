/**
 * One message: what kind, when, the whole text, and a button to the screen that acts on it (top up,
 * renew, my tickets...). Opening it marks it read; Back returns to the list on the same row.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { Button } from '@lightningjs/ui-components'
import type { Message } from '../../contract/index.ts'
import { formatDateTime } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { cachedMessage, getMessages, markRead } from '../lib/messages.ts'
import { ACTION_ROUTE, messageText } from '../lib/messageText.ts'
import { failedState, loadScreen, newLoad } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 200
const W = 1520

const todayIso = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

export default class MessageDetailPage extends HallPage {
  private _id = ''
  private _message: Message | null = null

  static override _template(): PageTemplate {
    return frame({
      Content: {
        alpha: 0,
        MessageKind: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.body }) },
        MessageDate: { x: X + W, mountX: 1, y: 188, text: textPatch('', { fontSize: FontSize.small }) },
        MessageTitle: { x: X, y: 244, text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }) },
        MessageBody: { x: X, y: 344, text: textPatch('', { fontSize: FontSize.body }) },
        MessageAction: { type: Button, x: X, y: 820, w: 360, h: 88, fixed: true, title: '' },
      },
    })
  }

  /** Router: `messages/:messageId`. */
  override set params(p: Router.PageParams) {
    this._id = p && p.messageId ? String(p.messageId) : ''
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('Content.MessageAction').onEnter = () => {
      const action = this._message ? this._message.action : null
      if (action) Router.navigate(ACTION_ROUTE[action])
      return true
    }
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
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
    const text = messageText(m, lang, t, todayIso())
    this.patch({
      Content: {
        MessageKind: {
          text: textPatch(text.kind, { fontSize: FontSize.body, textColor: Colors.accent, fontStyle: 'bold' }),
        },
        MessageDate: {
          text: textPatch(formatDateTime(m.createdAt, lang), { fontSize: FontSize.small, textColor: Colors.textMuted }),
        },
        MessageTitle: {
          text: textPatch(insertZeroWidthSpaces(text.title), {
            fontSize: FontSize.title,
            fontStyle: 'bold',
            wordWrapWidth: W,
            maxLines: 2,
          }),
        },
        MessageBody: {
          text: textPatch(insertZeroWidthSpaces(text.body), {
            fontSize: FontSize.body,
            wordWrapWidth: W,
            maxLines: 9,
            lineHeight: 52,
          }),
        },
      },
    })
    const button = this.tag('Content.MessageAction')
    button.visible = !!m.action
    button.title = text.actionLabel
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Content').alpha = 0
        }
      },
      class Ready extends this {
        override $enter() {
          this.errorState.visible = false
          this.tag('Content').setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this._message && this._message.action ? this.tag('Content.MessageAction') : undefined
        }
      },
      failedState(this, 'Content'),
    ]
  }
}
