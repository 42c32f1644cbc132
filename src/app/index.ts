/**
 * Entry of the TV bundle: index.html calls the exported function with settings.json, as the
 * Lightning CLI's startApp does, and gets the Application back to attach its canvas.
 */
import { Launch, Lightning, type PlatformSettings } from '@lightningjs/sdk'
import { context } from '@lightningjs/ui-components'
import App from './App.ts'
import { fontFace, setFontStack } from './lib/theme.ts'
import { exposeRedraw } from './lib/testHooks.ts'

type AnySettings = Record<string, any>

function applyUiTheme(): void {
  const family = fontFace()
  const typography: Record<string, { fontFamily: string[] }> = {}
  for (const name of ['display1', 'display2', 'headline1', 'headline2', 'headline3', 'body1', 'body2', 'body3', 'button1', 'button2', 'callout1', 'caption1', 'tag1']) {
    typography[name] = { fontFamily: family }
  }
  context.setTheme({
    typography: { ...typography, button1: { fontFamily: family, fontSize: 34, lineHeight: 44 } },
    layout: { focusScale: 1.08 },
    color: {
      interactiveNeutral: ['#2a5078', 1],
      interactiveNeutralFocus: ['#f5a623', 1],
      fillInverse: ['#111111', 1],
      textInverse: ['#111111', 1],
    },
  })
}

export default function start(appSettings: AnySettings, platformSettings: AnySettings, appData?: unknown) {
  setFontStack(appSettings.fontFamily)
  applyUiTheme()
  const w = window as unknown as { attachInspector?: (lng: unknown) => void }
  // The inspector (loaded by index.html on ?inspector=1) mirrors the canvas into DOM for tests; it must patch core before the stage exists.
  if (platformSettings.inspector && typeof w.attachInspector === 'function') w.attachInspector(Lightning)
  const application = Launch(App, appSettings as Lightning.Application.Options, platformSettings as PlatformSettings, appData as Record<string, unknown>)
  exposeRedraw(() => application.stage.forceRenderUpdate())
  return application
}
