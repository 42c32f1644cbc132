/**
 * On start, at most one dialog: the boot notice the BFF marked (suspension, arrears, a package ending
 * today), once per event. It is remembered on this box as soon as it shows and marked read when it
 * closes, so neither a reload nor another box of the household shows it again.
 */
import { Router } from '@lightningjs/sdk'
import type { MessageListResponse } from '../../contract/index.ts'
import { currentLanguage, t } from './i18n.ts'
import { markRead, rememberBootNotice, shownBootNotices } from './messages.ts'
import { ACTION_ROUTE, hallToday, messageText, pendingBootNotice } from './messageText.ts'
import { isDialogOpen, openDialog, type DialogAction } from './overlays.ts'

let checked = false

/** Call with each fresh list; only the first one after start can open the dialog. */
export function offerBootNotice(list: MessageListResponse, onRead: () => void): void {
  if (checked) return
  checked = true
  const m = pendingBootNotice(list, shownBootNotices())
  if (!m || isDialogOpen()) return
  rememberBootNotice(m.id)
  const text = messageText(m, currentLanguage(), t, hallToday())
  const done = () => {
    markRead(m.id).then(onRead, () => undefined)
  }
  const actions: DialogAction[] = [{ label: t('messages.later'), ref: 'BootNoticeClose', onSelect: done }]
  const action = m.action
  if (action) {
    actions.push({
      label: text.actionLabel,
      ref: 'BootNoticeAction',
      onSelect: () => {
        done()
        Router.navigate(ACTION_ROUTE[action])
      },
    })
  }
  // The act button first: the notice is there to help the viewer act (nothing is paid from here).
  openDialog({ title: text.title, message: text.body, actions, defaultIndex: actions.length - 1, onDismiss: done })
}
