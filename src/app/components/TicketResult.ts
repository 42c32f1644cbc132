/**
 * A fault report sent: "报修已提交", the ticket number large enough to read out to the hotline, when the
 * engineer comes (or, pending, that the hall's reference stands in until the BOSS gives a number), and
 * My tickets / Done.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import type { Ticket } from '../../contract/index.ts'
import ActionButtons from './ActionButtons.ts'
import { t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { ticketNumber } from '../lib/ticketTimeline.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 1600

export interface TicketResultSpec extends Lightning.Component.TemplateSpec {
  ResultTitle: object
  TicketNumber: object
  ResultNote: object
  ResultActions: typeof ActionButtons
}

export default class TicketResult
  extends Lightning.Component<TicketResultSpec>
  implements Lightning.Component.ImplementTemplateSpec<TicketResultSpec>
{
  static override _template(): Lightning.Component.Template<TicketResultSpec> {
    return {
      ResultTitle: { text: textPatch('', { fontSize: FontSize.title }) },
      TicketNumber: { y: 110, text: textPatch('', { fontSize: FontSize.display }) },
      ResultNote: { y: 230, text: textPatch('', { fontSize: FontSize.body }) },
      ResultActions: { type: ActionButtons, y: 380 },
    }
  }

  /** The sent ticket; `visit` says when the engineer comes (the chosen slot, worded). */
  show(ticket: Ticket, visit: string): void {
    const number = ticketNumber(ticket)
    this.tag('ResultTitle')!.text = textPatch(t('ticket.createdTitle'), {
      fontSize: FontSize.title,
      fontStyle: 'bold',
      textColor: Colors.ok,
    })
    this.tag('TicketNumber')!.text = textPatch(number, { fontSize: FontSize.display, fontStyle: 'bold' })
    const note = ticket.status === 'pending' ? t('ticket.pendingNote', { number }) : visit
    this.tag('ResultNote')!.text = textPatch(insertZeroWidthSpaces(note), {
      fontSize: FontSize.body,
      wordWrapWidth: W,
      maxLines: 3,
    })
    this.tag('ResultActions')!.actions = [
      { ref: 'ViewTicketsButton', label: t('ticket.viewTickets'), onSelect: () => Router.navigate('repair/tickets') },
      { ref: 'DoneButton', label: t('steps.done'), onSelect: () => Router.navigate('home') },
    ]
  }

  override _getFocused(): ActionButtons {
    return this.tag('ResultActions')!
  }
}
