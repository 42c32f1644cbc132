/**
 * Shows something only if a wait lasts longer than `delayMs`: a spinner that flashes for 50 ms is
 * worse than none. `start()` arms it, `stop()` disarms it and hides what was shown.
 */
export interface Delayed {
  start(): void
  stop(): void
  readonly shown: boolean
}

export function delayed(onShow: () => void, onHide: () => void, delayMs = 300): Delayed {
  let timer: ReturnType<typeof setTimeout> | null = null
  let shown = false
  return {
    start() {
      if (timer !== null || shown) return
      timer = setTimeout(() => {
        timer = null
        shown = true
        onShow()
      }, delayMs)
    },
    stop() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      if (shown) {
        shown = false
        onHide()
      }
    },
    get shown() {
      return shown
    },
  }
}
