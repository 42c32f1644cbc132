/**
 * Plain-words notice on the home screen when the account needs attention: suspended for arrears,
 * in arrears, or low on balance; with a focusable "top up" action. Hidden for accounts in good standing.
 */
import { Lightning } from '@lightningjs/sdk'
import HallButton from './HallButton.ts'
import type { Account } from '../../contract/index.ts'
import { noticeKind, type NoticeKind } from '../lib/accountNotice.ts'
import { formatDate, formatFen } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

// As wide as the four home tiles (4 × 384 + 3 × 40), inside the title-safe area.
export const BANNER_W = 1656
export const BANNER_H = 120

export function bannerMessage(a: Account): string {
  const kind = noticeKind(a)
  if (kind === 'suspended') return t('banner.suspended', { amount: formatFen(a.arrearsFen) })
  if (kind === 'arrears') {
    return a.suspendOn
      ? t('banner.arrears', { amount: formatFen(a.arrearsFen), date: formatDate(a.suspendOn, currentLanguage()) })
      : t('banner.arrearsNoDate', { amount: formatFen(a.arrearsFen) })
  }
  // Low says against what: "low (¥0.00)" right after the arrears were paid off read as a contradiction.
  if (kind === 'low' && a.nextDeduction) {
    return t('banner.lowNext', {
      amount: formatFen(a.balanceFen),
      next: formatFen(a.nextDeduction.amountFen),
      date: formatDate(a.nextDeduction.date, currentLanguage()),
    })
  }
  if (kind === 'low') return t('banner.low', { amount: formatFen(a.balanceFen) })
  return ''
}

export interface AccountBannerSpec extends Lightning.Component.TemplateSpec {
  Body: object
  Mark: object
  BannerText: object
  BannerAction: typeof HallButton
}

export default class AccountBanner
  extends Lightning.Component<AccountBannerSpec>
  implements Lightning.Component.ImplementTemplateSpec<AccountBannerSpec>
{
  private _account: Account | null = null
  onAction: (() => void) | null = null

  static override _template(): Lightning.Component.Template<AccountBannerSpec> {
    return {
      w: BANNER_W,
      h: BANNER_H,
      visible: false,
      Body: {
        texture: Lightning.Tools.getRoundRect(BANNER_W, BANNER_H, 16, 0, 0, true, 0xffffffff),
        color: Colors.warningPanel,
      },
      Mark: {
        x: 36,
        y: BANNER_H / 2,
        mountY: 0.5,
        text: textPatch('!', { fontSize: 64, textColor: Colors.warning, fontStyle: 'bold' }),
      },
      BannerText: { x: 96, y: BANNER_H / 2, mountY: 0.5, text: textPatch('', { fontSize: FontSize.body }) },
      BannerAction: { type: HallButton, x: BANNER_W - 28, mountX: 1, y: 20, w: 260, h: 80, fixed: true },
    }
  }

  set account(v: Account | null) {
    this._account = v
    this.render()
  }

  get kind(): NoticeKind {
    return noticeKind(this._account)
  }

  render(): void {
    const a = this._account
    const kind = noticeKind(a)
    this.visible = kind !== null
    if (!a || kind === null) return
    this.tag('Body')!.color = kind === 'low' ? Colors.warningPanel : Colors.dangerPanel
    this.tag('BannerText')!.text = textPatch(insertZeroWidthSpaces(bannerMessage(a)), {
      fontSize: FontSize.body,
      wordWrapWidth: BANNER_W - 96 - 320,
      maxLines: 2,
      lineHeight: 44,
    })
    const button = this.tag('BannerAction')!
    button.title = t('banner.action')
    button.onEnter = () => {
      if (this.onAction) this.onAction()
      return true
    }
  }

  override _getFocused() {
    return this.tag('BannerAction')!
  }
}
