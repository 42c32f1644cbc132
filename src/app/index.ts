/**
 * Entry of the TV bundle: index.html calls the exported function with settings.json, as the
 * Lightning CLI's startApp does, and gets the Application back to attach its canvas.
 */
import { Launch, Lightning, type PlatformSettings } from '@lightningjs/sdk'
import App from './App.ts'
import { applyLook, setFontStack } from './lib/theme.ts'
import { applyUiTheme } from './lib/uiTheme.ts'
import { loadPrefs } from './lib/viewerPrefs.ts'
import { exposeRedraw } from './lib/testHooks.ts'
import { openSessionEarly } from './lib/session.ts'

type AnySettings = Record<string, any>

export default function start(appSettings: AnySettings, platformSettings: AnySettings, appData?: unknown) {
  setFontStack(appSettings.fontFamily)
  // Large text and high contrast are chosen on the settings screen and remembered on the box.
  applyLook(loadPrefs())
  applyUiTheme()
  const w = window as unknown as { attachInspector?: (lng: unknown) => void }
  // The inspector (loaded by index.html on ?inspector=1) mirrors the canvas into DOM for tests; it must patch core before the stage exists.
  if (platformSettings.inspector && typeof w.attachInspector === 'function') w.attachInspector(Lightning)
  const application = Launch(
    App,
    appSettings as Lightning.Application.Options,
    platformSettings as PlatformSettings,
    appData as Record<string, unknown>,
  )
  // The log-in goes out as soon as Launch has read the settings (bffUrl, the box's identity): the SDK builds the App
  // only after translations.json has come, and the stage's first frames keep the main thread busy for a second or
  // more on a slow box (bench boot profile, RESULTS.md issue 22), so starting it in App._setup cost that much.
  openSessionEarly()
  exposeRedraw(() => application.stage.forceRenderUpdate())
  return application
}
