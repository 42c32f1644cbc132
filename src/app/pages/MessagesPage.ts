/**
 * 消息中心: reminders, notices and offers, most important first, unread ones marked. OK opens one;
 * coming back lands on the same row with its mark gone. Rows are created as they scroll into view.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { MessageListResponse } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import MessageRow, { MESSAGE_ROW_H } from '../components/MessageRow.ts'
import { formatDate } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { getMessages } from '../lib/messages.ts'
import { messageText } from '../lib/messageText.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 120
const W = 1680
const LIST_Y = 236
const LIST_H = 720

const todayIso = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

export default class MessagesPage extends HallPage {
  private _list: MessageListResponse | null = null
  private _selected = 0

  static override _template(): PageTemplate {
    return frame({
      UnreadCount: { x: X + W, mountX: 1, y: 184, text: textPatch('', { fontSize: FontSize.body }) },
      MessageList: {
        type: HallColumn,
        x: X - 8,
        y: LIST_Y,
        w: W + 16,
        h: fitRows(LIST_H, MESSAGE_ROW_H, 16),
        clipping: true,
        itemPosX: 8,
        itemPosY: 8,
        lazyUpCount: 6,
        scrollIndex: 3,
        style: { itemSpacing: 16 },
        alpha: 0,
      },
      MessagesEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 360, visible: false },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.render()
  }

  override _onMounted(): void {
    this._selected = 0
    this.load()
  }

  /** Back from a message: same row, fresh read marks. */
  override _onChanged(): void {
    this.load()
  }

  load(): void {
    loadScreen(this, getMessages, (list) => {
      this._list = list
      this.render()
      this._setState(list.items.length ? 'Ready' : 'Empty')
    })
  }

  render(): void {
    const lang = currentLanguage()
    this.title = t('messages.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    ;(this.tag('MessagesEmpty') as EmptyState).message = t('messages.empty')
    this.errorState.render()
    const list = this._list
    if (!list) return
    const unread = list.unreadCount
    this.tag('UnreadCount').text = textPatch(
      unread ? t('messages.unreadCount', { count: unread }) : t('messages.allRead'),
      {
        fontSize: FontSize.body,
        textColor: unread ? Colors.accent : Colors.textMuted,
      },
    )
    const today = todayIso()
    const column = this.tag('MessageList')
    const selected = Math.min(this._selected, Math.max(0, list.items.length - 1))
    column.items = list.items.map((m) => {
      const text = messageText(m, lang, t, today)
      return {
        type: MessageRow,
        ref: 'Message-' + m.id,
        w: W,
        h: MESSAGE_ROW_H,
        content: {
          kind: text.kind,
          title: text.title,
          date: formatDate(m.createdAt.slice(0, 10), lang),
          unread: !m.read,
          unreadLabel: t('messages.unread'),
        },
        onSelect: () => {
          this._selected = column.selectedIndex
          Router.navigate('messages/' + m.id)
        },
      }
    })
    if (list.items.length) column.selectedIndex = selected
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('MessageList').setSmooth('alpha', this._list ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('MessagesEmpty').visible = false
          this.tag('MessageList').setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this.tag('MessageList')
        }
      },
      class Empty extends this {
        override $enter() {
          this.tag('MessageList').alpha = 0
          this.tag('MessagesEmpty').visible = true
        }
      },
      failedState(this, 'MessageList'),
    ]
  }
}
