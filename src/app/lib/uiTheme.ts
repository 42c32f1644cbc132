/**
 * The hall's look handed to ui-components (buttons, lists, surfaces): font stack, button type size,
 * focus scale and colours. Set before the first screen and again on a change of look, which makes the
 * ui-components on screen re-style themselves.
 */
import { Utils } from '@lightningjs/sdk'
import { context, type NavigationManagerStyle, type StylePartial } from '@lightningjs/ui-components'
import { Colors, FOCUS_SCALE, currentTextScale, fontFace } from './theme.ts'
import { tintedTextBox } from './tintedTextBox.ts'
import { themeImages } from './themeImages.ts'

// A Row's or Column's `style` set in a template (its spacing over the theme's) is a setter ui-components declares
// on the class but leaves out of the template spec.
declare module '@lightningjs/ui-components' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the spec is declared in ui-components' namespace; merging needs one
  namespace NavigationManager {
    interface TemplateSpec {
      style?: StylePartial<NavigationManagerStyle>
    }
  }
}

/** `0xffRRGGBB` → `#rrggbb` for the ui-components theme. */
const hex = (argb: number) => '#' + ('000000' + (argb & 0xffffff).toString(16)).slice(-6)

/** Needs the SDK's asset path for the theme's images: call it after `Launch`. */
export function applyUiTheme(): void {
  const family = fontFace()
  const typography: Record<string, { fontFamily: string[] }> = {}
  for (const name of [
    'display1',
    'display2',
    'headline1',
    'headline2',
    'headline3',
    'body1',
    'body2',
    'body3',
    'button1',
    'button2',
    'callout1',
    'caption1',
    'tag1',
  ]) {
    typography[name] = { fontFamily: family }
  }
  context.setTheme({
    // Files where the base theme has base64 images (themeImages.ts).
    ...themeImages((file) => Utils.asset(file)),
    typography: {
      ...typography,
      button1: {
        fontFamily: family,
        fontSize: Math.round(34 * currentTextScale()),
        lineHeight: Math.round(44 * currentTextScale()),
      },
    },
    layout: { focusScale: FOCUS_SCALE },
    // The library's 40 px each side left a fixed-width button (a shelf, a tab) too little room for its words at
    // large text ("Documen.."); 20 px still keeps the label off the rounded edge.
    componentConfig: { Button: { style: { paddingX: 20 } } },
    color: {
      interactiveNeutral: [hex(Colors.control), 1],
      interactiveNeutralFocus: [hex(Colors.panelFocused), 1],
      fillInverse: ['#111111', 1],
      textInverse: ['#111111', 1],
    },
    // Focus changes a text's tint, not its texture (tintedTextBox.ts).
    extensions: [{ targetComponent: 'TextBox', extension: tintedTextBox }],
  })
}
