/**
 * What the top-up screen says around its two ways: the balance and the arrears (red when owed), a note
 * (a QR payment still waiting, or the service suspended), and under the ways a line on each of them.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Account } from '../../contract/index.ts'
import MoneyText from './MoneyText.ts'
import { t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

/** Where the way hints start below the summary: the page puts its ways' buttons in between. */
const WAY_HINTS_Y = 370

const muted = (s: string) => textPatch(s, { fontSize: FontSize.body, textColor: Colors.textMuted })
const small = (s: string) =>
  textPatch(insertZeroWidthSpaces(s), {
    fontSize: FontSize.small,
    textColor: Colors.textMuted,
    wordWrapWidth: 1200,
    maxLines: 1,
  })

export interface TopupSummarySpec extends Lightning.Component.TemplateSpec {
  BalanceLabel: object
  TopupBalanceValue: typeof MoneyText
  ArrearsLabel: object
  TopupArrearsValue: typeof MoneyText
  Note: object
  WayHints: { CardHint: object; QrHint: object }
}

export default class TopupSummary
  extends Lightning.Component<TopupSummarySpec>
  implements Lightning.Component.ImplementTemplateSpec<TopupSummarySpec>
{
  private _account: Account | null = null
  private _pendingWaiting = false

  static override _template(): Lightning.Component.Template<TopupSummarySpec> {
    return {
      BalanceLabel: { text: muted('') },
      TopupBalanceValue: { type: MoneyText, x: 320 },
      ArrearsLabel: { y: 80, text: muted('') },
      TopupArrearsValue: { type: MoneyText, x: 320, y: 80 },
      Note: { y: 170, text: textPatch('', { fontSize: FontSize.body }) },
      WayHints: { y: WAY_HINTS_Y, CardHint: { text: small('') }, QrHint: { y: 50, text: small('') } },
    }
  }

  /** `pendingWaiting`: a QR payment is still waiting to be paid. */
  show(account: Account, pendingWaiting: boolean): void {
    this._account = account
    this._pendingWaiting = pendingWaiting
    this.render()
  }

  render(): void {
    this.tag('BalanceLabel')!.text = muted(t('topup.balance'))
    this.tag('ArrearsLabel')!.text = muted(t('topup.arrears'))
    const way = (name: TKey, hint: TKey) => small(t('topup.wayHint', { way: t(name), hint: t(hint) }))
    this.tag('WayHints.CardHint')!.text = way('topup.card', 'topup.card.hint')
    this.tag('WayHints.QrHint')!.text = way('topup.qr', 'topup.qr.hint')
    const a = this._account
    if (!a) return
    this.tag('TopupBalanceValue')!.fen = a.balanceFen
    const arrears = this.tag('TopupArrearsValue')!
    arrears.fen = a.arrearsFen
    arrears.tone = a.arrearsFen > 0 ? 'danger' : 'normal'
    const waiting = this._pendingWaiting
    const note = waiting ? t('topup.pendingNote') : a.status === 'suspended' ? t('topup.suspendedNote') : ''
    this.tag('Note')!.text = textPatch(insertZeroWidthSpaces(note), {
      fontSize: FontSize.body,
      textColor: waiting ? Colors.warning : Colors.danger,
      wordWrapWidth: 1200,
      maxLines: 2,
    })
  }
}
