/**
 * Full-screen error for when the hall cannot start (no session, box not recognised, BOSS down).
 * Retry opens the session again and carries on; the screen is never left blank or dead.
 */
import type { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import { errorCode } from '../lib/api.ts'
import { t } from '../lib/i18n.ts'
import { enterHall, startSession } from '../lib/session.ts'

export default class ErrorPage extends HallPage<PageFrameSpec> {
  private _busy = false

  static override _template(): PageTemplate<PageFrameSpec> {
    return frame<PageFrameSpec>({})
  }

  override _init(): void {
    this.errorState.onRetry = () => this.retry()
    this.render()
  }

  /** `code`, or the Router's `request` (an object its types do not know of) when a route's data hook failed. */
  override _onUrlParams(params: Router.PageParams): void {
    const request: unknown = params.request
    const failed = typeof request === 'object' && request !== null && 'error' in request ? request.error : undefined
    this.errorState.code = params.code || (failed ? errorCode(failed) : undefined)
  }

  render(): void {
    this.hints = [['ok', t('hint.select')]]
    this.title = t('app.title')
    this.errorState.render()
  }

  retry(): void {
    if (this._busy) return
    this._busy = true
    const loading = this.loading
    loading.start()
    startSession()
      .then(() => enterHall())
      .catch((e: unknown) => {
        this.errorState.code = errorCode(e)
      })
      .finally(() => {
        this._busy = false
        loading.stop()
      })
  }

  override _getFocused() {
    return this.errorState
  }
}
