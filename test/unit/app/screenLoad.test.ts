import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/app/lib/api.ts'
import { currentLoad, isCurrentLoad, loadScreen, newLoad, type LoadingPage } from '../../../src/app/lib/screenLoad.ts'

// The app's ApiError is a plain value (no stack to carry across the STB's slow engine), rejected as the app rejects it.
// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
const rejectWith = (error: ApiError): Promise<never> => Promise.reject(error)

/** A page with just what loadScreen touches: the frame's indicator and error state and the state switch, all recorded. */
function fakePage() {
  const log: string[] = []
  const errorState = {
    _visible: true,
    set visible(v: boolean) {
      this._visible = v
      log.push('error ' + (v ? 'shown' : 'hidden'))
    },
    set code(c: string) {
      log.push('code ' + c)
    },
  }
  const loading = { start: () => log.push('start'), stop: () => log.push('stop') }
  const page = {
    loading,
    errorState,
    _setState: (s: string) => log.push('state ' + s),
  }
  return { page: page as unknown as LoadingPage, log }
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('loadScreen', () => {
  it('hides the error, enters Loading, runs the indicator and hands the answer over', async () => {
    const { page, log } = fakePage()
    const shown: unknown[] = []
    const seq = loadScreen(
      page,
      () => Promise.resolve(42),
      (v, s) => shown.push([v, s]),
      { reset: () => log.push('reset') },
    )
    expect(log).toEqual(['error hidden', 'reset', 'state Loading', 'start'])
    await settle()
    expect(log.slice(4)).toEqual(['stop'])
    expect(shown).toEqual([[42, seq]])
    expect(isCurrentLoad(page, seq)).toBe(true)
  })

  it('drops an older answer once a newer load started', async () => {
    const { page } = fakePage()
    const first = deferred<string>()
    const shown: string[] = []
    const seq1 = loadScreen(
      page,
      () => first.promise,
      (v) => shown.push(v),
    )
    const seq2 = loadScreen(
      page,
      () => Promise.resolve('new'),
      (v) => shown.push(v),
    )
    first.resolve('old')
    await settle()
    expect(shown).toEqual(['new'])
    expect(isCurrentLoad(page, seq1)).toBe(false)
    expect(currentLoad(page)).toBe(seq2)
    newLoad(page)
    expect(isCurrentLoad(page, seq2)).toBe(false)
  })

  it('turns a failure into the error state, unless the page deals with it', async () => {
    const { page, log } = fakePage()
    loadScreen(
      page,
      () => rejectWith(new ApiError('NETWORK', 'down')),
      () => log.push('show'),
    )
    await settle()
    expect(log.slice(-3)).toEqual(['stop', 'code NETWORK', 'state Failed'])

    const quiet = fakePage()
    loadScreen(
      quiet.page,
      () => rejectWith(new ApiError('NETWORK', 'down')),
      () => quiet.log.push('show'),
      { quiet: true, loadingState: false, failed: () => true },
    )
    await settle()
    expect(quiet.log).toEqual([])
  })

  it('lets a page switch its own parts', async () => {
    const { page, log } = fakePage()
    const states: string[] = []
    loadScreen(
      page,
      () => rejectWith(new ApiError('NETWORK', 'down')),
      () => undefined,
      { setState: (s) => states.push(s) },
    )
    await settle()
    expect(states).toEqual(['Loading', 'Failed'])
    expect(log.some((l) => l.startsWith('state'))).toBe(false)
  })
})
