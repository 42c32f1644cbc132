/**
 * A spinner with words, shown only when a wait passes 300 ms (quick answers must not flicker).
 * Call `start()` when a request goes out and `stop()` when it settles.
 */
import { Lightning } from '@lightningjs/sdk'
import { delayed, type Delayed } from '../lib/delayed.ts'
import { t } from '../lib/i18n.ts'
import { reportLoading } from '../lib/testHooks.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const DOTS = 8
const RADIUS = 36

export interface LoadingIndicatorSpec extends Lightning.Component.TemplateSpec {
  /** Dot0 … Dot7, made in a loop. */
  Spinner: object
  Label: object
}

export default class LoadingIndicator
  extends Lightning.Component<LoadingIndicatorSpec>
  implements Lightning.Component.ImplementTemplateSpec<LoadingIndicatorSpec>
{
  private _delay: Delayed | null = null
  private _spin: Lightning.types.Animation | null = null
  private _counted = false

  static override _template(): Lightning.Component.Template<LoadingIndicatorSpec> {
    const dots: Record<string, unknown> = {}
    for (let i = 0; i < DOTS; i++) {
      const angle = (i / DOTS) * Math.PI * 2
      dots['Dot' + i] = {
        rect: true,
        w: 14,
        h: 14,
        mount: 0.5,
        x: RADIUS + Math.cos(angle) * RADIUS,
        y: RADIUS + Math.sin(angle) * RADIUS,
        color: Colors.accent,
        alpha: 0.25 + (0.75 * i) / DOTS,
      }
    }
    return {
      visible: false,
      w: 600,
      h: 160,
      Spinner: { x: 300 - RADIUS, w: RADIUS * 2, h: RADIUS * 2, pivot: 0.5, ...dots },
      Label: {
        y: 104,
        x: 300,
        mountX: 0.5,
        text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
    }
  }

  override _init(): void {
    this._delay = delayed(
      () => this._show(),
      () => this._hide(),
    )
    const spinner = this.childList.getByRef('Spinner')
    this._spin = spinner
      ? spinner.animation({
          duration: 1.2,
          repeat: -1,
          actions: [{ p: 'rotation', v: { 0: 0, 1: Math.PI * 2 } }],
        })
      : null
  }

  /** True once the indicator is actually on screen (after the delay). */
  get shown(): boolean {
    return this._delay ? this._delay.shown : false
  }

  start(): void {
    if (this._delay) this._delay.start()
    if (!this._counted) reportLoading(1)
    this._counted = true
  }

  stop(): void {
    if (this._delay) this._delay.stop()
    if (this._counted) reportLoading(-1)
    this._counted = false
  }

  private _show(): void {
    const label = this.childList.getByRef('Label')
    if (label) label.text = textPatch(t('common.loading'), { fontSize: FontSize.small, textColor: Colors.textMuted })
    this.visible = true
    if (this._spin) this._spin.start()
  }

  private _hide(): void {
    this.visible = false
    if (this._spin) this._spin.stop()
  }

  override _detach(): void {
    this.stop()
  }
}
