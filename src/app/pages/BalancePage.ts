/**
 * 余额查询: balance, arrears, deposit, status, suspension date, next deduction, fetched live on every
 * visit. While waiting: a loading indicator (after 300 ms); on failure: plain words and Retry.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { CONTENT_TOP, frame, type PageTemplate } from '../components/HallPage.ts'
import { Button } from '@lightningjs/ui-components'
import type { Account } from '../../contract/index.ts'
import InfoRow, { ROW_H } from '../components/InfoRow.ts'
import MoneyText from '../components/MoneyText.ts'
import { api } from '../lib/backend.ts'
import { formatDate, formatDateTime, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 360
const VALUE_X = 1200

// Values sit inside their InfoRow; Lightning's tag() does not search into child components, so paths are spelled out.
const value = (ref: string) => ({
  [ref]: { x: VALUE_X, mountX: 1, y: 14, text: textPatch('--', { fontSize: FontSize.heading }) },
})
const money = (ref: string) => ({ [ref]: { type: MoneyText, x: VALUE_X, mountX: 1, y: 14 } })

export default class BalancePage extends HallPage {
  private _account: Account | null = null

  static override _template(): PageTemplate {
    return frame({
      Details: {
        x: X,
        y: CONTENT_TOP + 24,
        alpha: 0,
        BalanceRow: { type: InfoRow, y: 0, ...money('BalanceValue') },
        ArrearsRow: { type: InfoRow, y: ROW_H, ...money('ArrearsValue') },
        DepositRow: { type: InfoRow, y: ROW_H * 2, ...money('DepositValue') },
        StatusRow: { type: InfoRow, y: ROW_H * 3, ...value('StatusValue') },
        SuspendRow: { type: InfoRow, y: ROW_H * 4, ...value('SuspendValue') },
        NextDeductionRow: { type: InfoRow, y: ROW_H * 5, ...value('NextDeductionValue') },
        AsOf: { y: ROW_H * 6 + 20, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
        TopupButton: { type: Button, y: ROW_H * 6 + 90, w: 320, h: 84, fixed: true, title: '' },
      },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('Details.TopupButton').onEnter = () => {
      Router.navigate('topup')
      return true
    }
    this.render()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  load(): void {
    loadScreen(
      this,
      () => api().getAccount(),
      (account) => {
        this._account = account
        this.render()
        this._setState('Ready')
      },
    )
  }

  render(): void {
    const lang = currentLanguage()
    const label = (row: string, text: string) => ((this.tag('Details.' + row) as InfoRow).label = text)
    this.hints = [
      ['ok', t('balance.topup')],
      ['yellow', t('hint.payments')],
    ]
    this.title = t('balance.title')
    label('BalanceRow', t('balance.balance'))
    label('ArrearsRow', t('balance.arrears'))
    label('DepositRow', t('balance.deposit'))
    label('StatusRow', t('balance.status'))
    label('NextDeductionRow', t('balance.nextDeduction'))
    this.tag('Details.TopupButton').title = t('balance.topup')
    this.errorState.render()
    const a = this._account
    if (!a) return
    const balance = this.tag('Details.BalanceRow.BalanceValue') as MoneyText
    balance.fen = a.balanceFen
    balance.tone = a.lowBalance ? 'danger' : 'normal'
    const arrears = this.tag('Details.ArrearsRow.ArrearsValue') as MoneyText
    arrears.fen = a.arrearsFen
    arrears.tone = a.arrearsFen > 0 ? 'danger' : 'normal'
    ;(this.tag('Details.DepositRow.DepositValue') as MoneyText).fen = a.depositFen
    const statusColor = a.status === 'normal' ? Colors.ok : Colors.danger
    this.tag('Details.StatusRow.StatusValue').text = textPatch(t(('account.' + a.status) as 'account.normal'), {
      fontSize: FontSize.heading,
      textColor: statusColor,
    })
    // One row for the suspension: when it will happen (in arrears) or since when (suspended).
    const suspended = a.status === 'suspended'
    label('SuspendRow', t(suspended ? 'balance.suspendedSince' : 'balance.suspendOn'))
    const suspendText = suspended
      ? formatDateTime(a.suspendedSince, lang)
      : a.suspendOn
        ? formatDate(a.suspendOn, lang)
        : t('balance.none')
    this.tag('Details.SuspendRow.SuspendValue').text = textPatch(suspendText, {
      fontSize: FontSize.heading,
      textColor: suspended || a.suspendOn ? Colors.danger : Colors.text,
    })
    const next = a.nextDeduction
    this.tag('Details.NextDeductionRow.NextDeductionValue').text = textPatch(
      next
        ? t('balance.nextDeductionValue', { date: formatDate(next.date, lang), amount: formatFen(next.amountFen) })
        : t('balance.none'),
      { fontSize: FontSize.heading },
    )
    this.tag('Details.AsOf').text = textPatch(t('balance.asOf', { time: formatDateTime(a.asOf, lang) }), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
    })
  }

  /** Yellow: the payment history, to see where the balance came from. */
  _handleYellow(): boolean {
    Router.navigate('payments')
    return true
  }

  static override _states() {
    return [
      class Loading extends this {
        override $enter() {
          this.tag('Details').setSmooth('alpha', this._account ? 0.4 : 0)
        }
      },
      class Ready extends this {
        override $enter() {
          this.tag('Details').setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this.tag('Details.TopupButton')
        }
      },
      failedState(this, 'Details'),
    ]
  }
}
