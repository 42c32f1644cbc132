/**
 * What the hall reads and writes on `window` beyond the DOM, declared once: the box middleware's identity
 * bridge, the Lightning inspector's hook from index.html, and the hooks end-to-end tests read.
 */
import type { PlatformBridge } from './device.ts'
import type { ScreenScan } from './screenScan.ts'

/**
 * `window.__tvhall = { route, focusedRef, … }` lets end-to-end tests wait for a screen without reading
 * pixels. Short strings and functions: harmless on a box.
 */
export interface TvHallHooks {
  route?: string
  focusedRef?: string
  language?: string
  /** Main screens (routes without parameters), so the emulator's walk picks up new pages unedited. */
  screens?: string[]
  /** Loading indicators started and not yet stopped: the screen is still filling in. */
  loading?: number
  /** One more frame drawn: WebGL keeps no picture between frames, so the emulator's screenshot asks for one. */
  redraw?: () => void
  /** The focused leaf and the visible texts with their boxes, for the remote crawler. */
  scan?: () => ScreenScan
  /** Whether a dialog is up: the emulator's walk closes one (as a viewer would) before the next screen. */
  dialogOpen?: () => boolean
  /** The address in the QR code on screen, so a test opens the pay page without decoding pixels. */
  qrPayUrl?: string
}

declare global {
  interface Window {
    __tvhall?: TvHallHooks
    /** Set by a box's middleware that knows the smart card (lib/device.ts). */
    tvHallPlatform?: PlatformBridge
    /** Set by index.html when ?inspector=1 loaded the Lightning inspector. */
    attachInspector?: (lightning: unknown) => void
  }
}

/** `window.__tvhall`, made on first use. */
export function tvHallHooks(): TvHallHooks {
  if (!window.__tvhall) window.__tvhall = {}
  return window.__tvhall
}
