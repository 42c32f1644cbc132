/** The walk's button, progress and results: thumbnails to look at, each a download, plus one zip. */
import type { Shot } from './screenshot.ts'
import { walkScreens, zipShots } from './walk.ts'

function thumbnail(shot: Shot): HTMLElement {
  const a = document.createElement('a')
  a.className = 'walk-shot'
  a.href = shot.dataUrl
  a.download = shot.fileName
  a.dataset.screen = shot.screen
  a.title = shot.fileName
  const img = document.createElement('img')
  img.src = shot.dataUrl
  img.alt = shot.screen
  const caption = document.createElement('span')
  caption.textContent = shot.screen
  a.append(img, caption)
  return a
}

export function bindWalk(
  button: HTMLButtonElement,
  results: HTMLElement,
  status: HTMLElement,
  tv: () => Window | null,
  fileName: (screen: string) => string,
  back: () => void,
): void {
  let zipUrl = ''
  const walk = async () => {
    const win = tv()
    if (!win || button.disabled) return
    button.disabled = true
    results.replaceChildren()
    results.dataset.state = 'walking'
    status.textContent = 'walking…'
    try {
      const shots = await walkScreens(
        win,
        fileName,
        (shot, i, total) => {
          results.append(thumbnail(shot))
          status.textContent = `walk: ${i}/${total} ${shot.screen}`
        },
        back,
      )
      if (zipUrl) URL.revokeObjectURL(zipUrl)
      zipUrl = URL.createObjectURL(zipShots(shots))
      const zip = document.createElement('a')
      zip.className = 'walk-zip'
      zip.href = zipUrl
      zip.download = fileName('walk').replace(/\.png$/, '.zip')
      zip.textContent = `⬇ all ${shots.length} screens (.zip)`
      results.prepend(zip)
      results.dataset.state = 'done'
      status.textContent = `walk done: ${shots.length} screens`
    } catch (err) {
      results.dataset.state = 'failed'
      status.textContent = `walk failed: ${err instanceof Error ? err.message : String(err)}`
    } finally {
      button.disabled = false
    }
  }
  // walk() ends every way in the status line (its catch): nothing is left to reject.
  button.addEventListener('click', () => void walk())
}
