/**
 * How something the viewer did ended, in one layout for every flow (orders, top-ups, fault reports,
 * complaints, ratings): the tone's icon, a title in the tone's colour, an optional number large enough
 * to read out to the hotline, label/value facts (amounts), a detail paragraph, and the buttons that
 * lead on, the main one first and focused. Laid out as a centred column (flex), so wrapped titles and
 * large text push what follows down instead of overlapping it.
 */
import { Lightning } from '@lightningjs/sdk'
import ActionButtons, { type ButtonAction } from './ActionButtons.ts'
import { iconPatch, type IconName } from './Icon.ts'
import MoneyText from './MoneyText.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, Space, currentTextScale, textPatch, themed } from '../lib/theme.ts'

export type ResultTone = 'success' | 'failure' | 'pending'

/** A label and its value on one row; `fen` shows money, `text` anything else. */
export interface ResultFact {
  ref: string
  label: string
  fen?: number
  text?: string
}

export interface ResultContent {
  tone: ResultTone
  title: string
  /** A number the viewer may need to read out (ticket number). */
  highlight?: string
  facts?: ResultFact[]
  detail?: string
  actions: ButtonAction[]
  /** Refs the tests and the speech know this flow's title, number and detail by. */
  refs: { title: string; highlight?: string; detail?: string }
}

const TONE_COLOR = themed<ResultTone>({ success: 'ok', failure: 'danger', pending: 'warning' })
const ICON_SIZE = 120
const FACT_W = 800
const BUTTON_W = 380
const BUTTON_GAP = 40

export interface ResultPanelSpec extends Lightning.Component.TemplateSpec {
  width: number
  Body: object
  ResultActions: typeof ActionButtons
}

export default class ResultPanel
  extends Lightning.Component<ResultPanelSpec>
  implements Lightning.Component.ImplementTemplateSpec<ResultPanelSpec>
{
  /** How wide the column is (the page's content width by default). */
  width = 1400

  static override _template(): Lightning.Component.Template<ResultPanelSpec> {
    return {
      flex: { direction: 'column', alignItems: 'center' },
      Body: { flex: { direction: 'column', alignItems: 'center' } },
      ResultActions: { type: ActionButtons, buttonW: BUTTON_W, flexItem: { marginTop: Space.gap } },
    }
  }

  get actions(): ActionButtons {
    const part = this.childList.getByRef('ResultActions')
    if (!(part instanceof ActionButtons)) throw new Error('result without buttons')
    return part
  }

  /** Shows a result; the first button takes the focus, and OKs still coming from the step before do not press it. */
  show(c: ResultContent, guardMs = 0): void {
    const color = TONE_COLOR[c.tone]
    const w = this.width
    const wrap = (text: string, size: number, lines: number, extra: Parameters<typeof textPatch>[1] = {}) =>
      textPatch(insertZeroWidthSpaces(text), {
        fontSize: size,
        wordWrapWidth: w,
        textAlign: 'center',
        maxLines: lines,
        lineHeight: Math.round(size * 1.4),
        ...extra,
      })
    const rowH = Math.round(FontSize.heading * 1.5 * currentTextScale())
    const children: Lightning.Element.NewPatchTemplate[] = [
      { ref: 'ResultIcon', ...iconPatch(ICON[c.tone], ICON_SIZE, color), flexItem: { marginBottom: Space.inset } },
      {
        ref: c.refs.title,
        text: wrap(c.title, FontSize.title, 2, { textColor: color, fontStyle: 'bold' }),
        flexItem: { marginBottom: Space.gap },
      },
    ]
    if (c.highlight !== undefined)
      children.push({
        ref: c.refs.highlight || 'ResultHighlight',
        text: textPatch(c.highlight, { fontSize: FontSize.display, fontStyle: 'bold' }),
        flexItem: { marginBottom: Space.gap },
      })
    for (const f of c.facts || [])
      children.push({
        ref: f.ref + 'Row',
        w: Math.min(FACT_W, w),
        h: rowH,
        Label: { y: 4, text: textPatch(f.label, { fontSize: FontSize.body, textColor: Colors.textMuted }) },
        [f.ref]:
          f.fen !== undefined
            ? { type: MoneyText, x: Math.min(FACT_W, w), mountX: 1, fen: f.fen }
            : { x: Math.min(FACT_W, w), mountX: 1, text: textPatch(f.text || '', { fontSize: FontSize.heading }) },
      })
    if (c.detail)
      children.push({
        ref: c.refs.detail || 'ResultDetail',
        text: wrap(c.detail, FontSize.body, 5),
        flexItem: { marginTop: c.facts && c.facts.length ? Space.inset : 0 },
      })
    this.w = w
    this.patch({ Body: { w, children } })
    const actions = this.actions
    const n = c.actions.length
    actions.w = n * BUTTON_W + Math.max(0, n - 1) * BUTTON_GAP + 24
    actions.actions = c.actions
    actions.guardUntil = guardMs ? Date.now() + guardMs : 0
    actions.select(0)
  }

  override _getFocused(): ActionButtons {
    return this.actions
  }
}

const ICON: Record<ResultTone, IconName> = { success: 'success', failure: 'failure', pending: 'pending' }
