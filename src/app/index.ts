/**
 * Entry of the TV bundle: index.html calls the exported function with settings.json, as the
 * Lightning CLI's startApp does, and gets the Application back to attach its canvas.
 */
import { Launch, Lightning, type AppData, type PlatformSettings } from '@lightningjs/sdk'
import App from './App.ts'
import { applyLook, setFontStack } from './lib/theme.ts'
import { applyUiTheme } from './lib/uiTheme.ts'
import { loadPrefs } from './lib/viewerPrefs.ts'
import { exposeRedraw } from './lib/testHooks.ts'
import { openSessionEarly } from './lib/session.ts'

import './lib/hostWindow.ts'

/** settings.json's app half as index.html hands it over (the SDK fills in what it leaves out), with the hall's font stack. */
type AppSettings = Lightning.Application.Options & { fontFamily?: string }

export default function start(appSettings: AppSettings, platformSettings: PlatformSettings, appData?: AppData) {
  setFontStack(appSettings.fontFamily)
  // Large text and high contrast are chosen on the settings screen and remembered on the box.
  applyLook(loadPrefs())
  // The inspector (loaded by index.html on ?inspector=1) mirrors the canvas into DOM for tests; it must patch core before the stage exists.
  if (platformSettings.inspector && typeof window.attachInspector === 'function') window.attachInspector(Lightning)
  const application = Launch(App, appSettings, platformSettings, appData)
  // The log-in goes out as soon as Launch has read the settings (bffUrl, the box's identity): the SDK builds the App
  // only after translations.json has come, and the stage's first frames keep the main thread busy for a second or
  // more on a slow box (bench boot profile, RESULTS.md issue 22), so starting it in App._setup cost that much.
  openSessionEarly()
  // After Launch (the theme's images are the SDK's assets), still before the SDK builds the App and its components.
  applyUiTheme()
  exposeRedraw(() => application.stage.forceRenderUpdate())
  return application
}
