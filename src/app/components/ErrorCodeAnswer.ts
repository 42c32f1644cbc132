/**
 * What the hall knows about a box's error code: the code and its name, the cause and the fix in plain
 * words, and the next steps as buttons; or, when the look-up failed, why, with the ways on that remain.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import type { StbErrorCode } from '../../contract/index.ts'
import ActionButtons, { type ButtonAction } from './ActionButtons.ts'
import { t } from '../lib/i18n.ts'
import { local } from '../lib/repairApi.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 1000

/**
 * What the viewer can do next: the symptom's checks when the knowledge base links them; for a code it
 * does not know (or a failed look-up), report the fault anyway or see the hotline, never a dead end.
 */
function codeActions(r: StbErrorCode | null, failed: boolean): ButtonAction[] {
  const report = {
    ref: 'CodeReportButton',
    label: t('code.report'),
    onSelect: () => Router.navigate('repair/report/other'),
  }
  const hotline = { ref: 'CodeHotlineButton', label: t('code.hotline'), onSelect: () => Router.navigate('help') }
  if (r && r.symptomId) {
    const symptomId = r.symptomId
    const steps = () => Router.navigate('repair/symptom/' + symptomId)
    return [{ ref: 'CodeStepsButton', label: t('code.steps'), onSelect: steps }, report]
  }
  if (r) return [report, hotline]
  return failed ? [report, hotline] : []
}

const para = (s: string, color: number = Colors.text) =>
  textPatch(insertZeroWidthSpaces(s), {
    fontSize: FontSize.body,
    textColor: color,
    wordWrapWidth: W,
    maxLines: 3,
    lineHeight: 48,
  })

export interface ErrorCodeAnswerSpec extends Lightning.Component.TemplateSpec {
  CodeTitle: object
  CauseLabel: object
  CauseText: object
  FixLabel: object
  FixText: object
  CodeActions: typeof ActionButtons
}

export default class ErrorCodeAnswer
  extends Lightning.Component<ErrorCodeAnswerSpec>
  implements Lightning.Component.ImplementTemplateSpec<ErrorCodeAnswerSpec>
{
  static override _template(): Lightning.Component.Template<ErrorCodeAnswerSpec> {
    const body = textPatch('', { fontSize: FontSize.body })
    return {
      CodeTitle: { text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold' }) },
      CauseLabel: { y: 90, text: body },
      CauseText: { y: 140, text: body },
      FixLabel: { y: 300, text: body },
      FixText: { y: 350, text: body },
      CodeActions: { type: ActionButtons, y: 560, buttonW: 400 },
    }
  }

  /** The next steps' buttons (none before an answer). */
  get buttons(): ActionButtons {
    return this.tag('CodeActions')!
  }

  get hasNextStep(): boolean {
    return this.buttons.actions.length > 0
  }

  /** The code's answer `r`, or `message` (why there is none); `failed`: the look-up failed. */
  show(r: StbErrorCode | null, message: string, failed: boolean): void {
    this.tag('CodeTitle')!.text = textPatch(insertZeroWidthSpaces(r ? r.code + '  ' + local(r.title) : message), {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
      textColor: r ? Colors.text : Colors.warning,
      wordWrapWidth: W,
      maxLines: 2,
    })
    this.tag('CauseLabel')!.text = para(r ? t('code.cause') : '', Colors.textMuted)
    this.tag('CauseText')!.text = para(r ? local(r.cause) : '')
    this.tag('FixLabel')!.text = para(r ? t('code.fix') : '', Colors.textMuted)
    this.tag('FixText')!.text = para(r ? local(r.fix) : '')
    this.buttons.actions = codeActions(r, failed)
  }
}
