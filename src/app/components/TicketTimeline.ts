/**
 * A ticket's progress drawn top to bottom: a dot per step (filled when done, ringed amber for the
 * current one, dim ahead), the step's name and time, and the engineer's or BOSS's note under it.
 */
import { Lightning } from '@lightningjs/sdk'
import { formatDateTime } from '../lib/format.ts'
import { currentLanguage, t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { stepNote, type TimelineStep } from '../lib/ticketTimeline.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const STEP_H = 118
const DOT = 28

export default class TicketTimeline extends Lightning.Component {
  width = 1100

  set steps(steps: TimelineStep[]) {
    const lang = currentLanguage()
    this.children = steps.map((s, i) => {
      const color = s.state === 'done' ? Colors.ok : s.state === 'current' ? Colors.accent : Colors.textMuted
      const name = t(`tickets.step.${s.status}`)
      return {
        ref: 'TimelineStep' + i,
        y: i * STEP_H,
        Line: {
          rect: true,
          x: DOT / 2 - 2,
          y: DOT,
          w: 4,
          h: STEP_H - DOT,
          color: 0x55ffffff,
          visible: i < steps.length - 1,
        },
        Dot: { texture: Lightning.Tools.getRoundRect(DOT, DOT, DOT / 2, 4, color, s.state !== 'ahead', color) },
        StepName: {
          x: 56,
          y: -8,
          text: textPatch(name, {
            fontSize: FontSize.body,
            fontStyle: s.state === 'ahead' ? 'normal' : 'bold',
            textColor: s.state === 'ahead' ? Colors.textMuted : Colors.text,
          }),
        },
        StepTime: {
          x: this.width,
          mountX: 1,
          y: -4,
          text: textPatch(s.at ? formatDateTime(s.at, lang) : '', {
            fontSize: FontSize.small,
            textColor: Colors.textMuted,
          }),
        },
        StepNote: {
          x: 56,
          y: 42,
          text: textPatch(insertZeroWidthSpaces(stepNote(s, lang, t)), {
            fontSize: FontSize.small,
            textColor: Colors.textMuted,
            wordWrapWidth: this.width - 56,
            maxLines: 1,
          }),
        },
      }
    })
  }
}
