/**
 * Submit on the fault report's form: a contact phone that is no mobile number is said at once; otherwise
 * the report is shown once more to confirm (focus on Submit, the form's summary as the message).
 */
import type TicketForm from '../components/TicketForm.ts'
import { isMobile } from './digitEntry.ts'
import { t } from './i18n.ts'
import { openDialog, showToast } from './overlays.ts'

export function confirmTicket(form: TicketForm, submit: () => void): void {
  const draft = form.draft
  const request = draft && draft.request
  if (!request) return
  if (request.contactPhone && !isMobile(request.contactPhone)) return showToast(t('ticket.phoneInvalid'))
  openDialog({
    title: t('ticket.confirmTitle'),
    message: form.summary,
    actions: [
      { ref: 'ConfirmCancel', label: t('ticket.cancel') },
      { ref: 'ConfirmSubmit', label: t('ticket.confirm'), onSelect: submit },
    ],
    defaultIndex: 1,
  })
}
