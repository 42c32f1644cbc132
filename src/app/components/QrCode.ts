/**
 * A QR code drawn once into a canvas texture, whole pixels per module on white with the 4-module quiet
 * zone phones need: crisp, and one texture instead of a thousand rects for a slow box to draw.
 */
import { Lightning } from '@lightningjs/sdk'
import { qrModules } from '../lib/qr.ts'

const QUIET = 4

export default class QrCode extends Lightning.Component {
  private _value = ''
  /** Largest side in 1080p pixels; the code uses the biggest whole module size that fits. */
  size = 220

  set value(v: string) {
    if (v === this._value) return
    this._value = v
    const modules = qrModules(v)
    const count = modules.length + QUIET * 2
    const cell = Math.max(1, Math.floor(this.size / count))
    const side = cell * count
    this.w = side
    this.h = side
    const factory = (cb: (err: null, canvas: HTMLCanvasElement) => void, stage: Lightning.Stage) => {
      const canvas = stage.getDrawingCanvas()
      canvas.width = side
      canvas.height = side
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, side, side)
      ctx.fillStyle = '#000000'
      for (let r = 0; r < modules.length; r++) {
        for (let c = 0; c < modules.length; c++)
          if (modules[r][c]) ctx.fillRect((c + QUIET) * cell, (r + QUIET) * cell, cell, cell)
      }
      cb(null, canvas)
    }
    this.texture = Lightning.Tools.getCanvasTexture(factory, 'qr' + side + ':' + v)
  }

  get value(): string {
    return this._value
  }
}
