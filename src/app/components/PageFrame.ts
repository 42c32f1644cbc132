/**
 * The page frame every screen of the hall stands in, typed: header (where I am, title, household and
 * clock), the page's own content, the hint bar naming the keys that act, and the error state and loading
 * indicator above them. A page names its own parts in a TemplateSpec that extends `PageFrameSpec`, so
 * `tag()`/`getByRef()` are typed. Pages extend HallPage, which adds the data view's states to the frame.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import ErrorState from './ErrorState.ts'
import HintBar, { type Hint } from './HintBar.ts'
import LoadingIndicator from './LoadingIndicator.ts'
import PageHeader from './PageHeader.ts'
import { crumbsOf } from '../lib/crumbs.ts'
import type { ListPosition } from '../lib/listPosition.ts'
import { t } from '../lib/i18n.ts'
import { placeOf, restorePlace, type Place } from '../lib/place.ts'

interface HallPageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** The parts every page has besides its own. */
export interface PageFrameSpec extends Lightning.Component.TemplateSpec {
  Header: typeof PageHeader
  HintBar: typeof HintBar
  ErrorState: typeof ErrorState
  Loading: typeof LoadingIndicator
}

/** What a page's `_template()` returns: its own parts inside the frame. */
export type PageTemplate<Spec extends PageFrameSpec> = Lightning.Component.Template<Spec>

/** The frame around a page's own parts: header first, the page's parts, then hint bar, error and loading above them. */
export function frame<Spec extends PageFrameSpec>(content: PageTemplate<NoInfer<Spec>>): PageTemplate<Spec> {
  const top: PageTemplate<PageFrameSpec> = {
    HintBar: { type: HintBar },
    ErrorState: { type: ErrorState, x: 960, mountX: 0.5, y: 300, visible: false },
    Loading: { type: LoadingIndicator, x: 660, y: 460 },
  }
  return Object.assign({ w: 1920, h: 1080, Header: { type: PageHeader } }, content, top)
}

/** History state the Router keeps for a page while the viewer is on a screen opened from it. */
interface PageHistory extends Record<string, unknown> {
  place?: Place
}

export default class PageFrame<Spec extends PageFrameSpec>
  extends Lightning.Component<Spec, HallPageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<PageFrameSpec>
{
  private _backLabel = ''
  private _returnTo: Place | null = null

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

  /** The Router shows this page now (not behind another screen or a dialog page). */
  protected get onScreen(): boolean {
    const active: unknown = Router.getActivePage()
    return active === this
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
   * The Router shows this page: `first` on its first visit (or after the Router made it anew), else the
   * viewer came back or opened it again.
   */
  protected visit(first: boolean): void {
    void first
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

  /** A load runs whose answer the viewer's place waits for (HallPage). */
  protected get loadPending(): boolean {
    return false
  }

  /**
   * Router: without an argument, the state kept in history when the viewer leaves for another screen
   * (where the focus is); with one, the viewer came back with Back: return to that place, at once or
   * once the reload the page started on its way back is shown (`returnToPlace`).
   */
  override historyState(state?: PageHistory): PageHistory {
    if (state === undefined) return { place: placeOf(this, this.application) }
    this._returnTo = state.place || null
    if (!this.loadPending) this.returnToPlace()
    return state
  }

  protected returnToPlace(): void {
    const place = this._returnTo
    this._returnTo = null
    if (place) restorePlace(this, place)
  }

  /** The reload failed: the place is gone with what was shown. */
  protected forgetPlace(): void {
    this._returnTo = null
  }
}
