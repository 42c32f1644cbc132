/**
 * The "sending" step of every screen that sends something a second press must not repeat (an order, a
 * top-up, a fault report, a complaint): sent once however often OK is pressed while it is on its way, a
 * pending sign for the wait, and only the answer of the newest send shown (leaving or starting over drops
 * it). The OKs of the burst that sent are dropped before any screen sees them (okBurst.ts: the API notes
 * every send); this guards a slow answer against an OK after a pause, and the answer against a screen left.
 */
import type { Lightning } from '@lightningjs/sdk'
import { errorCode } from './api.ts'
import { t } from './i18n.ts'
import { errorMessageKey } from './i18nKeys.ts'
import { showToast } from './overlays.ts'

/** What the viewer sees while the answer is on its way: the page's loading indicator, or a pending result. */
export interface Pending {
  start(): void
  stop(): void
}

export class SendStep {
  private _seq = 0
  private _busy = false
  private readonly _owner: { readonly loading: Pending }

  /** `owner.loading` is looked up at each send (a page's parts are there only once it is built). */
  constructor(owner: { readonly loading: Pending }) {
    this._owner = owner
  }

  /** A send is on its way. */
  get busy(): boolean {
    return this._busy
  }

  /**
   * Sends unless a send is on its way (false then), and hands its answer to `done` or its failure to `failed`,
   * unless dropped meanwhile. `stillWanted` tells a long wait (an order's 202) whether anyone still wants it.
   */
  send<T>(
    call: (stillWanted: () => boolean) => Promise<T>,
    done: (answer: T) => void,
    failed: (e: unknown) => void,
  ): boolean {
    if (this._busy) return false
    const seq = ++this._seq
    const wanted = () => seq === this._seq
    const pending = this._owner.loading
    this._busy = true
    pending.start()
    const settled = () => wanted() && ((this._busy = false), pending.stop(), true)
    call(wanted).then(
      (answer) => settled() && done(answer),
      (e: unknown) => settled() && failed(e),
    )
    return true
  }

  /** The viewer left or started over: an answer still on its way is not shown, and OK sends again. */
  drop(): void {
    this._seq++
    if (this._busy) this._owner.loading.stop()
    this._busy = false
  }
}

/** A send refused or lost, said in a toast (the form stays, its key kept, so OK again is the same send). */
export function toastFailure(e: unknown): void {
  showToast(t(errorMessageKey(errorCode(e))))
}

/** For `_states()`: while a page's send is on its way no key acts, so its form cannot change under the send. */
export function sendingState<B extends Lightning.Component.Constructor>(Base: B) {
  return class Sending extends Base {
    override _handleKey(): boolean {
      return true
    }
  }
}
