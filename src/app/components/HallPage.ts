/**
 * What every screen of the hall is built on, typed: the page frame (header with where I am, title,
 * household and clock; the page's own content; the hint bar naming the keys that act), the loading
 * indicator and error state its `load` drives, and the viewer's place kept across Back. A page names
 * its own parts in a TemplateSpec that extends `PageFrameSpec`, so `tag()`/`getByRef()` are typed:
 *
 *   interface BalanceSpec extends PageFrameSpec { Details: { BalanceValue: typeof MoneyText } }
 *   class BalancePage extends HallPage<BalanceSpec> {
 *     static override _template() { return frame<BalanceSpec>({ Details: {...} }) }
 *     render() { this.title = t('balance.title'); this.hints = [['ok', t('hint.select')]] }
 *   }
 */
import { Lightning, Router } from '@lightningjs/sdk'
import type EmptyState from './EmptyState.ts'
import ErrorState from './ErrorState.ts'
import HintBar, { type Hint } from './HintBar.ts'
import LoadingIndicator from './LoadingIndicator.ts'
import PageHeader from './PageHeader.ts'
import { crumbsOf } from '../lib/crumbs.ts'
import type { ListPosition } from '../lib/listPosition.ts'
import { t } from '../lib/i18n.ts'
import { placeOf, restorePlace, type Place } from '../lib/place.ts'
import { loadScreen, type ScreenLoadOptions } from '../lib/screenLoad.ts'

export type { Hint } from './HintBar.ts'
export { CONTENT_TOP } from './PageHeader.ts'

export interface HallPageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** The parts every page has besides its own. */
export interface PageFrameSpec extends Lightning.Component.TemplateSpec {
  Header: typeof PageHeader
  HintBar: typeof HintBar
  ErrorState: typeof ErrorState
  Loading: typeof LoadingIndicator
}

/** A page not yet typed: its own parts are looked up loosely (`tag()` answers `any`). */
export interface LoosePageSpec extends PageFrameSpec, Lightning.Component.TemplateSpecLoose {}

/** What a page's `_template()` returns: its own parts inside the frame. */
export type PageTemplate<Spec extends PageFrameSpec = LoosePageSpec> = Lightning.Component.Template<Spec>

/** The frame around a page's own parts: header first, the page's parts, then hint bar, error and loading above them. */
export function frame<Spec extends PageFrameSpec = LoosePageSpec>(
  content: PageTemplate<NoInfer<Spec>>,
): PageTemplate<Spec> {
  const top: PageTemplate<PageFrameSpec> = {
    HintBar: { type: HintBar },
    ErrorState: { type: ErrorState, x: 960, mountX: 0.5, y: 300, visible: false },
    Loading: { type: LoadingIndicator, x: 660, y: 460 },
  }
  return Object.assign({ w: 1920, h: 1080, Header: { type: PageHeader } }, content, top)
}

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

/** History state the Router keeps for a page while the viewer is on a screen opened from it. */
interface PageHistory extends Record<string, unknown> {
  place?: Place
}

export default class HallPage<Spec extends PageFrameSpec = LoosePageSpec>
  extends Lightning.Component<Spec, HallPageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<PageFrameSpec>
{
  private _backLabel = ''
  /** The load whose answer the page waits for (0: none). */
  private _awaiting = 0
  private _returnTo: Place | null = null
  private _visitLoad: (() => void) | null = null
  private _dataView: DataView | null = null
  /** Data was shown at least once: a reload dims it instead of hiding it. */
  private _dataShown = false

  get header(): PageHeader {
    const part = this.childList.getByRef('Header')
    if (!(part instanceof PageHeader)) throw new Error('page frame without a header')
    return part
  }

  get hintBar(): HintBar {
    const part = this.childList.getByRef('HintBar')
    if (!(part instanceof HintBar)) throw new Error('page frame without a hint bar')
    return part
  }

  get errorState(): ErrorState {
    const part = this.childList.getByRef('ErrorState')
    if (!(part instanceof ErrorState)) throw new Error('page frame without an error state')
    return part
  }

  get loading(): LoadingIndicator {
    const part = this.childList.getByRef('Loading')
    if (!(part instanceof LoadingIndicator)) throw new Error('page frame without a loading indicator')
    return part
  }

  /** The route pattern this page serves ('' before the Router mounted it). */
  protected get routePath(): string {
    // The Router stores the route's path pattern on the page (typed as its Route object).
    const route: unknown = this[Router.symbols.route]
    return typeof route === 'string' ? route : ''
  }

  /** The screen's title in the header. */
  set title(v: string) {
    this.header.title = v
  }

  get title(): string {
    return this.header.title
  }

  /** The title in a warning colour (undefined: normal). */
  set titleColor(v: number | undefined) {
    this.header.titleColor = v
  }

  /** The keys that act on this screen besides Back, which the frame adds last (as `backLabel`, default "Back"). */
  set hints(v: Hint[]) {
    this.hintBar.hints = v.concat([['back', this._backLabel || t('hint.back')]])
  }

  get hints(): Hint[] {
    return this.hintBar.hints
  }

  /** A list of this page took, moved or lost the focus (components/HallColumn.ts). */
  showListPosition(position: ListPosition | null): void {
    this.hintBar.position = position
  }

  /** What Back does here when it is not "back one screen" (home: leave the hall). */
  set backLabel(v: string) {
    this._backLabel = v
  }

  /**
   * The page shows data it loads with `load`: on the first visit, each time the Router brings the viewer
   * back to it (it answers with what the BOSS says now), and on the error state's Retry. Call from `_init`.
   */
  protected loadOnVisit(load: () => void): void {
    this._visitLoad = load
    this.errorState.onRetry = load
  }

  /**
   * The Router shows this page: `first` on its first visit (or after the Router made it anew), else the
   * viewer came back or opened it again. By default the page loads its data again (loadOnVisit).
   */
  protected visit(first: boolean): void {
    void first
    if (this._visitLoad) this._visitLoad()
  }

  // The Router gives the page its route only after `_init` ran, so where I am is set here, before any
  // load can fail (a page whose first load failed kept empty crumbs).
  override _onMounted(): void {
    this.header.crumbs = crumbsOf(this.routePath)
    this.visit(true)
  }

  override _onChanged(): void {
    this.header.crumbs = crumbsOf(this.routePath)
    this.visit(false)
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
    const seq = loadScreen(
      this,
      fetch,
      (data, s) => {
        const shown = show(data, s)
        if (this._dataView && shown !== undefined) this._setState(shown ? 'Ready' : 'Empty')
        this._settled(s, true)
      },
      {
        ...options,
        failed: (e) => {
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
    if (shown) this._returnToPlace()
    else this._returnTo = null
  }

  /**
   * Router: without an argument, the state kept in history when the viewer leaves for another screen
   * (where the focus is); with one, the viewer came back with Back: return to that place, at once or
   * after the reload the page started on its way back.
   */
  override historyState(state?: PageHistory): PageHistory {
    if (state === undefined) return { place: placeOf(this, this.application) }
    this._returnTo = state.place || null
    if (!this._awaiting) this._returnToPlace()
    return state
  }

  private _returnToPlace(): void {
    const place = this._returnTo
    this._returnTo = null
    if (place) restorePlace(this, place)
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
          this._fade(0, false)
          this._showEmpty(true)
        }
      },
      class Failed extends this {
        override $enter() {
          this._fade(0, false)
          this.errorState.visible = true
        }
        override _getFocused() {
          return this.errorState
        }
      },
    ]
  }
}
