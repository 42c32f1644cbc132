/**
 * What can be done with one ticket, beside its timeline: an open ticket offers Back and Cancel (Back
 * first: cancelling is never where the focus opens); a resolved one asks for 1-5 stars (回访); a rated
 * one thanks the viewer in the hall's result layout. The focus goes to whichever is shown.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import type { Ticket } from '../../contract/index.ts'
import ActionButtons, { type ButtonAction } from './ActionButtons.ts'
import ResultPanel from './ResultPanel.ts'
import StarRating from './StarRating.ts'
import { t } from '../lib/i18n.ts'
import { ratingResult } from '../lib/repairResults.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const SIDE_W = 660

export interface TicketSideSpec extends Lightning.Component.TemplateSpec {
  RatePrompt: object
  Rating: typeof StarRating
  TicketActions: typeof ActionButtons
  Rated: typeof ResultPanel
}

export default class TicketSide
  extends Lightning.Component<TicketSideSpec>
  implements Lightning.Component.ImplementTemplateSpec<TicketSideSpec>
{
  private _ticket: Ticket | null = null
  onRate: (stars: number) => void = () => {}
  onCancel: () => void = () => {}

  static override _template(): Lightning.Component.Template<TicketSideSpec> {
    return {
      RatePrompt: { text: textPatch('', { fontSize: FontSize.small }) },
      Rating: { type: StarRating, y: 90, visible: false },
      // Two 300 px buttons and their gap fill the column, so "Cancel ticket" fits whole in large text.
      TicketActions: { type: ActionButtons, y: 220, buttonW: 300 },
      Rated: { type: ResultPanel, width: SIDE_W, visible: false },
    }
  }

  override _init(): void {
    this.tag('Rating')!.onRate = (stars) => this.onRate(stars)
  }

  set ticket(x: Ticket) {
    this._ticket = x
    const rated = x.rating !== null
    this.tag('RatePrompt')!.text = textPatch(insertZeroWidthSpaces(x.canRate ? t('tickets.rateTitle') : ''), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
      wordWrapWidth: SIDE_W,
      maxLines: 2,
      lineHeight: 40,
    })
    this.tag('Rating')!.visible = x.canRate && !rated
    this.tag('Rated')!.visible = rated
    if (x.rating !== null) this.tag('Rated')!.show(ratingResult(x.rating))
    const back: ButtonAction = { ref: 'BackButton', label: t('common.back'), onSelect: () => Router.back() }
    // A ticket with nothing left to do still gets one focused button, so the remote always shows where it is.
    const actions: ButtonAction[] = x.canCancel
      ? [back, { ref: 'CancelTicketButton', label: t('tickets.cancel'), onSelect: () => this.onCancel() }]
      : x.canRate || rated
        ? []
        : [back]
    this.tag('TicketActions')!.actions = actions
    this._refocus()
  }

  override _getFocused(): Lightning.Component {
    const x = this._ticket
    if (x && x.rating !== null) return this.tag('Rated')!
    if (x && x.canRate) return this.tag('Rating')!
    return this.tag('TicketActions')!
  }
}
