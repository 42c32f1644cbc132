/**
 * The TV: a same-origin iframe at the stage's own size (1280×720 or 1920×1080 CSS pixels, as on a box),
 * scaled as one piece to fit the window, with the safe-area guides drawn over it.
 */
import type { EmulatorSettings } from './settings.ts'

/** Broadcast safe areas, as a share of each edge: action-safe 3.5 %, title-safe 5 %. */
export const ACTION_SAFE = 0.035
export const TITLE_SAFE = 0.05

export interface TvFrame {
  iframe: HTMLIFrameElement
  load(url: string, s: EmulatorSettings): void
  /** Restarts the app where it is (its own address: language switched in it, screen); from scratch after a failed load. */
  restart(): void
  /** A property, not a method: the remote, the walk and the health watch each hold on to it. */
  window: () => Window | null
}

export function stageSize(s: EmulatorSettings): { w: number; h: number } {
  return s.res === '1080' ? { w: 1920, h: 1080 } : { w: 1280, h: 720 }
}

/** The guide's name is in the legend under the TV (#safe-legend): a label drawn on the picture covered the header. */
function safeArea(className: string, inset: number): HTMLElement {
  const el = document.createElement('div')
  el.className = `safe-area ${className}`
  el.style.inset = `${inset * 100}%`
  return el
}

export function buildFrame(screen: HTMLElement): TvFrame {
  const stage = document.createElement('div')
  stage.className = 'tv-stage'
  const iframe = document.createElement('iframe')
  iframe.id = 'tv'
  iframe.title = 'TV'
  // The TV is not a touch screen: the page keeps keyboard focus, so every key goes through the remote and its log.
  iframe.tabIndex = -1
  const overlay = document.createElement('div')
  overlay.className = 'safe-overlay'
  overlay.append(safeArea('action-safe', ACTION_SAFE), safeArea('title-safe', TITLE_SAFE))
  stage.append(iframe, overlay)
  // Under the problem message (already in the screen), so a failure to start stays readable.
  screen.prepend(stage)

  let size = { w: 1280, h: 720 }
  const fit = () => {
    const scale = Math.min(screen.clientWidth / size.w, screen.clientHeight / size.h)
    stage.style.width = `${size.w}px`
    stage.style.height = `${size.h}px`
    stage.style.transform = `translate(-50%, -50%) scale(${scale})`
  }
  new ResizeObserver(fit).observe(screen)

  return {
    iframe,
    load(url, s) {
      size = stageSize(s)
      overlay.hidden = !s.safe
      fit()
      // A new address only: switching the overlay alone must not restart the app.
      if (iframe.getAttribute('src') !== url) iframe.src = url
    },
    restart() {
      try {
        iframe.contentWindow!.location.reload()
      } catch {
        // A load that failed leaves the browser's error page, another origin: load the address again.
        iframe.src = iframe.getAttribute('src') ?? ''
      }
    },
    window: () => iframe.contentWindow,
  }
}
