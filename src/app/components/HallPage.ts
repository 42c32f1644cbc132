/**
 * What every screen of the hall is built on: the page frame (header with where I am, title, household
 * and clock; the page's own content; the hint bar naming the keys that act), plus the loading
 * indicator and the error state `loadScreen` drives, so a page holds only what is its own.
 *
 *   static override _template() { return frame({ Details: {...} }) }
 *   render() { this.title = t('balance.title'); this.hints = [['ok', t('hint.select')]] }
 */
import { Lightning, Router } from '@lightningjs/sdk'
import ErrorState from './ErrorState.ts'
import HintBar, { type Hint } from './HintBar.ts'
import LoadingIndicator from './LoadingIndicator.ts'
import PageHeader from './PageHeader.ts'
import { crumbsOf } from '../lib/crumbs.ts'
import { t } from '../lib/i18n.ts'

export type { Hint } from './HintBar.ts'
export { CONTENT_TOP } from './PageHeader.ts'

export interface HallPageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

export type PageTemplate = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

/** The frame around a page's own parts: header first, the page's parts, then hint bar, error and loading above them. */
export function frame(content: Record<string, unknown>): PageTemplate {
  return {
    w: 1920,
    h: 1080,
    Header: { type: PageHeader },
    ...content,
    HintBar: { type: HintBar },
    ErrorState: { type: ErrorState, x: 960, mountX: 0.5, y: 300, visible: false },
    Loading: { type: LoadingIndicator, x: 660, y: 460 },
  }
}

export default class HallPage extends Lightning.Component<Lightning.Component.TemplateSpecLoose, HallPageTypeConfig> {
  private _backLabel = ''

  /** The screen's title in the header. */
  set title(v: string) {
    // The Router stores the route's path pattern on the page (typed as its Route object).
    const route: unknown = this[Router.symbols.route]
    this._header().crumbs = crumbsOf(typeof route === 'string' ? route : '')
    this._header().title = v
  }

  get title(): string {
    return this._header().title
  }

  /** The title in a warning colour (undefined: normal). */
  set titleColor(v: number | undefined) {
    this._header().titleColor = v
  }

  /** The keys that act on this screen besides Back, which the frame adds last (as `backLabel`, default "Back"). */
  set hints(v: Hint[]) {
    const bar = this.tag('HintBar') as HintBar
    bar.hints = v.concat([['back', this._backLabel || t('hint.back')]])
  }

  get hints(): Hint[] {
    return (this.tag('HintBar') as HintBar).hints
  }

  /** What Back does here when it is not "back one screen" (home: leave the hall). */
  set backLabel(v: string) {
    this._backLabel = v
  }

  private _header(): PageHeader {
    return this.tag('Header') as PageHeader
  }
}
