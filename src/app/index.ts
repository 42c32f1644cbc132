/**
 * Entry of the TV bundle: index.html calls the exported function with settings.json, as the
 * Lightning CLI's startApp does, and gets the Application back to attach its canvas.
 */
import { Launch, Lightning, type PlatformSettings } from '@lightningjs/sdk'
import { context } from '@lightningjs/ui-components'
import App from './App.ts'
import { applyLook, Colors, currentTextScale, fontFace, setFontStack } from './lib/theme.ts'
import { loadPrefs } from './lib/viewerPrefs.ts'
import { exposeRedraw } from './lib/testHooks.ts'

type AnySettings = Record<string, any>

/** `0xffRRGGBB` → `#rrggbb` for the ui-components theme. */
const hex = (argb: number) => '#' + ('000000' + (argb & 0xffffff).toString(16)).slice(-6)

function applyUiTheme(): void {
  const family = fontFace()
  const typography: Record<string, { fontFamily: string[] }> = {}
  for (const name of ['display1', 'display2', 'headline1', 'headline2', 'headline3', 'body1', 'body2', 'body3', 'button1', 'button2', 'callout1', 'caption1', 'tag1']) {
    typography[name] = { fontFamily: family }
  }
  context.setTheme({
    typography: { ...typography, button1: { fontFamily: family, fontSize: Math.round(34 * currentTextScale()), lineHeight: Math.round(44 * currentTextScale()) } },
    layout: { focusScale: 1.08 },
    color: {
      interactiveNeutral: ['#2a5078', 1],
      interactiveNeutralFocus: [hex(Colors.panelFocused), 1],
      fillInverse: ['#111111', 1],
      textInverse: ['#111111', 1],
    },
  })
}

export default function start(appSettings: AnySettings, platformSettings: AnySettings, appData?: unknown) {
  setFontStack(appSettings.fontFamily)
  // Large text and high contrast are chosen on the settings screen and remembered on the box.
  applyLook(loadPrefs())
  applyUiTheme()
  const w = window as unknown as { attachInspector?: (lng: unknown) => void }
  // The inspector (loaded by index.html on ?inspector=1) mirrors the canvas into DOM for tests; it must patch core before the stage exists.
  if (platformSettings.inspector && typeof w.attachInspector === 'function') w.attachInspector(Lightning)
  const application = Launch(App, appSettings as Lightning.Application.Options, platformSettings as PlatformSettings, appData as Record<string, unknown>)
  exposeRedraw(() => application.stage.forceRenderUpdate())
  return application
}
