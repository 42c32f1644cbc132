/**
 * The prepaid card form: what to type, the card number (4-4-4-4) and its password (masked), each a
 * CardField, and below them the refusal in plain words or "topping up" while the BOSS is asked.
 */
import { Lightning } from '@lightningjs/sdk'
import CardField, { FIELD_W } from './CardField.ts'
import { groupCardNo, maskPassword, type CardEntry, type CardField as Field } from '../lib/cardEntry.ts'
import { t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

export interface CardFormSpec extends Lightning.Component.TemplateSpec {
  Help: object
  CardNoField: typeof CardField
  PasswordField: typeof CardField
  CardMessage: object
}

export default class CardForm
  extends Lightning.Component<CardFormSpec>
  implements Lightning.Component.ImplementTemplateSpec<CardFormSpec>
{
  static override _template(): Lightning.Component.Template<CardFormSpec> {
    return {
      Help: { text: textPatch('', { fontSize: FontSize.small }) },
      CardNoField: { type: CardField, y: 56 },
      PasswordField: { type: CardField, y: 236 },
      CardMessage: { y: 436, text: textPatch('', { fontSize: FontSize.body }) },
    }
  }

  /** The field the remote's focus is on. */
  field(which: Field): CardField {
    return this.tag(which === 'cardNo' ? 'CardNoField' : 'PasswordField')!
  }

  /** The typed entry, and below it `message` (a refusal) or, while `busy`, that the top-up is under way. */
  show(e: CardEntry, message: string, busy: boolean): void {
    this.tag('Help')!.text = textPatch(insertZeroWidthSpaces(t('topup.card.help')), {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
      wordWrapWidth: 1640,
      maxLines: 1,
    })
    const cardNo = this.field('cardNo')
    cardNo.label = t('topup.card.number')
    cardNo.value = groupCardNo(e.cardNo)
    cardNo.editing = e.field === 'cardNo'
    const password = this.field('password')
    password.label = t('topup.card.password')
    password.value = maskPassword(e.password)
    password.editing = e.field === 'password'
    this.tag('CardMessage')!.text = textPatch(insertZeroWidthSpaces(message || (busy ? t('topup.processing') : '')), {
      fontSize: FontSize.body,
      textColor: busy ? Colors.textMuted : Colors.danger,
      wordWrapWidth: FIELD_W,
      maxLines: 3,
      lineHeight: 48,
    })
  }
}
