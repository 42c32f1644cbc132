/**
 * 投诉建议: type, then a preset subject, then a review screen whose QR code opens the phone page for
 * this draft (typing words on a remote is no way to complain). The TV polls the draft and shows the
 * text once sent; Submit files it, and a repeat complaint says which earlier one it was linked to.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { Column } from '@lightningjs/ui-components'
import type { Complaint, ComplaintDraft, ComplaintTypeInfo } from '../../contract/index.ts'
import ActionButtons from '../components/ActionButtons.ts'
import LoadingIndicator from '../components/LoadingIndicator.ts'
import QrCode from '../components/QrCode.ts'
import RecordRow, { RECORD_H } from '../components/RecordRow.ts'
import { errorCode } from '../lib/api.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { showToast } from '../lib/overlays.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { failedState } from '../lib/screenLoad.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { uuidV4 } from '../lib/uuid.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160
const W = 1000
const POLL_MS = 3000

export default class ComplaintPage extends HallPage {
  private _types: ComplaintTypeInfo[] = []
  private _type: ComplaintTypeInfo | null = null
  private _subject = 0
  private _draft: ComplaintDraft | null = null
  private _key = ''
  private _timer: ReturnType<typeof setTimeout> | null = null
  private _seq = 0
  /** Filed (or on its way): OK again must not file twice, Back must not reopen the subjects of a filed complaint. */
  private _sending = false
  private _filed = false

  static override _template(): PageTemplate {
    const column = {
      type: Column,
      x: X - 8,
      y: 230,
      w: 1600 + 16,
      h: 720,
      clipping: true,
      itemPosX: 8,
      itemPosY: 8,
      style: { itemSpacing: 12 },
    }
    const body = textPatch('', { fontSize: FontSize.body })
    return frame({
      StepTitle: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      TypeList: { ...column, visible: false },
      SubjectList: { ...column, visible: false },
      Review: {
        x: X,
        y: 210,
        visible: false,
        ChosenText: {
          text: textPatch('', { fontSize: FontSize.heading, fontStyle: 'bold', wordWrapWidth: W, maxLines: 2 }),
        },
        DraftStatus: { y: 130, text: body },
        DraftText: { y: 190, text: body },
        ReviewActions: { type: ActionButtons, y: 470 },
        QrTitle: {
          x: 1140,
          text: textPatch('', {
            fontSize: FontSize.small,
            textColor: Colors.textMuted,
            wordWrapWidth: 460,
            maxLines: 2,
            lineHeight: 40,
          }),
        },
        ComplaintQr: { type: QrCode, x: 1140, y: 110, size: 360 },
      },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    // A new visit is a new complaint: back to the types, keeping the one chosen last time focused.
    if (!this._types.length) this.load()
    else this._setState('Types')
  }

  override _detach(): void {
    this._stopPolling()
  }

  load(): void {
    const loading = this.loading
    this.errorState.visible = false
    loading.start()
    repairApi
      .complaintOptions()
      .then((o) => {
        loading.stop()
        this._types = o.types
        this.tag('TypeList').items = o.types.map((x, i) => ({
          type: RecordRow,
          ref: 'TypeRow' + i,
          w: 1600,
          h: RECORD_H,
          detailAt: 0.99,
          record: { title: local(x.title), fen: null },
        }))
        this._setState('Types')
      })
      .catch((e: unknown) => {
        loading.stop()
        this.errorState.code = errorCode(e)
        this._setState('Failed')
      })
  }

  private _chooseType(i: number): void {
    this._type = this._types[i]
    this.tag('SubjectList').items = this._type.subjects.map((s, j) => ({
      type: RecordRow,
      ref: 'SubjectRow' + j,
      w: 1600,
      h: RECORD_H,
      detailAt: 0.99,
      record: { title: local(s.text), fen: null },
    }))
    this._setState('Subjects')
  }

  private _chooseSubject(i: number): void {
    this._filed = false
    this._subject = i
    this._draft = null
    this._key = uuidV4()
    this._setState('Review')
    const seq = ++this._seq
    repairApi
      .openDraft()
      .then((d) => {
        if (seq !== this._seq) return
        this._draft = d
        ;(this.tag('Review.ComplaintQr') as QrCode).value = d.phoneUrl
        this.render()
        this._poll(seq)
      })
      .catch(() => this.render()) // no QR then; the presets alone still make a complaint
    this.render()
  }

  private _poll(seq: number): void {
    this._stopPolling()
    this._timer = setTimeout(() => {
      const d = this._draft
      if (seq !== this._seq || !d || d.status === 'submitted') return
      repairApi
        .draft(d.draftId)
        .then((next) => {
          if (seq !== this._seq) return
          this._draft = next
          this.render()
          this._poll(seq)
        })
        .catch(() => this._poll(seq))
    }, POLL_MS)
  }

  private _stopPolling(): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = null
  }

  private _submit(): void {
    if (this._sending || this._filed) return
    this._sending = true
    const type = this._type!
    const d = this._draft
    const body = {
      type: type.id,
      subjectId: type.subjects[this._subject].id,
      ...(d && d.status === 'submitted' ? { draftId: d.draftId } : {}),
    }
    const loading = this.loading
    loading.start()
    repairApi
      .createComplaint(body, this._key)
      .then((c) => {
        loading.stop()
        this._sending = false
        this._stopPolling()
        this._seq++
        this._done(c)
      })
      .catch((e: unknown) => {
        loading.stop()
        this._sending = false
        showToast(t(errorMessageKey(errorCode(e))))
      })
  }

  private _done(c: Complaint): void {
    this._filed = true
    finishTransaction('repair', /^repair\/complaint/)
    const number = c.complaintId || c.reference || ''
    const lines = [c.status === 'pending' ? t('complaint.pending', { number }) : t('complaint.submitted', { number })]
    if (c.repeatOf) lines.push(t('complaint.repeat', { number: c.repeatOf }))
    this.patch({ Review: { ComplaintQr: { visible: false }, QrTitle: { visible: false } } })
    this.tag('Review.DraftStatus').text = textPatch(insertZeroWidthSpaces(lines.join('\n')), {
      fontSize: FontSize.body,
      textColor: Colors.ok,
      wordWrapWidth: 1600,
      maxLines: 4,
      lineHeight: 52,
    })
    this.tag('Review.DraftText').text = textPatch('')
    ;(this.tag('Review.ReviewActions') as ActionButtons).actions = [
      { ref: 'DoneButton', label: t('steps.done'), onSelect: () => Router.navigate('home') },
    ]
  }

  render(): void {
    const muted = (s: string) =>
      textPatch(insertZeroWidthSpaces(s), {
        fontSize: FontSize.small,
        textColor: Colors.textMuted,
        wordWrapWidth: 460,
        maxLines: 2,
        lineHeight: 40,
      })
    this.title = t('complaint.title')
    this.hints =
      this._getState() === 'Review'
        ? [['ok', t('hint.select')]]
        : [
            ['updown', t('hint.choose')],
            ['ok', t('hint.select')],
          ]
    const type = this._type
    if (!type) return
    const d = this._draft
    this.tag('Review.ChosenText').text = textPatch(
      insertZeroWidthSpaces(local(type.title) + ' · ' + local(type.subjects[this._subject].text)),
      { fontSize: FontSize.heading, fontStyle: 'bold', wordWrapWidth: W, maxLines: 2 },
    )
    this.tag('Review.QrTitle').text = muted(d ? t('complaint.qrTitle') : '')
    this.patch({ Review: { ComplaintQr: { visible: !!d }, QrTitle: { visible: true } } })
    const submitted = d && d.status === 'submitted'
    this.tag('Review.DraftStatus').text = textPatch(
      insertZeroWidthSpaces(d ? t(submitted ? 'complaint.received' : 'complaint.waiting') : ''),
      { fontSize: FontSize.body, textColor: Colors.textMuted, wordWrapWidth: W, maxLines: 2 },
    )
    this.tag('Review.DraftText').text = textPatch(insertZeroWidthSpaces(submitted && d.text ? d.text : ''), {
      fontSize: FontSize.body,
      wordWrapWidth: W,
      maxLines: 5,
      lineHeight: 48,
    })
    ;(this.tag('Review.ReviewActions') as ActionButtons).actions = [
      { ref: 'ComplaintSubmitButton', label: t('complaint.submit'), onSelect: () => this._submit() },
    ]
  }

  static override _states() {
    const show = (page: ComplaintPage, which: 'TypeList' | 'SubjectList' | 'Review', step: string) => {
      page.patch({
        TypeList: { visible: which === 'TypeList' },
        SubjectList: { visible: which === 'SubjectList' },
        Review: { visible: which === 'Review' },
      })
      page.tag('StepTitle').text = textPatch(step, { fontSize: FontSize.small, textColor: Colors.textMuted })
      page.render()
    }
    return [
      class Types extends this {
        override $enter() {
          show(this, 'TypeList', t('complaint.type'))
        }
        override _getFocused() {
          return this.tag('TypeList')
        }
        override _handleEnter(): boolean {
          this._chooseType(this.tag('TypeList').selectedIndex as number)
          return true
        }
      },
      class Subjects extends this {
        override $enter() {
          show(this, 'SubjectList', t('complaint.subject'))
        }
        override _getFocused() {
          return this.tag('SubjectList')
        }
        override _handleEnter(): boolean {
          this._chooseSubject(this.tag('SubjectList').selectedIndex as number)
          return true
        }
        override _handleBack(): boolean {
          this._setState('Types')
          return true
        }
      },
      class Review extends this {
        override $enter() {
          show(this, 'Review', '')
        }
        override $exit() {
          this._seq++
          this._stopPolling()
        }
        override _getFocused() {
          return this.tag('Review.ReviewActions')
        }
        override _handleBack(): boolean {
          // Finished is finished: Back from a filed complaint goes to the repair hub, not its subjects.
          if (this._filed) Router.back()
          else this._setState('Subjects')
          return true
        }
      },
      failedState(this),
    ]
  }
}
