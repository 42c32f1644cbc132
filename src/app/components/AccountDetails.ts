/**
 * The account at a glance, one labelled row each: balance, arrears, deposit, status, the suspension
 * (when it will happen, or since when) and the next deduction, with when the BOSS answered.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Account } from '../../contract/index.ts'
import { infoRowLook, ROW_H, rowLabel, type InfoRowParts } from './InfoRow.ts'
import MoneyText from './MoneyText.ts'
import { formatDate, formatDateTime, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const VALUE_X = 1200
/** Below the rows and the as-of line: where the page puts what follows. */
export const ACCOUNT_DETAILS_H = ROW_H * 6 + 70

export interface AccountDetailsSpec extends Lightning.Component.TemplateSpec {
  BalanceRow: InfoRowParts<'BalanceValue', typeof MoneyText>
  ArrearsRow: InfoRowParts<'ArrearsValue', typeof MoneyText>
  DepositRow: InfoRowParts<'DepositValue', typeof MoneyText>
  StatusRow: InfoRowParts<'StatusValue', object>
  SuspendRow: InfoRowParts<'SuspendValue', object>
  NextDeductionRow: InfoRowParts<'NextDeductionValue', object>
  AsOf: object
}

const value = (text: string, textColor: number = Colors.text) =>
  textPatch(text, { fontSize: FontSize.heading, textColor })
const textRow = (i: number, ref: string) => ({
  ...infoRowLook(ROW_H * i),
  [ref]: { x: VALUE_X, mountX: 1, y: 14, text: value('--') },
})
const moneyRow = (i: number, ref: string) => ({
  ...infoRowLook(ROW_H * i),
  [ref]: { type: MoneyText, x: VALUE_X, mountX: 1, y: 14 },
})

export default class AccountDetails
  extends Lightning.Component<AccountDetailsSpec>
  implements Lightning.Component.ImplementTemplateSpec<AccountDetailsSpec>
{
  static override _template(): Lightning.Component.Template<AccountDetailsSpec> {
    return {
      BalanceRow: moneyRow(0, 'BalanceValue'),
      ArrearsRow: moneyRow(1, 'ArrearsValue'),
      DepositRow: moneyRow(2, 'DepositValue'),
      StatusRow: textRow(3, 'StatusValue'),
      SuspendRow: textRow(4, 'SuspendValue'),
      NextDeductionRow: textRow(5, 'NextDeductionValue'),
      AsOf: { y: ROW_H * 6 + 20, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
    }
  }

  /** The labels in the viewer's language; the values once the account is known. */
  show(a: Account | null): void {
    const lang = currentLanguage()
    const label = (row: 'BalanceRow' | 'ArrearsRow' | 'DepositRow' | 'StatusRow' | 'NextDeductionRow', key: string) =>
      (this.tag(row)!.childList.getByRef('Label')!.text = rowLabel(key))
    label('BalanceRow', t('balance.balance'))
    label('ArrearsRow', t('balance.arrears'))
    label('DepositRow', t('balance.deposit'))
    label('StatusRow', t('balance.status'))
    label('NextDeductionRow', t('balance.nextDeduction'))
    if (!a) return
    const balance = this.tag('BalanceRow.BalanceValue')!
    balance.fen = a.balanceFen
    balance.tone = a.lowBalance ? 'danger' : 'normal'
    const arrears = this.tag('ArrearsRow.ArrearsValue')!
    arrears.fen = a.arrearsFen
    arrears.tone = a.arrearsFen > 0 ? 'danger' : 'normal'
    this.tag('DepositRow.DepositValue')!.fen = a.depositFen
    this.tag('StatusRow.StatusValue')!.text = value(
      t(`account.${a.status}`),
      a.status === 'normal' ? Colors.ok : Colors.danger,
    )
    // One row for the suspension: when it will happen (in arrears) or since when (suspended).
    const suspended = a.status === 'suspended'
    this.tag('SuspendRow.Label')!.text = rowLabel(t(suspended ? 'balance.suspendedSince' : 'balance.suspendOn'))
    const suspendText = suspended
      ? formatDateTime(a.suspendedSince, lang)
      : a.suspendOn
        ? formatDate(a.suspendOn, lang)
        : t('balance.none')
    this.tag('SuspendRow.SuspendValue')!.text = value(
      suspendText,
      suspended || a.suspendOn ? Colors.danger : Colors.text,
    )
    const next = a.nextDeduction
    this.tag('NextDeductionRow.NextDeductionValue')!.text = value(
      next
        ? t('balance.nextDeductionValue', { date: formatDate(next.date, lang), amount: formatFen(next.amountFen) })
        : t('balance.none'),
    )
    this.tag('AsOf')!.text = textPatch(t('balance.asOf', { time: formatDateTime(a.asOf, lang) }), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
    })
  }
}
