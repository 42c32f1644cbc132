/**
 * 我的工单: pending ones first, then the BOSS's, newest first. The list refreshes while on screen, so
 * a ticket's status moves on without the viewer doing anything; rows are updated in place to keep focus.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { TicketSummary } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import TicketList from '../components/TicketList.ts'
import { t } from '../lib/i18n.ts'
import { repairApi } from '../lib/repairApi.ts'
import { ticketNumber } from '../lib/ticketTimeline.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 96
const REFRESH_MS = 4000

interface MyTicketsSpec extends PageFrameSpec {
  TicketNote: object
  TicketList: typeof TicketList
  TicketsEmpty: typeof EmptyState
}

const note = (text: string) => textPatch(text, { fontSize: FontSize.small, textColor: Colors.warning })

export default class MyTicketsPage extends HallPage<MyTicketsSpec> {
  static override _template(): PageTemplate<MyTicketsSpec> {
    return frame<MyTicketsSpec>({
      TicketNote: { x: X, y: 184, text: note('') },
      TicketList: TicketList.place(X, 226, 1728, 730),
      TicketsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _list(): TicketList {
    return this.tag('TicketList')!
  }

  override _init(): void {
    this.showsData({ content: this._list, empty: this.tag('TicketsEmpty') })
    this.loadOnVisit(() => this.load())
    this.refreshWhileShown(REFRESH_MS)
    this._list.onOpen = (x) => Router.navigate('repair/tickets/' + ticketNumber(x))
    this.render()
  }

  load(): void {
    const show = (res: { items: TicketSummary[]; bossAvailable: boolean }) => {
      this._list.show(res.items)
      this.tag('TicketNote')!.text = note(res.bossAvailable ? '' : t('tickets.bossDown'))
      return res.items.length > 0
    }
    this.loadData(() => repairApi.tickets(), show)
  }

  render(): void {
    this.title = t('tickets.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('TicketsEmpty')!.message = t('tickets.empty')
    this.errorState.render()
    this._list.rename()
  }
}
