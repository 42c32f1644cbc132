/**
 * Pictures of the TV. Lightning's WebGL context is made without preserveDrawingBuffer, so the canvas
 * can only be read in the frame it was drawn in, and Lightning draws only when something changed. So the
 * emulator asks the app for one more frame (`__tvhall.redraw`, the stage's forceRenderUpdate) and reads
 * the canvas in a requestAnimationFrame callback inside the iframe: it is queued after Lightning's own
 * frame callback, so it runs right after the drawing, before the buffer is presented and cleared.
 * Checked in headless Chromium with SwiftShader WebGL; a canvas-2D stage keeps its picture anyway.
 */
export interface Shot {
  screen: string
  fileName: string
  dataUrl: string
}

function tvCanvas(win: Window): HTMLCanvasElement | null {
  return win.document.querySelector('canvas')
}

/** Runs `read` on the TV canvas right after a freshly drawn frame (see above). */
function afterFrame<T>(win: Window, read: (canvas: HTMLCanvasElement) => T): Promise<T> {
  const canvas = tvCanvas(win)
  if (!canvas) return Promise.reject(new Error('the TV has no canvas yet'))
  const redraw = (win as unknown as { __tvhall?: { redraw?: () => void } }).__tvhall?.redraw
  if (redraw) redraw()
  return new Promise((resolve, reject) =>
    win.requestAnimationFrame(() => {
      try {
        resolve(read(canvas))
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)))
      }
    }),
  )
}

function sample(canvas: HTMLCanvasElement, w: number, h: number): Uint8ClampedArray {
  const probe = document.createElement('canvas')
  probe.width = w
  probe.height = h
  const ctx = probe.getContext('2d', { willReadFrequently: true })!
  ctx.drawImage(canvas, 0, 0, w, h)
  return ctx.getImageData(0, 0, w, h).data
}

/** True when every sampled pixel is fully transparent: what a cleared WebGL buffer reads as. */
function isBlank(canvas: HTMLCanvasElement): boolean {
  const data = sample(canvas, 64, 36)
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false
  return true
}

/** PNG data URL of what the TV shows now, at stage resolution. */
export async function captureTv(win: Window): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const url = await afterFrame(win, (canvas) => (isBlank(canvas) ? null : canvas.toDataURL('image/png')))
    if (url) return url
  }
  throw new Error('the TV canvas reads blank (WebGL buffer already cleared)')
}

/** A small grey-scale fingerprint of the TV, to tell when the picture stops moving. */
export function fingerprint(win: Window): Promise<string> {
  return afterFrame(win, (canvas) => {
    const data = sample(canvas, 48, 27)
    let out = ''
    for (let i = 0; i < data.length; i += 4)
      out += String.fromCharCode(65 + ((data[i] + data[i + 1] + data[i + 2]) >> 5))
    return out
  })
}

/** Offers a data URL as a file download. */
export function download(fileName: string, href: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
}
