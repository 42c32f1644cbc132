/**
 * The message centre's list: one MessageRow a message, built as they scroll into view, only whole
 * rows in its height. OK on a row opens that message; the list keeps the row across a reload.
 */
import type { MessageListResponse } from '../../contract/index.ts'
import HallColumn, { fitRows } from './HallColumn.ts'
import MessageRow, { MESSAGE_ROW_H } from './MessageRow.ts'
import { formatDate } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { hallToday, messageText } from '../lib/messageText.ts'

const GAP = 16

export default class MessageList extends HallColumn {
  /** Called with the message the viewer opened. */
  onOpen: ((id: string) => void) | null = null

  /** A list of `w` wide with as many whole rows as fit in `maxH`, at (x, y) of its rows. */
  static place(x: number, y: number, w: number, maxH: number) {
    const h = fitRows(maxH, MESSAGE_ROW_H, GAP)
    const pad = { itemPosX: 8, itemPosY: 8, lazyUpCount: 6, scrollIndex: 3, style: { itemSpacing: GAP } }
    return { type: MessageList, x: x - 8, y, w: w + 16, h, clipping: true, ...pad }
  }

  /** The rows for `list`, the `selected`th chosen (kept within the list). */
  show(list: MessageListResponse, selected: number): void {
    const lang = currentLanguage()
    const today = hallToday()
    const w = this.w - 16
    this.items = list.items.map((m) => {
      const text = messageText(m, lang, t, today)
      return {
        type: MessageRow,
        ref: 'Message-' + m.id,
        w,
        h: MESSAGE_ROW_H,
        content: {
          kind: text.kind,
          title: text.title,
          date: formatDate(m.createdAt.slice(0, 10), lang),
          unread: !m.read,
          unreadLabel: t('messages.unread'),
        },
        onSelect: () => this.onOpen?.(m.id),
      }
    })
    if (list.items.length) this.selectedIndex = Math.min(selected, list.items.length - 1)
  }
}
