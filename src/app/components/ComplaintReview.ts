/**
 * The complaint's review: what was chosen (type · subject), a QR code that opens the phone page for this
 * draft (typing words on a remote is no way to complain), the words once the phone sent them, and
 * Submit (the draft is polled while the review is open). The filed complaint is shown by the page's ResultPanel.
 */
import { Lightning } from '@lightningjs/sdk'
import type { ComplaintDraft } from '../../contract/index.ts'
import ActionButtons from './ActionButtons.ts'
import QrCode from './QrCode.ts'
import { t } from '../lib/i18n.ts'
import { repairApi } from '../lib/repairApi.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const W = 1000
const QR_X = 1140
const QR_W = 460
const POLL_MS = 3000

export interface ComplaintReviewSpec extends Lightning.Component.TemplateSpec {
  ChosenText: object
  DraftStatus: object
  DraftText: object
  ReviewActions: typeof ActionButtons
  QrTitle: object
  ComplaintQr: typeof QrCode
}

const wrapped = (text: string, style: Parameters<typeof textPatch>[1]) => textPatch(insertZeroWidthSpaces(text), style)

export default class ComplaintReview
  extends Lightning.Component<ComplaintReviewSpec>
  implements Lightning.Component.ImplementTemplateSpec<ComplaintReviewSpec>
{
  private _chosen = ''
  private _draft: ComplaintDraft | null = null
  /** The draft's current round of asking; a newer one (or stop) makes older answers stale. */
  private _seq = 0
  private _timer: ReturnType<typeof setTimeout> | null = null
  /** Submit was chosen. */
  onSubmit: () => void = () => {}

  static override _template(): Lightning.Component.Template<ComplaintReviewSpec> {
    const body = textPatch('', { fontSize: FontSize.body })
    return {
      ChosenText: { text: textPatch('', { fontSize: FontSize.heading }) },
      DraftStatus: { y: 130, text: body },
      DraftText: { y: 190, text: body },
      ReviewActions: { type: ActionButtons, y: 470 },
      QrTitle: { x: QR_X, text: textPatch('', { fontSize: FontSize.small }) },
      ComplaintQr: { type: QrCode, x: QR_X, y: 110, size: 360 },
    }
  }

  /** A new complaint about `chosen` (type · subject): opens a draft for the phone page and polls it. */
  start(chosen: string): void {
    this.stop()
    this._chosen = chosen
    this._draft = null
    this.render()
    const seq = this._seq
    repairApi
      .openDraft()
      .then((d) => {
        if (seq !== this._seq) return
        this._showDraft(d)
        this._poll(seq)
      })
      .catch(() => undefined) // no QR then; the presets alone still make a complaint
  }

  /** Stops asking for the draft (left, or filed). */
  stop(): void {
    this._seq++
    if (this._timer) clearTimeout(this._timer)
    this._timer = null
  }

  override _detach(): void {
    this.stop()
  }

  private _poll(seq: number): void {
    this._timer = setTimeout(() => {
      const d = this._draft
      if (seq !== this._seq || !d || d.status === 'submitted') return
      repairApi
        .draft(d.draftId)
        .then((next) => {
          if (seq !== this._seq) return
          this._showDraft(next)
          this._poll(seq)
        })
        .catch(() => this._poll(seq))
    }, POLL_MS)
  }

  /** The phone page's draft as last polled (its QR code once it opens). */
  private _showDraft(d: ComplaintDraft): void {
    if (!this._draft || this._draft.phoneUrl !== d.phoneUrl) this.tag('ComplaintQr')!.value = d.phoneUrl
    this._draft = d
    this.render()
  }

  get draft(): ComplaintDraft | null {
    return this._draft
  }

  render(): void {
    const d = this._draft
    this.tag('ChosenText')!.text = wrapped(this._chosen, {
      fontSize: FontSize.heading,
      fontStyle: 'bold',
      wordWrapWidth: W,
      maxLines: 2,
    })
    this.tag('QrTitle')!.text = wrapped(d ? t('complaint.qrTitle') : '', {
      fontSize: FontSize.small,
      textColor: Colors.textMuted,
      wordWrapWidth: QR_W,
      maxLines: 2,
      lineHeight: 40,
    })
    this.tag('ComplaintQr')!.visible = !!d
    const submitted = d && d.status === 'submitted'
    this.tag('DraftStatus')!.text = wrapped(d ? t(submitted ? 'complaint.received' : 'complaint.waiting') : '', {
      fontSize: FontSize.body,
      textColor: Colors.textMuted,
      wordWrapWidth: W,
      maxLines: 2,
    })
    this.tag('DraftText')!.text = wrapped(submitted && d.text ? d.text : '', {
      fontSize: FontSize.body,
      wordWrapWidth: W,
      maxLines: 5,
      lineHeight: 48,
    })
    this.tag('ReviewActions')!.actions = [
      { ref: 'ComplaintSubmitButton', label: t('complaint.submit'), onSelect: () => this.onSubmit() },
    ]
  }

  override _getFocused(): ActionButtons {
    return this.tag('ReviewActions')!
  }
}
