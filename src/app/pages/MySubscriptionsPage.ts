/**
 * 我的订购: what the household holds, soonest end first, expiring and suspended ones tinted. OK on one
 * offers renewing it and switching its auto-renewal off (lib/subscriptionDialogs.ts).
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { Subscription } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import SubscriptionRow, { SUBSCRIPTION_H } from '../components/SubscriptionRow.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { manageSubscription } from '../lib/subscriptionDialogs.ts'
import { sortSubscriptions } from '../lib/subscriptionView.ts'

const X = 96
const W = 1728

interface MySubscriptionsSpec extends PageFrameSpec {
  SubscriptionList: typeof HallColumn
  SubscriptionsEmpty: typeof EmptyState
}

export default class MySubscriptionsPage extends HallPage<MySubscriptionsSpec> {
  private _subs: Subscription[] = []

  static override _template(): PageTemplate<MySubscriptionsSpec> {
    return frame<MySubscriptionsSpec>({
      SubscriptionList: {
        type: HallColumn,
        x: X - 8,
        y: 190,
        w: W + 16,
        h: fitRows(762, SUBSCRIPTION_H, 14),
        clipping: true,
        itemPosX: 8,
        itemPosY: 8,
        scrollIndex: 4,
        itemSpacing: 14,
        alpha: 0,
      },
      SubscriptionsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _list(): HallColumn {
    return this.tag('SubscriptionList')!
  }

  override _init(): void {
    this.showsData({ content: this._list, empty: this.tag('SubscriptionsEmpty') })
    this.loadOnVisit(() => this.load())
    this.render()
  }

  load(): void {
    this.loadData(
      () => api().getSubscriptions(),
      (list) => this._show(sortSubscriptions(list.items)),
    )
  }

  private _show(subs: Subscription[]): boolean {
    const keep = this._subs.length ? this._list.selectedIndex : 0
    this._subs = subs
    this._list.items = subs.map((s) => ({
      type: SubscriptionRow,
      ref: 'Subscription_' + s.productId,
      w: W,
      h: SUBSCRIPTION_H,
      subscription: s,
      onSelect: (x: Subscription) => manageSubscription(x, () => this.load()),
    }))
    if (subs.length) this._list.selectedIndex = Math.min(keep, subs.length - 1)
    this.render()
    return subs.length > 0
  }

  render(): void {
    this.title = t('subs.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.tag('SubscriptionsEmpty')!.message = t('subs.empty')
    this.errorState.render()
    for (const row of this._list.items) if (row instanceof SubscriptionRow) row.render()
  }
}
