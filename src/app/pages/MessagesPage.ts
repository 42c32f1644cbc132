/**
 * 消息中心: reminders, notices and offers, most important first, unread ones marked. OK opens one;
 * coming back lands on the same row with its mark gone. Rows are created as they scroll into view.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { MessageListResponse } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import MessageList from '../components/MessageList.ts'
import { t } from '../lib/i18n.ts'
import { getMessages } from '../lib/messages.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 120
const W = 1680

interface MessagesSpec extends PageFrameSpec {
  UnreadCount: object
  MessageList: typeof MessageList
  MessagesEmpty: typeof EmptyState
}

export default class MessagesPage extends HallPage<MessagesSpec> {
  private _list: MessageListResponse | null = null
  private _selected = 0

  static override _template(): PageTemplate<MessagesSpec> {
    return frame<MessagesSpec>({
      UnreadCount: { x: X + W, mountX: 1, y: 184, text: textPatch('', { fontSize: FontSize.body }) },
      MessageList: { ...MessageList.place(X, 236, W, 720), alpha: 0 },
      MessagesEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 360, visible: false },
    })
  }

  private get _rows(): MessageList {
    return this.tag('MessageList')!
  }

  override _init(): void {
    this.showsData({ content: this._rows, empty: this.tag('MessagesEmpty') })
    this.loadOnVisit(() => this.load())
    this._rows.onOpen = (id) => {
      this._selected = this._rows.selectedIndex
      Router.navigate('messages/' + id)
    }
    this.render()
  }

  /** Back from a message: same row, fresh read marks. */
  protected override visit(first: boolean): void {
    if (first) this._selected = 0
    super.visit(first)
  }

  load(): void {
    this.loadData(getMessages, (list) => ((this._list = list), this.render(), list.items.length > 0))
  }

  render(): void {
    this.title = t('messages.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('MessagesEmpty')!.message = t('messages.empty')
    this.errorState.render()
    const list = this._list
    if (!list) return
    const unread = list.unreadCount
    this.tag('UnreadCount')!.text = textPatch(
      unread ? t('messages.unreadCount', { count: unread }) : t('messages.allRead'),
      { fontSize: FontSize.body, textColor: unread ? Colors.accent : Colors.textMuted },
    )
    this._rows.show(list, this._selected)
  }
}
