/**
 * How a page loads its screen's data, in one place so every screen keeps the same three promises:
 * - Only the newest answer is shown. Pages are kept alive, so a second visit, Retry or a refresh can ask
 *   again while an older request is still on its way; its late answer must not overwrite the screen.
 *   The count of loads lives here (per page), so later work of the same load can ask `isCurrentLoad`.
 * - The page's `Loading` indicator runs for the wait; it only appears after 300 ms itself, so quick
 *   answers do not flicker.
 * - A failure is never a blank screen: the page's `ErrorState` shows the code in plain words with Retry.
 * The page needs the refs `Loading` (LoadingIndicator) and `ErrorState`, and a `Failed` state.
 */
import type { Lightning } from '@lightningjs/sdk'
import type ErrorState from '../components/ErrorState.ts'
import type LoadingIndicator from '../components/LoadingIndicator.ts'
import { errorCode } from './api.ts'
import { taggedComponent, taggedElement } from './elements.ts'
import { usage } from './usageHall.ts'

export interface ScreenLoadOptions {
  /** The page's own reset before it asks (runs after the error is hidden, before the Loading state). */
  reset?: () => void
  /** Enter the `Loading` state while waiting (default); false: the page stays in its state. */
  loadingState?: boolean
  /** How the page enters `Loading`/`Failed` (default `_setState`), for pages that switch their parts themselves. */
  setState?: (state: 'Loading' | 'Failed') => void
  /** A refresh behind what is already shown: no indicator, and the error state is left as it is. */
  quiet?: boolean
  /** Sees a failure first: true when the page dealt with it (e.g. a quiet refresh keeps what is shown). */
  failed?: (e: unknown) => boolean
}

const loads = new WeakMap<object, number>()

/** A new load of the page: answers of earlier loads are stale from now on. */
export function newLoad(page: object): number {
  const seq = (loads.get(page) || 0) + 1
  loads.set(page, seq)
  return seq
}

/** The page's newest load (for later work that belongs to it). */
export function currentLoad(page: object): number {
  return loads.get(page) || 0
}

export function isCurrentLoad(page: object, seq: number): boolean {
  return currentLoad(page) === seq
}

/** Loads the screen's data and hands it to `show` unless a newer load started meanwhile; returns the load's number. */
/** What a page offers `loadScreen`: the frame's indicator and error state, and its states. */
export interface LoadingPage {
  readonly loading: LoadingIndicator
  readonly errorState: ErrorState
  _setState(state: string): void
}

export function loadScreen<T>(
  page: LoadingPage,
  fetch: () => Promise<T>,
  show: (data: T, seq: number) => void,
  options: ScreenLoadOptions = {},
): number {
  const seq = newLoad(page)
  const loading = page.loading
  const errorState = page.errorState
  const setState = options.setState || ((state: string) => page._setState(state))
  const quiet = !!options.quiet
  if (!quiet) errorState.visible = false
  if (options.reset) options.reset()
  if (options.loadingState !== false) setState('Loading')
  if (!quiet) loading.start()
  fetch()
    .then((data) => {
      if (!isCurrentLoad(page, seq)) return
      if (!quiet) loading.stop()
      show(data, seq)
    })
    .catch((e: unknown) => {
      if (!isCurrentLoad(page, seq)) return
      if (!quiet) loading.stop()
      if (options.failed && options.failed(e)) return
      const code = errorCode(e)
      errorState.code = code
      usage().error(code)
      setState('Failed')
    })
  return seq
}

/**
 * The `Failed` state `loadScreen` ends in, for `_states()`: the given parts fade out at once, the
 * ErrorState shows and takes the focus (its Retry), so the remote always has something to press.
 */
export function failedState<B extends Lightning.Component.Constructor>(Base: B, ...hide: string[]) {
  return class Failed extends Base {
    override $enter(): void {
      for (const ref of hide) {
        const part = taggedElement(this, ref)
        if (part) part.alpha = 0
      }
      const error = taggedElement(this, 'ErrorState')
      if (error) error.visible = true
    }
    override _getFocused(): Lightning.Component | undefined {
      return taggedComponent(this, 'ErrorState')
    }
  }
}
