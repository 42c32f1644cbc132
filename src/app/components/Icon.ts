/**
 * One icon of the hall's set (static/icons/*.svg: 24-unit grid, one 2-unit round stroke, drawn white and
 * tinted here), rasterised at the size it is shown so it stays sharp from the sofa at 720p and 1080p.
 */
import { Lightning, Utils } from '@lightningjs/sdk'
import { Colors } from '../lib/theme.ts'

export type IconName =
  | 'ok' | 'back' | 'updown' | 'leftright' | 'arrows' | 'digits' | 'home'
  | 'key-red' | 'key-green' | 'key-yellow' | 'key-blue'
  | 'balance' | 'bills' | 'topup' | 'packages' | 'repair' | 'messages' | 'help' | 'settings'
  | 'success' | 'failure' | 'pending' | 'alert' | 'more-up' | 'more-down' | 'chevron-right'

export interface IconSpec extends Lightning.Component.TemplateSpec {
  name: IconName
  size: number
  tint: number
}

/** A template patch for an icon, for components that draw one in their own template. */
export function iconPatch(name: IconName, size: number, tint: number = Colors.text) {
  return { w: size, h: size, color: tint, texture: Lightning.Tools.getSvgTexture(Utils.asset(`icons/${name}.svg`), size, size) }
}

export default class Icon extends Lightning.Component<IconSpec> implements Lightning.Component.ImplementTemplateSpec<IconSpec> {
  private _name: IconName = 'ok'
  private _size = 40
  private _tint: number = Colors.text

  set name(v: IconName) {
    this._name = v
    this._draw()
  }

  get name(): IconName {
    return this._name
  }

  set size(v: number) {
    this._size = v
    this._draw()
  }

  get size(): number {
    return this._size
  }

  set tint(v: number) {
    this._tint = v
    this.color = v
  }

  get tint(): number {
    return this._tint
  }

  private _draw(): void {
    this.patch(iconPatch(this._name, this._size, this._tint))
  }
}
