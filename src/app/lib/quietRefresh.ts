/**
 * A page's refresh while it is on screen (a ticket's progress moves on by itself): one timer, started
 * again after each answer, so a slow BOSS never gets a second ask before the first one came back.
 */
export class QuietRefresh {
  private _timer: ReturnType<typeof setTimeout> | null = null
  private readonly ms: number
  private readonly still: () => boolean

  /** Every `ms` after an answer, as long as `still` says the data can change. */
  constructor(ms: number, still: () => boolean) {
    this.ms = ms
    this.still = still
  }

  /** `refresh` runs in `ms` (unless the data can no longer change); an earlier schedule is dropped. */
  schedule(refresh: () => void): void {
    this.stop()
    if (!this.still()) return
    this._timer = setTimeout(() => {
      this._timer = null
      refresh()
    }, this.ms)
  }

  stop(): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = null
  }
}
