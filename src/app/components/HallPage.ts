/**
 * What every screen of the hall is built on, typed: the page frame (PageFrame.ts) and, for a page that
 * shows data, the data view's states (Loading, Ready, Empty, Failed) its loads drive, a quiet refresh
 * while on screen, and the viewer's place kept across Back:
 *
 *   interface BalanceSpec extends PageFrameSpec { Details: { BalanceValue: typeof MoneyText } }
 *   class BalancePage extends HallPage<BalanceSpec> {
 *     static override _template() { return frame<BalanceSpec>({ Details: {...} }) }
 *     _init() { this.showsData({ content: this.tag('Details')! }); this.loadOnVisit(() => this.load()) }
 *     load() { this.loadData(() => api().getAccount(), (account) => (this.render(), true)) }
 *   }
 */
import { Lightning } from '@lightningjs/sdk'
import type EmptyState from './EmptyState.ts'
import PageFrame, { type PageFrameSpec } from './PageFrame.ts'
import { QuietRefresh } from '../lib/quietRefresh.ts'
import { loadScreen, type ScreenLoadOptions } from '../lib/screenLoad.ts'

export type { Hint } from './HintBar.ts'
export { CONTENT_TOP } from './PageHeader.ts'
export { frame, type PageFrameSpec, type PageTemplate } from './PageFrame.ts'

/**
 * What a page's data fills, for the frame's states (`showsData`): `content` fades in when the data is
 * shown (dimmed while a reload runs behind it, hidden on failure; one part or several), `focus` takes
 * the remote then (the content itself when it is one component), `empty` says so when the answer holds nothing.
 */
export interface DataView {
  content: Lightning.Element | Lightning.Element[]
  focus?: () => Lightning.Component | undefined
  empty?: EmptyState
}

// The default spec lets `_states()` derive its states from `this` (a static side has no Spec to name).
export default class HallPage<Spec extends PageFrameSpec = PageFrameSpec> extends PageFrame<Spec> {
  /** The load whose answer the page waits for (0: none). */
  private _awaiting = 0
  private _visitLoad: (() => void) | null = null
  private _dataView: DataView | null = null
  /** Data was shown at least once: a reload dims it instead of hiding it. */
  private _dataShown = false
  private _refresh: QuietRefresh | null = null
  /** The load starting now is the quiet refresh's. */
  private _refreshing = false

  /**
   * The page shows data it loads with `load`: on the first visit, each time the Router brings the viewer
   * back to it (it answers with what the BOSS says now), and on the error state's Retry. Call from `_init`.
   */
  protected loadOnVisit(load: () => void): void {
    this._visitLoad = load
    this.errorState.onRetry = load
  }

  /** By default the page loads its data again on every visit (loadOnVisit). */
  protected override visit(first: boolean): void {
    void first
    if (this._visitLoad) this._visitLoad()
  }

  /**
   * The data moves on by itself (a ticket's progress): while the page is on screen, `ms` after each
   * answer it loads again quietly (no indicator; a failure keeps what is shown and tries again), as long
   * as `still` says the data can change. Call from `_init`, after `loadOnVisit`.
   */
  protected refreshWhileShown(ms: number, still: () => boolean = () => true): void {
    this._refresh = new QuietRefresh(ms, still)
  }

  private _scheduleRefresh(): void {
    if (this._refresh) this._refresh.schedule(() => this._refreshNow())
  }

  private _refreshNow(): void {
    if (!this.onScreen || !this._visitLoad) return
    this._refreshing = true
    this._visitLoad()
    this._refreshing = false
  }

  /** The page's data view for the frame's Loading, Ready, Empty and Failed states. Call from `_init`. */
  protected showsData(view: DataView): void {
    this._dataView = view
    this._fade(0, false)
  }

  /**
   * Loads the screen's data (newest answer only, the loading indicator after 300 ms, the error state
   * with Retry on failure; see lib/screenLoad.ts). When the viewer came back to this page with Back,
   * the focus returns to where it was once the data is shown. With a data view (`showsData`), `show`
   * answers whether there was anything to show (Ready or Empty); undefined leaves the state to the page.
   */
  protected loadData<T>(
    fetch: () => Promise<T>,
    show: (data: T, seq: number) => boolean | void,
    options: ScreenLoadOptions = {},
  ): number {
    const quiet = this._refreshing
    this._refreshing = false
    if (this._refresh) this._refresh.stop()
    const seq = loadScreen(
      this,
      fetch,
      (data, s) => {
        const shown = show(data, s)
        if (this._dataView && shown !== undefined) this._setState(shown ? 'Ready' : 'Empty')
        this._settled(s, true)
        this._scheduleRefresh()
      },
      {
        ...options,
        ...(quiet ? { quiet, loadingState: false } : {}),
        failed: (e) => {
          if (quiet && this._getState() === 'Ready') return (this._scheduleRefresh(), true)
          this._settled(seq, false)
          return options.failed ? options.failed(e) : false
        },
      },
    )
    this._awaiting = seq
    return seq
  }

  /** The newest load ended: shown, go back to the viewer's place if Back brought them here; failed, forget it. */
  private _settled(seq: number, shown: boolean): void {
    if (seq !== this._awaiting) return
    this._awaiting = 0
    if (shown) this.returnToPlace()
    else this.forgetPlace()
  }

  protected override get loadPending(): boolean {
    return this._awaiting !== 0
  }

  private _fade(alpha: number, smooth: boolean): void {
    const content = this._dataView ? this._dataView.content : []
    for (const part of Array.isArray(content) ? content : [content]) {
      if (smooth) part.setSmooth('alpha', alpha)
      else part.alpha = alpha
    }
  }

  private _showEmpty(v: boolean): void {
    const empty = this._dataView && this._dataView.empty
    if (empty) empty.visible = v
  }

  /**
   * The frame's states for a page with a data view; a page with other steps (forms, flows) names its own.
   * Failed hides the content and gives the focus to the error state's Retry, so the remote always has
   * something to press.
   */
  static override _states(): Lightning.Component.Constructor[] {
    return [
      class Loading extends this {
        override $enter() {
          this._showEmpty(false)
          this._fade(this._dataShown ? 0.4 : 0, true)
        }
      },
      class Ready extends this {
        override $enter() {
          this._dataShown = true
          this.errorState.visible = false
          this._showEmpty(false)
          this._fade(1, true)
        }
        override _getFocused() {
          const view = this._dataView
          if (!view) return undefined
          if (view.focus) return view.focus()
          return view.content instanceof Lightning.Component ? view.content : undefined
        }
      },
      class Empty extends this {
        override $enter() {
          this.errorState.visible = false
          this._fade(0, false)
          this._showEmpty(true)
        }
      },
      class Failed extends this {
        override $enter() {
          this._fade(0, false)
          this._showEmpty(false)
          this.errorState.visible = true
        }
        override _getFocused() {
          return this.errorState
        }
      },
    ]
  }
}
