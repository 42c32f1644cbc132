/**
 * 投诉建议: type, then a preset subject, then a review screen whose QR code opens the phone page for
 * this draft (typing words on a remote is no way to complain). The TV polls the draft and shows the
 * text once sent; Submit files it, and a repeat complaint says which earlier one it was linked to.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type Hint, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Complaint, ComplaintTypeInfo } from '../../contract/index.ts'
import ChoiceList, { CHOICE_INSET } from '../components/ChoiceList.ts'
import ComplaintReview from '../components/ComplaintReview.ts'
import ResultPanel from '../components/ResultPanel.ts'
import { errorCode } from '../lib/api.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { t } from '../lib/i18n.ts'
import { errorMessageKey } from '../lib/i18nKeys.ts'
import { showToast } from '../lib/overlays.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { complaintResult } from '../lib/repairResults.ts'
import { failedState } from '../lib/screenLoad.ts'
import { uuidV4 } from '../lib/uuid.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160

type Step = 'TypeList' | 'SubjectList' | 'Review' | 'Result'

interface ComplaintSpec extends PageFrameSpec {
  StepTitle: object
  TypeList: typeof ChoiceList
  SubjectList: typeof ChoiceList
  Review: typeof ComplaintReview
  Result: typeof ResultPanel
}

export default class ComplaintPage extends HallPage<ComplaintSpec> {
  private _types: ComplaintTypeInfo[] = []
  private _type: ComplaintTypeInfo | null = null
  private _subject = 0
  private _key = ''
  /** Filed (or on its way): OK again must not file twice, Back must not reopen the subjects of a filed complaint. */
  private _sending = false
  private _filed = false
  private _complaint: Complaint | null = null

  static override _template(): PageTemplate<ComplaintSpec> {
    const list = { type: ChoiceList, x: X - CHOICE_INSET, y: 230, w: 1600 + 2 * CHOICE_INSET, h: 720, visible: false }
    const column = { ...list, clipping: true, itemPosX: 8, itemPosY: 8, itemSpacing: 12 }
    return frame<ComplaintSpec>({
      StepTitle: { x: X, y: 184, text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }) },
      TypeList: column,
      SubjectList: column,
      Review: { type: ComplaintReview, x: X, y: 210, visible: false },
      Result: { type: ResultPanel, x: 960, mountX: 0.5, y: 190, visible: false },
    })
  }

  private get _review(): ComplaintReview {
    return this.tag('Review')!
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('TypeList')!.onChosen = (i) => this._chooseType(i)
    this.tag('SubjectList')!.onChosen = (i) => this._chooseSubject(i)
    this._review.onSubmit = () => this._submit()
  }

  override _onMounted(): void {
    this.load()
  }

  override _onChanged(): void {
    // A new visit is a new complaint: back to the types, keeping the one chosen last time focused.
    if (!this._types.length) this.load()
    else this._setState('Types')
  }

  load(): void {
    this.loadData(
      () => repairApi.complaintOptions(),
      (o) => {
        this._types = o.types
        this.tag('TypeList')!.choices(
          o.types.map((x) => local(x.title)),
          'TypeRow',
        )
        this._setState('Types')
      },
      { loadingState: false },
    )
  }

  private _chooseType(i: number): void {
    this._type = this._types[i]
    this.tag('SubjectList')!.choices(
      this._type.subjects.map((s) => local(s.text)),
      'SubjectRow',
    )
    this._setState('Subjects')
  }

  private _chooseSubject(i: number): void {
    const type = this._type
    if (!type) return
    this._filed = false
    this._subject = i
    this._key = uuidV4()
    this._setState('Review')
    this._review.start(local(type.title) + ' · ' + local(type.subjects[i].text))
  }

  private _submit(): void {
    const type = this._type
    if (this._sending || this._filed || !type) return
    this._sending = true
    const d = this._review.draft
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
        this._filed = true
        finishTransaction('repair', /^repair\/complaint/)
        this._complaint = c
        this._setState('Result')
      })
      .catch((e: unknown) => {
        loading.stop()
        this._sending = false
        showToast(t(errorMessageKey(errorCode(e))))
      })
  }

  render(): void {
    this.title = t('complaint.title')
    const ok: Hint = ['ok', t('hint.select')]
    const state = this._getState()
    this.hints = state === 'Review' || state === 'Result' ? [ok] : [['updown', t('hint.choose')], ok]
    this._review.render()
    if (state === 'Result' && this._complaint) this.tag('Result')!.show(complaintResult(this._complaint))
  }

  /** One of the three steps on screen, with its step title. */
  private _step(which: Step, title: string): void {
    this.patch({
      TypeList: { visible: which === 'TypeList' },
      SubjectList: { visible: which === 'SubjectList' },
      Review: { visible: which === 'Review' },
      Result: { visible: which === 'Result' },
    })
    this.tag('StepTitle')!.text = textPatch(title, { fontSize: FontSize.small, textColor: Colors.textMuted })
    this.render()
  }

  static override _states() {
    return [
      class Types extends this {
        override $enter() {
          this._step('TypeList', t('complaint.type'))
        }
        override _getFocused() {
          return this.tag('TypeList')
        }
      },
      class Subjects extends this {
        override $enter() {
          this._step('SubjectList', t('complaint.subject'))
        }
        override _getFocused() {
          return this.tag('SubjectList')
        }
        override _handleBack(): boolean {
          this._setState('Types')
          return true
        }
      },
      class Review extends this {
        override $enter() {
          this._step('Review', '')
        }
        override $exit() {
          this._review.stop()
        }
        override _getFocused() {
          return this._review
        }
        override _handleBack(): boolean {
          this._setState('Subjects')
          return true
        }
      },
      class Result extends this {
        override $enter() {
          this._step('Result', '')
        }
        override _getFocused() {
          return this.tag('Result')
        }
        // Finished is finished: Back from a filed complaint goes to the repair hub, not its subjects.
        override _handleBack(): boolean {
          Router.back()
          return true
        }
      },
      failedState(this),
    ]
  }
}
