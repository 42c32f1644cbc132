import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { delayed } from '../../../src/app/lib/delayed.ts'

describe('delayed loading indicator', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('does not flicker for answers under 300 ms', () => {
    const show = vi.fn()
    const hide = vi.fn()
    const d = delayed(show, hide)
    d.start()
    vi.advanceTimersByTime(299)
    d.stop()
    vi.advanceTimersByTime(1000)
    expect(show).not.toHaveBeenCalled()
    expect(hide).not.toHaveBeenCalled()
  })

  it('shows after 300 ms and hides when the wait ends', () => {
    const show = vi.fn()
    const hide = vi.fn()
    const d = delayed(show, hide)
    d.start()
    vi.advanceTimersByTime(300)
    expect(show).toHaveBeenCalledTimes(1)
    expect(d.shown).toBe(true)
    d.start()
    vi.advanceTimersByTime(1000)
    expect(show).toHaveBeenCalledTimes(1)
    d.stop()
    expect(hide).toHaveBeenCalledTimes(1)
    expect(d.shown).toBe(false)
  })
})
