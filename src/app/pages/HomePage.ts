/**
 * The hall's front page: who is watching, a plain-words notice when the account needs attention,
 * and the menu. The focused tile is remembered, so coming back (Back from any screen) lands where the
 * viewer left.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, {
  CONTENT_TOP,
  frame,
  type Hint,
  type PageFrameSpec,
  type PageTemplate,
} from '../components/HallPage.ts'
import type { Account } from '../../contract/index.ts'
import AccountBanner, { BANNER_H } from '../components/AccountBanner.ts'
import HomeMenu from '../components/HomeMenu.ts'
import { errorCode } from '../lib/api.ts'
import { api } from '../lib/backend.ts'
import { takeEarlyAccount } from '../lib/session.ts'
import { localized, offeredLanguages, t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { digitOfKey } from '../lib/keys.ts'
import { menuByDigit } from '../lib/menu.ts'
import { getMessages } from '../lib/messages.ts'
import { offerBootNotice } from '../lib/bootNotice.ts'
import { showToast } from '../lib/overlays.ts'
import { sdkSettings } from '../lib/sdk.ts'
import { takeTopupOutcome } from '../lib/topupMemory.ts'

const MENU_X = 130
const MENU_Y_PLAIN = CONTENT_TOP + 40
const MENU_Y_WITH_BANNER = CONTENT_TOP + BANNER_H + 40

interface HomeSpec extends PageFrameSpec {
  Banner: typeof AccountBanner
  HomeMenu: typeof HomeMenu
}

export default class HomePage extends HallPage<HomeSpec> {
  private _account: Account | null = null
  private _loadSeq = 0

  static override _template(): PageTemplate<HomeSpec> {
    return frame<HomeSpec>({
      Banner: { type: AccountBanner, x: MENU_X, y: CONTENT_TOP },
      HomeMenu: { type: HomeMenu, x: MENU_X, y: MENU_Y_PLAIN },
    })
  }

  private get _menu(): HomeMenu {
    return this.tag('HomeMenu')!
  }

  private get _banner(): AccountBanner {
    return this.tag('Banner')!
  }

  override _init(): void {
    this._banner.onAction = () => Router.navigate('topup')
    this.render()
    // Home's first frame draws its header (the household's name) and the banner; the menu's 8 tiles, 32 text
    // textures, come in the frame after. Drawn in one frame with them, the name waited for all 44 texts, ≈ 0.4 s at
    // CPU ×6 (bench boot profile, RESULTS.md issue 22). Digits open tiles in between, as the page handles them.
    this.stage.once('frameEnd', () => {
      this._menu.build((e) => Router.navigate(e.route))
      this._menu.render()
      if (this._getState() !== 'Banner') this._setState('Menu')
    })
    // Ask for the account while the page is still being built: the Router reports "mounted" only after the
    // first frame has drawn (and uploaded) every tile, about a second later on a slow box (bench boot profile).
    this._loadAccount()
  }

  /** First visit: the account is already on its way (see `_init`); back here (e.g. from the balance): it may have changed. */
  protected override visit(first: boolean): void {
    if (first) this._refreshMessages()
    else this.refresh()
  }

  refresh(): void {
    this._loadAccount()
    this._refreshMessages()
  }

  private _loadAccount(): void {
    const seq = ++this._loadSeq
    // The first home takes the account asked for with the log-in at start (fresh, from the BOSS).
    const asked = takeEarlyAccount() ?? api().getAccount()
    asked
      .then((account) => {
        if (seq !== this._loadSeq) return
        this._setAccount(account)
        // Once, after a top-up that paid the arrears: the viewer hears the good news where the bad one was.
        const outcome = takeTopupOutcome()
        if (outcome && account.arrearsFen === 0)
          showToast(t(outcome === 'restored' ? 'topup.result.restored' : 'topup.result.settled'))
      })
      .catch((e: unknown) => {
        // The menu works without the account: say so briefly and keep the viewer where they are.
        if (seq === this._loadSeq) showToast(t(errorMessageKey(errorCode(e))))
      })
  }

  /** The unread count on the messages tile, and on start the one notice worth a dialog. */
  private _refreshMessages(): void {
    getMessages()
      .then((list) => {
        this._menu.unread = list.unreadCount
        offerBootNotice(list, () => this._refreshMessages())
      })
      .catch(() => undefined) // the tile works without its count
  }

  private _setAccount(account: Account): void {
    this._account = account
    this._banner.account = account
    this._menu.y = this._banner.kind ? MENU_Y_WITH_BANNER : MENU_Y_PLAIN
    if (!this._banner.kind && this._getState() === 'Banner') this._setState('Menu')
  }

  /** Texts again, in the current language. */
  render(): void {
    this.title = localized(sdkSettings().get('app', 'operatorName', '')) + '  ·  ' + t('app.title')
    this.backLabel = t('hint.exit')
    this._banner.account = this._account
    const hints: Hint[] = [
      ['arrows', t('hint.choose')],
      ['ok', t('hint.select')],
      ['digits', t('hint.openTile')],
      ['red', t('hint.topup')],
    ]
    // The language hint only when the operator offers more than one language.
    if (offeredLanguages(sdkSettings().get('app', 'languages')).length > 1) hints.push(['blue', t('hint.language')])
    this.hints = hints
    this._menu.render()
  }

  /** Red key: straight to top-up, from anywhere on the home screen. */
  _handleRed(): boolean {
    Router.navigate('topup')
    return true
  }

  /** Digits open the numbered tiles directly: quicker for viewers who know where they want to go. */
  override _handleKey(e: KeyboardEvent): boolean {
    const d = digitOfKey(e)
    const entry = d === null ? undefined : menuByDigit(d)
    if (!entry) return false
    Router.navigate(entry.route)
    return true
  }

  static override _states() {
    return [
      class Menu extends this {
        override _getFocused() {
          return this._menu
        }
        override _handleUp(): boolean {
          if (this._banner.kind) this._setState('Banner')
          return true
        }
      },
      class Banner extends this {
        override _getFocused() {
          return this._banner
        }
        override _handleDown(): boolean {
          this._setState('Menu')
          return true
        }
      },
    ]
  }
}
