/** What a history screen shows when there is nothing yet: a calm sign and a sentence, never a blank screen. */
import { Lightning } from '@lightningjs/sdk'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export const EMPTY_W = 1200

export interface EmptyStateSpec extends Lightning.Component.TemplateSpec {
  EmptyText: object
  EmptyIcon: object
}

export default class EmptyState
  extends Lightning.Component<EmptyStateSpec>
  implements Lightning.Component.ImplementTemplateSpec<EmptyStateSpec>
{
  static override _template(): Lightning.Component.Template<EmptyStateSpec> {
    return {
      w: EMPTY_W,
      h: 260,
      // The sentence first: tests read a page's empty state as its first text.
      EmptyText: { x: EMPTY_W / 2, mountX: 0.5, y: 140, text: textPatch('') },
      EmptyIcon: { x: EMPTY_W / 2, mountX: 0.5, text: textPatch('≡', { fontSize: 96, textColor: Colors.textMuted }) },
    }
  }

  set message(v: string) {
    this.tag('EmptyText')!.text = textPatch(insertZeroWidthSpaces(v), {
      fontSize: FontSize.body,
      wordWrapWidth: EMPTY_W,
      textAlign: 'center',
      maxLines: 2,
    })
  }
}
