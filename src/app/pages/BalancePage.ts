/**
 * 余额查询: balance, arrears, deposit, status, suspension date, next deduction, fetched live on every
 * visit. While waiting: a loading indicator (after 300 ms); on failure: plain words and Retry.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { CONTENT_TOP, frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Account } from '../../contract/index.ts'
import AccountDetails, { ACCOUNT_DETAILS_H } from '../components/AccountDetails.ts'
import HallButton from '../components/HallButton.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'

interface BalanceSpec extends PageFrameSpec {
  Details: { Account: typeof AccountDetails; TopupButton: typeof HallButton }
}

export default class BalancePage extends HallPage<BalanceSpec> {
  private _account: Account | null = null

  static override _template(): PageTemplate<BalanceSpec> {
    return frame<BalanceSpec>({
      Details: {
        x: 360,
        y: CONTENT_TOP + 24,
        alpha: 0,
        Account: { type: AccountDetails },
        TopupButton: { type: HallButton, y: ACCOUNT_DETAILS_H + 20, w: 320, h: 84, fixed: true },
      },
    })
  }

  override _init(): void {
    const button = this.tag('Details.TopupButton')!
    this.showsData({ content: this.tag('Details')!, focus: () => button })
    this.loadOnVisit(() => this.load())
    button.onEnter = () => (Router.navigate('topup'), true)
    this.render()
  }

  load(): void {
    const show = (account: Account) => ((this._account = account), this.render(), true)
    this.loadData(() => api().getAccount(), show)
  }

  render(): void {
    this.title = t('balance.title')
    this.hints = [
      ['ok', t('balance.topup')],
      ['yellow', t('hint.payments')],
    ]
    this.tag('Details.TopupButton')!.title = t('balance.topup')
    this.tag('Details.Account')!.show(this._account)
    this.errorState.render()
  }

  /** Yellow: the payment history, to see where the balance came from. */
  _handleYellow(): boolean {
    Router.navigate('payments')
    return true
  }
}
