/**
 * How a top-up ended: the amount and the new balance (as the BOSS reports it) with "service restored"
 * when it cleared the arrears; or, for a QR code, that it expired or was cancelled and nothing was
 * charged. Continue goes back to what sent the viewer here (e.g. an order), Done to the home screen.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import type { Topup } from '../../contract/index.ts'
import TopupButtons, { type TopupButton } from '../components/TopupButtons.ts'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import MoneyText from '../components/MoneyText.ts'
import { errorCode } from '../lib/api.ts'
import { formatFen } from '../lib/format.ts'
import { t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import { topupApi } from '../lib/topupApi.ts'
import { topupSplit, type TopupOutcome, type TopupSplit } from '../lib/topupFlow.ts'
import { accountBefore, outcomeOf, setReturnTo, takeTopupResult, topupReturnTo } from '../lib/topupMemory.ts'

const X = 560

export default class TopupResultPage extends HallPage {
  private _topupId = ''
  private _topup: Topup | null = null
  private _outcome: TopupOutcome = null
  private _split: TopupSplit | null = null
  private _seq = 0

  static override _template(): PageTemplate {
    return frame({
      Result: {
        alpha: 0,
        ResultIcon: { x: 960, mountX: 0.5, y: 176, text: textPatch('', { fontSize: 96 }) },
        TopupResultTitle: {
          x: 960,
          mountX: 0.5,
          y: 300,
          text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }),
        },
        AmountLabel: { x: X, y: 390, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        TopupAmountValue: { type: MoneyText, x: X + 800, mountX: 1, y: 386 },
        ArrearsPaidLabel: {
          x: X,
          y: 455,
          text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }),
        },
        TopupArrearsPaid: { type: MoneyText, x: X + 800, mountX: 1, y: 451 },
        BalanceLabel: { x: X, y: 520, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        TopupNewBalance: { type: MoneyText, x: X + 800, mountX: 1, y: 516 },
        TopupResultNote: { x: 960, mountX: 0.5, y: 600, text: textPatch('', { fontSize: FontSize.body }) },
        ResultButtons: { type: TopupButtons, x: X - 12, y: 720 },
      },
    })
  }

  override set params(p: Router.PageParams) {
    this._topupId = p && p.topupId ? String(p.topupId) : ''
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    this.load()
  }

  load(): void {
    const seq = ++this._seq
    const loading = this.loading
    this.errorState.visible = false
    this.tag('Result').alpha = 0
    this._setState('Loading')
    const known = takeTopupResult(this._topupId)
    loading.start()
    ;(known ? Promise.resolve(known) : topupApi.get(this._topupId))
      .then((topup) => {
        if (seq !== this._seq) return
        loading.stop()
        this._topup = topup
        // Split before the outcome is noted: noting it marks the account paid up.
        this._split = topup.account ? topupSplit(topup.amountFen, topup.account, accountBefore()) : null
        this._outcome = outcomeOf(topup)
        // Paid: the card form and the QR code leave the history; Back goes to the top-up home.
        if (topup.status === 'succeeded') finishTransaction('topup', /^topup\/(card|qr)/)
        this.render()
        this.tag('Result').alpha = 1
        this._setState('Ready')
      })
      .catch((e: unknown) => {
        if (seq !== this._seq) return
        loading.stop()
        this.errorState.code = errorCode(e)
        this.errorState.visible = true
        this._setState('Failed')
      })
  }

  render(): void {
    this.title = t('topup.title')
    this.hints = [
      ['leftright', t('hint.choose')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    const topup = this._topup
    if (!topup) return
    const ok = topup.status === 'succeeded'
    const color = ok ? Colors.ok : Colors.warning
    const titleKey = ok
      ? 'topup.result.success'
      : topup.status === 'expired'
        ? 'topup.result.expired'
        : topup.status === 'cancelled'
          ? 'topup.result.cancelled'
          : 'topup.result.pending'
    this.tag('Result.ResultIcon').text = textPatch(ok ? '✓' : '!', {
      fontSize: 96,
      textColor: color,
      fontStyle: 'bold',
    })
    this.tag('Result.TopupResultTitle').text = textPatch(insertZeroWidthSpaces(t(titleKey)), {
      fontSize: FontSize.title,
      fontStyle: 'bold',
      textColor: color,
      wordWrapWidth: 1500,
      textAlign: 'center',
      maxLines: 2,
    })
    const muted = (s: string) => textPatch(ok ? s : '', { fontSize: FontSize.body, textColor: Colors.textMuted })
    this.tag('Result.AmountLabel').text = muted(t('topup.result.amount'))
    this.tag('Result.BalanceLabel').text = muted(t('topup.result.balance'))
    ;(this.tag('Result.TopupAmountValue') as MoneyText).fen = ok ? topup.amountFen : null
    this.tag('Result.TopupAmountValue').visible = ok
    // Where the money went: the arrears first (the BOSS settles them first), the rest is balance.
    const split = ok ? this._split : null
    const paid = split && split.arrearsPaidFen ? split.arrearsPaidFen : 0
    this.tag('Result.ArrearsPaidLabel').text = muted(paid > 0 ? t('topup.result.arrearsPaid') : '')
    ;(this.tag('Result.TopupArrearsPaid') as MoneyText).fen = paid > 0 ? paid : null
    this.tag('Result.TopupArrearsPaid').visible = paid > 0
    ;(this.tag('Result.TopupNewBalance') as MoneyText).fen = ok && topup.account ? topup.account.balanceFen : null
    this.tag('Result.TopupNewBalance').visible = ok
    this.tag('Result.TopupResultNote').text = textPatch(insertZeroWidthSpaces(this._note(split)), {
      fontSize: FontSize.heading,
      textColor: this._outcome ? Colors.ok : Colors.warning,
      wordWrapWidth: 1500,
      textAlign: 'center',
      maxLines: 2,
    })
    const buttons = this.tag('Result.ResultButtons') as TopupButtons
    buttons.buttons = this._actions(ok)
  }

  /** Restored only after a suspension; paid off when it was only owed; still owed when the top-up did not cover it. */
  private _note(split: TopupSplit | null): string {
    if (this._outcome === 'restored') return t('topup.result.restored')
    if (this._outcome === 'settled') return t('topup.result.settled')
    if (split && split.arrearsLeftFen > 0)
      return t('topup.result.stillOwed', { amount: formatFen(split.arrearsLeftFen) })
    return ''
  }

  private _actions(ok: boolean): TopupButton[] {
    const returnTo = topupReturnTo()
    const done: TopupButton = {
      ref: 'TopupDoneButton',
      label: t('topup.result.done'),
      onSelect: () => this._leave('home'),
    }
    if (ok && returnTo)
      return [
        { ref: 'TopupContinueButton', label: t('topup.result.continue'), onSelect: () => this._leave(returnTo) },
        done,
      ]
    const again: TopupButton = {
      ref: 'TopupAgainButton',
      label: t('topup.result.again'),
      onSelect: () =>
        Router.navigate(this._topup && this._topup.method === 'qr' ? 'topup/qr' : 'topup/card', {}, false),
    }
    return ok ? [done, again] : [again, done]
  }

  private _leave(route: string): void {
    setReturnTo(null)
    Router.navigate(route)
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override _getFocused() {
          return this.tag('Result.ResultButtons')
        }
      },
      class Failed extends this {
        override _getFocused() {
          return this.errorState
        }
      },
    ]
  }
}
