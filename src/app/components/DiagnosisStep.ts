/**
 * One step of a symptom's diagnosis on screen (lib/diagnosisView.ts says what): the step counter, a heading
 * (green once fixed), the step's text in large wrapped lines, the question, and the answers as buttons.
 */
import { Lightning } from '@lightningjs/sdk'
import ActionButtons from './ActionButtons.ts'
import type { DiagnosisView } from '../lib/diagnosisView.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 1600

export interface DiagnosisStepSpec extends Lightning.Component.TemplateSpec {
  StepCounter: object
  StepHeading: object
  StepText: object
  Question: object
  StepActions: typeof ActionButtons
}

export default class DiagnosisStep
  extends Lightning.Component<DiagnosisStepSpec>
  implements Lightning.Component.ImplementTemplateSpec<DiagnosisStepSpec>
{
  static override _template(): Lightning.Component.Template<DiagnosisStepSpec> {
    return {
      StepCounter: { text: textPatch('', { fontSize: FontSize.small, textColor: Colors.accent }) },
      StepHeading: { y: 60, text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      StepText: { y: 140, text: textPatch('', { fontSize: FontSize.heading }) },
      Question: { y: 420, text: textPatch('', { fontSize: FontSize.body, textColor: Colors.textMuted }) },
      StepActions: { type: ActionButtons, y: 480 },
    }
  }

  get buttons(): ActionButtons {
    return this.tag('StepActions')!
  }

  /** Shows the step; `first`: a new step starts on its first answer (the view's `focus`), a relabel keeps the focus. */
  show(v: DiagnosisView, first: boolean): void {
    const color = v.fixed ? Colors.ok : Colors.text
    const text = insertZeroWidthSpaces(v.text)
    this.patch({
      StepCounter: { text: textPatch(v.counter, { fontSize: FontSize.small, textColor: Colors.accent }) },
      StepHeading: { text: textPatch(v.heading, { fontSize: FontSize.heading, fontStyle: 'bold', textColor: color }) },
      StepText: {
        y: v.heading ? 140 : 60,
        text: textPatch(text, { fontSize: FontSize.heading, wordWrapWidth: W, maxLines: 5, lineHeight: 58 }),
      },
      Question: { text: textPatch(v.question, { fontSize: FontSize.body, textColor: Colors.textMuted }) },
    })
    this.buttons.actions = v.actions
    if (first) this.buttons.select(v.focus)
  }

  override _getFocused(): ActionButtons {
    return this.buttons
  }
}
