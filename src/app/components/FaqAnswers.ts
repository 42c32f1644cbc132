/** The questions of one FAQ topic, each followed by its answer, stacked to fit the help page's right side. */
import { Lightning } from '@lightningjs/sdk'
import type { FaqTopic } from '../../contract/index.ts'
import { localized } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const FAQ_W = 1160
/** Room for a one-line question and a three-line answer. */
const ENTRY_H = 250

export default class FaqAnswers extends Lightning.Component {
  set topic(topic: FaqTopic) {
    this.children = topic.entries.map((e, i) => ({
      ref: 'Faq-' + e.id,
      y: i * ENTRY_H,
      Question: {
        text: textPatch(insertZeroWidthSpaces(localized(e.question)), {
          fontSize: FontSize.body,
          fontStyle: 'bold',
          textColor: Colors.accent,
          wordWrapWidth: FAQ_W,
          maxLines: 1,
        }),
      },
      Answer: {
        y: 56,
        text: textPatch(insertZeroWidthSpaces(localized(e.answer)), {
          fontSize: FontSize.small,
          wordWrapWidth: FAQ_W,
          maxLines: 4,
          lineHeight: 42,
        }),
      },
    }))
  }
}
