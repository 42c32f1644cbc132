/**
 * The end of an order in plain words: a big title (ordered / still processing / not placed), the details,
 * and up to two buttons. The first button holds the focus.
 */
import { Lightning } from '@lightningjs/sdk'
import { Button } from '@lightningjs/ui-components'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { FontSize, textPatch, themed } from '../lib/theme.ts'

export const OUTCOME_W = 1200

export interface OutcomeButton {
  ref: string
  label: string
  onEnter: () => void
}

export interface OutcomeContent {
  tone: 'ok' | 'wait' | 'fail'
  title: string
  lines: string[]
  buttons: OutcomeButton[]
}

const TONE_ICON: Record<OutcomeContent['tone'], string> = { ok: '✓', wait: '…', fail: '!' }
const TONE_COLOR = themed<OutcomeContent['tone']>({ ok: 'ok', wait: 'warning', fail: 'danger' })

export default class OrderOutcome extends Lightning.Component {
  private _index = 0
  private _count = 0
  private _armedAt = 0

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: OUTCOME_W,
      OutcomeIcon: { x: OUTCOME_W / 2, mountX: 0.5, text: textPatch('', { fontSize: 96 }) },
      OrderResultTitle: {
        x: OUTCOME_W / 2,
        mountX: 0.5,
        y: 130,
        text: textPatch('', { fontSize: FontSize.title, fontStyle: 'bold' }),
      },
      OrderResultBody: { x: OUTCOME_W / 2, mountX: 0.5, y: 220, text: textPatch('', { fontSize: FontSize.body }) },
      Buttons: { y: 420 },
    }
  }

  set content(c: OutcomeContent) {
    const icon = TONE_ICON[c.tone]
    const color = TONE_COLOR[c.tone]
    this.tag('OutcomeIcon').text = textPatch(icon, { fontSize: 96, textColor: color, fontStyle: 'bold' })
    this.tag('OrderResultTitle').text = textPatch(c.title, {
      fontSize: FontSize.title,
      fontStyle: 'bold',
      textColor: color,
    })
    this.tag('OrderResultBody').text = textPatch(insertZeroWidthSpaces(c.lines.join('\n')), {
      fontSize: FontSize.body,
      wordWrapWidth: OUTCOME_W,
      textAlign: 'center',
      lineHeight: 50,
      maxLines: 4,
    })
    const w = 380
    const gap = 40
    const total = c.buttons.length * w + Math.max(0, c.buttons.length - 1) * gap
    this.tag('Buttons').children = c.buttons.map((b, i) => ({
      type: Button,
      ref: b.ref,
      x: (OUTCOME_W - total) / 2 + i * (w + gap),
      w,
      h: 84,
      fixed: true,
      title: b.label,
      // OKs still being pressed from the step before must not choose a button the viewer has not seen yet.
      onEnter: () => {
        if (Date.now() >= this._armedAt) b.onEnter()
        return true
      },
    }))
    this._index = 0
    this._count = c.buttons.length
    this._armedAt = Date.now() + 800
    // The buttons arrive after the state that focuses this (the "processing" outcome had none): without a
    // refocus the focus path stopped here and the result screen had no focused button at all.
    this._refocus()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._count ? this.tag('Buttons').children[this._index] : undefined
  }

  // Moving between the buttons shows the viewer has seen them: OK counts from then on, however soon.
  override _handleLeft(): boolean {
    this._armedAt = 0
    if (this._index > 0) this._index--
    return true
  }

  override _handleRight(): boolean {
    this._armedAt = 0
    if (this._index < this._count - 1) this._index++
    return true
  }
}
