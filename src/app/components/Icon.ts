/**
 * The hall's icon set (static/icons/*.svg: 24-unit grid, one 2-unit round stroke, drawn white and
 * tinted here), rasterised at the size it is shown so it stays sharp from the sofa at 720p and 1080p.
 */
import { Lightning, Utils } from '@lightningjs/sdk'
import { Colors } from '../lib/theme.ts'

export type IconName =
  | 'ok'
  | 'back'
  | 'updown'
  | 'leftright'
  | 'arrows'
  | 'digits'
  | 'home'
  | 'key-red'
  | 'key-green'
  | 'key-yellow'
  | 'key-blue'
  | 'balance'
  | 'bills'
  | 'topup'
  | 'packages'
  | 'repair'
  | 'messages'
  | 'help'
  | 'settings'
  | 'success'
  | 'failure'
  | 'pending'
  | 'alert'
  | 'more-up'
  | 'more-down'
  | 'chevron-right'

/** A template patch for an icon, for components that draw one in their own template. */
export function iconPatch(name: IconName, size: number, tint: number = Colors.text) {
  return {
    w: size,
    h: size,
    color: tint,
    texture: Lightning.Tools.getSvgTexture(Utils.asset(`icons/${name}.svg`), size, size),
  }
}
