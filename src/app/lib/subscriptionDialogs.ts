/**
 * What OK on a held package offers (renew it through the order flow, switch its auto-renewal off), each
 * behind one confirmation, and the switch itself: the subscriptions screen keeps only its list.
 */
import { Router } from '@lightningjs/sdk'
import type { Subscription } from '../../contract/index.ts'
import { errorCode } from './api.ts'
import { api } from './backend.ts'
import { formatDate } from './format.ts'
import { heldName } from './catalogue.ts'
import { currentLanguage, t } from './i18n.ts'
import { errorMessageKey } from './i18nKeys.ts'
import { openDialog, showToast, type DialogAction } from './overlays.ts'
import { subscriptionActions } from './subscriptionView.ts'

/** Offers what can be done with `s`; `stopped` runs once its auto-renewal is off. */
export function manageSubscription(s: Subscription, stopped: () => void): void {
  const actions: DialogAction[] = [{ label: t('subs.close'), ref: 'SubsClose' }]
  for (const a of subscriptionActions(s)) {
    if (a === 'renew')
      actions.push({
        label: t('subs.renew'),
        ref: 'SubsRenew',
        onSelect: () => Router.navigate('packages/' + s.productId),
      })
    else
      actions.push({
        label: t('subs.stopAutoRenew'),
        ref: 'SubsStopAutoRenew',
        onSelect: () => confirmStop(s, stopped),
      })
  }
  const lang = currentLanguage()
  openDialog({
    title: heldName(s, lang),
    message: t('subs.dates', { start: formatDate(s.startDate, lang), end: formatDate(s.expiryDate, lang) }),
    actions,
    defaultIndex: 0,
  })
}

function confirmStop(s: Subscription, stopped: () => void): void {
  openDialog({
    title: t('subs.stopTitle', { product: heldName(s, currentLanguage()) }),
    message: t('subs.stopBody', { date: formatDate(s.expiryDate, currentLanguage()) }),
    actions: [
      { label: t('subs.keep'), ref: 'SubsKeep' },
      { label: t('subs.stopAutoRenew'), ref: 'SubsStopConfirm', onSelect: () => stop(s, stopped) },
    ],
    defaultIndex: 0,
  })
}

function stop(s: Subscription, stopped: () => void): void {
  api()
    .stopAutoRenew(s.subscriptionId)
    .then(() => {
      showToast(t('subs.stopped'))
      stopped()
    })
    .catch((e: unknown) => showToast(t(errorMessageKey(errorCode(e)))))
}
