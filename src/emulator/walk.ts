/**
 * The walk: one picture of every main screen, for reviewing a new theme or new text in one go. The app
 * lists its main screens in `window.__tvhall.screens` (from its router table), so new pages are walked
 * without touching the emulator. Screens are opened by deep-link hash, as a box's portal would.
 */
import { zipSync } from 'fflate'
import { captureTv, fingerprint, type Shot } from './screenshot.ts'

interface TvHallHooks {
  route?: string
  screens?: string[]
  loading?: number
  dialogOpen?: () => boolean
}

export function tvHooks(win: Window | null): TvHallHooks | undefined {
  return win ? (win as unknown as { __tvhall?: TvHallHooks }).__tvhall : undefined
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

/**
 * Settled: the route is reached, no loading indicator is running, and the picture has stopped moving
 * (page transitions, focus zoom). A screen that keeps animating is taken as it is after the time limit.
 */
export async function settle(win: Window, screen: string, timeoutMs = 12_000): Promise<boolean> {
  const until = Date.now() + timeoutMs
  const hooks = () => tvHooks(win) ?? {}
  await waitFor(() => hooks().route === screen, timeoutMs, `route ${screen}`)
  let last = ''
  let still = 0
  while (Date.now() < until) {
    await sleep(150)
    const busy = (hooks().loading ?? 0) > 0
    const now = await fingerprint(win).catch(() => '')
    still = !busy && now === last ? still + 1 : 0
    last = now
    if (still >= 2) return true
  }
  return false
}

export async function mainScreens(win: Window): Promise<string[]> {
  await waitFor(() => (tvHooks(win)?.screens?.length ?? 0) > 0, 20_000, 'the app to list its screens')
  return tvHooks(win)!.screens!.slice()
}

/** A dialog left up (e.g. the suspension notice at start-up) would cover every later screen: Back closes it. */
async function closeDialog(win: Window, back: () => void): Promise<void> {
  for (let tries = 0; tries < 3 && tvHooks(win)?.dialogOpen?.(); tries++) {
    back()
    await waitFor(() => !tvHooks(win)?.dialogOpen?.(), 2000, 'the dialog to close').catch(() => undefined)
  }
}

export async function walkScreens(
  win: Window,
  fileName: (screen: string) => string,
  onShot: (shot: Shot, index: number, total: number) => void,
  back: () => void,
): Promise<Shot[]> {
  const screens = await mainScreens(win)
  const shots: Shot[] = []
  for (const screen of screens) {
    const t0 = performance.now()
    await closeDialog(win, back)
    if (tvHooks(win)?.route !== screen) win.location.hash = `#${screen}`
    await settle(win, screen)
    console.debug(`[walk] ${screen} settled in ${Math.round(performance.now() - t0)} ms`)
    const shot = { screen, fileName: fileName(screen), dataUrl: await captureTv(win) }
    shots.push(shot)
    onShot(shot, shots.length, screens.length)
  }
  // Leave the TV where a viewer starts.
  if (screens.includes('home')) win.location.hash = '#home'
  return shots
}

function dataUrlBytes(dataUrl: string): Uint8Array {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

/** One zip of the walk's pictures; PNGs are compressed already, so they are stored as they are. */
export function zipShots(shots: readonly Shot[]): Blob {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {}
  for (const s of shots) files[s.fileName] = [dataUrlBytes(s.dataUrl), { level: 0 }]
  const zip = zipSync(files)
  return new Blob([zip.buffer as ArrayBuffer], { type: 'application/zip' })
}
