/**
 * The emulator page (static/emulator.html → dist/js/emulator.js): the TV app in a frame, a remote, the
 * switches, screenshots and the walk. A desktop tool only: nothing in src/app imports it.
 */
import { scenarioList } from '../../mocks/scenarios.ts'
import { bindControls } from './controls.ts'
import { buildFrame } from './frame.ts'
import { renderProblem, watchTvStart } from './health.ts'
import { buildRemote } from './remote.ts'
import { captureTv, download } from './screenshot.ts'
import { loadSettings, saveSettings, shotName, tvAppUrl, type EmulatorSettings } from './settings.ts'
import { liveSubscribers, mockSubscribers } from './subscribers.ts'
import { bindWalk } from './walkPanel.ts'
import { tvHooks } from './walk.ts'

interface AppSettingsFile {
  appSettings?: { keys?: Record<string, string>; languages?: string[] }
}

async function main(): Promise<void> {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
  const file = (await (await fetch('settings.json')).json()) as AppSettingsFile
  const app = file.appSettings ?? {}

  const frame = buildFrame($('screen'))
  const live = liveSubscribers(window.location.search)
  let settings: EmulatorSettings = loadSettings(window.location.search)
  const problem = $('tv-problem')
  let stopWatch = () => {}
  let watched = ''
  const watch = () => {
    stopWatch()
    watched = tvAppUrl(settings)
    stopWatch = watchTvStart(watched, frame.window, (p) => renderProblem(problem, p))
  }
  const apply = (next: EmulatorSettings) => {
    settings = next
    saveSettings(settings)
    frame.load(tvAppUrl(settings), settings)
    $('tv-url').textContent = new URL(tvAppUrl(settings), window.location.href).href
    $('safe-legend').hidden = !settings.safe
    // Only a new address restarts the app (switching the overlay alone does not).
    if (watched !== tvAppUrl(settings)) watch()
  }
  apply(
    bindControls(
      document.body,
      {
        scenarios: scenarioList,
        languages: app.languages ?? ['zh-CN', 'en'],
        subscribers: (source) => (source === 'live' ? live : mockSubscribers()),
      },
      settings,
      apply,
    ),
  )

  const remote = buildRemote($('remote'), $('key-log'), frame.window, app.keys ?? {})

  $('reload').addEventListener('click', () => {
    frame.restart()
    watch()
  })
  const screenshot = async () => {
    const win = frame.window()
    if (!win) return
    const screen = tvHooks(win)?.route || 'tv'
    try {
      download(shotName(settings, screen), await captureTv(win))
    } catch (err) {
      $('status').textContent = String(err instanceof Error ? err.message : err)
    }
  }
  // A failed capture is shown in the status line (the catch above): nothing is left to reject.
  $('screenshot').addEventListener('click', () => void screenshot())
  bindWalk(
    $('walk'),
    $('walk-results'),
    $('status'),
    frame.window,
    (screen) => shotName(settings, screen),
    () => remote.press('Back', 'walk'),
  )
}

main().catch((err) => {
  const detail = err instanceof Error ? err.message : String(err)
  document.getElementById('status')!.textContent = `emulator failed to start: ${detail}`
  const host = document.getElementById('tv-problem')
  if (host) renderProblem(host, { kind: 'emulator', detail })
})
