/**
 * 我的订购: what the household holds, soonest end first, expiring and suspended ones tinted. OK on one
 * offers renewing it (the order flow) and switching its auto-renewal off, each behind one confirmation.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { Subscription } from '../../contract/index.ts'
import EmptyState from '../components/EmptyState.ts'
import SubscriptionRow, { SUBSCRIPTION_H } from '../components/SubscriptionRow.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { formatDate } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { openDialog, showToast, type DialogAction } from '../lib/overlays.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { sortSubscriptions, subscriptionActions } from '../lib/subscriptionView.ts'

const X = 96
const W = 1728

export default class MySubscriptionsPage extends HallPage {
  private _subs: Subscription[] = []

  static override _template(): PageTemplate {
    return frame({
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
        style: { itemSpacing: 14 },
        alpha: 0,
      },
      SubscriptionsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  load(): void {
    const reset = () => (this.tag('SubscriptionsEmpty').visible = false)
    loadScreen(
      this,
      () => api().getSubscriptions(),
      (list) => this._show(sortSubscriptions(list.items)),
      { reset },
    )
  }

  private _show(subs: Subscription[]): void {
    const list = this.tag('SubscriptionList')
    const keep = this._subs.length ? list.selectedIndex : 0
    this._subs = subs
    list.items = subs.map((s) => ({
      type: SubscriptionRow,
      ref: 'Subscription_' + s.productId,
      w: W,
      h: SUBSCRIPTION_H,
      subscription: s,
      onSelect: (x: Subscription) => this._manage(x),
    }))
    if (subs.length) list.selectedIndex = Math.min(keep, subs.length - 1)
    this.render()
    this._setState(subs.length ? 'Ready' : 'Empty')
  }

  private _manage(s: Subscription): void {
    const actions: DialogAction[] = [{ label: t('subs.close'), ref: 'SubsClose' }]
    for (const a of subscriptionActions(s)) {
      if (a === 'renew')
        actions.push({
          label: t('subs.renew'),
          ref: 'SubsRenew',
          onSelect: () => Router.navigate('packages/' + s.productId),
        })
      else
        actions.push({ label: t('subs.stopAutoRenew'), ref: 'SubsStopAutoRenew', onSelect: () => this._confirmStop(s) })
    }
    const lang = currentLanguage()
    openDialog({
      title: s.productName,
      message: t('subs.dates', { start: formatDate(s.startDate, lang), end: formatDate(s.expiryDate, lang) }),
      actions,
      defaultIndex: 0,
    })
  }

  private _confirmStop(s: Subscription): void {
    const lang = currentLanguage()
    openDialog({
      title: t('subs.stopTitle', { product: s.productName }),
      message: t('subs.stopBody', { date: formatDate(s.expiryDate, lang) }),
      actions: [
        { label: t('subs.keep'), ref: 'SubsKeep' },
        { label: t('subs.stopAutoRenew'), ref: 'SubsStopConfirm', onSelect: () => this._stop(s) },
      ],
      defaultIndex: 0,
    })
  }

  private _stop(s: Subscription): void {
    api()
      .stopAutoRenew(s.subscriptionId)
      .then(() => {
        showToast(t('subs.stopped'))
        this.load()
      })
      .catch((e: unknown) => showToast(t(errorMessageKey(errorCode(e)))))
  }

  render(): void {
    this.title = t('subs.title')
    this.hints = [
      ['updown', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    ;(this.tag('SubscriptionsEmpty') as EmptyState).message = t('subs.empty')
    this.errorState.render()
    for (const row of this.tag('SubscriptionList').items as SubscriptionRow[]) row.render()
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('SubscriptionList').setSmooth('alpha', this._subs.length ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('SubscriptionList').setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this.tag('SubscriptionList')
        }
      },
      class Empty extends this {
        override $enter() {
          this.tag('SubscriptionList').alpha = 0
          this.tag('SubscriptionsEmpty').visible = true
        }
      },
      failedState(this, 'SubscriptionList'),
    ]
  }
}
