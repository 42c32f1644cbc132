/**
 * 投诉建议: type, then a preset subject, then a review screen whose QR code opens the phone page for
 * this draft (typing words on a remote is no way to complain). The TV polls the draft and shows the
 * text once sent; Submit files it, and a repeat complaint says which earlier one it was linked to.
 */
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

const STEPS = ['TypeList', 'SubjectList', 'Review', 'Result'] as const
type State = 'Types' | 'Subjects' | 'Review' | 'Result'
const PART: Record<State, (typeof STEPS)[number]> = {
  Types: 'TypeList',
  Subjects: 'SubjectList',
  Review: 'Review',
  Result: 'Result',
}
const isStep = (state: string): state is State => state in PART

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

  protected override visit(first: boolean): void {
    // A new visit is a new complaint: back to the types, keeping the one chosen last time focused.
    if (first || !this._types.length) this.load()
    else this._go('Types')
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
        this._go('Types')
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
    this._go('Subjects')
  }

  private _chooseSubject(i: number): void {
    const type = this._type
    if (!type) return
    this._complaint = null
    this._subject = i
    this._key = uuidV4()
    this._go('Review')
    this._review.start(local(type.title) + ' · ' + local(type.subjects[i].text))
  }

  private _submit(): void {
    const type = this._type
    if (this._sending || this._complaint || !type) return
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
        finishTransaction('repair', /^repair\/complaint/)
        this._complaint = c
        this._go('Result')
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

  /** One step on screen, with its step title; the focus on it. */
  private _go(state: State): void {
    const part = PART[state]
    for (const p of STEPS) this.tag(p)!.visible = p === part
    const title = state === 'Types' ? t('complaint.type') : state === 'Subjects' ? t('complaint.subject') : ''
    this.tag('StepTitle')!.text = textPatch(title, { fontSize: FontSize.small, textColor: Colors.textMuted })
    if (state !== 'Review') this._review.stop()
    this._setState(state)
    this.render()
  }

  override _getFocused() {
    const state = this._getState()
    return isStep(state) ? this.tag(PART[state]) : undefined
  }

  /** One step up; a filed complaint is finished: Back goes to the repair hub, never to its subjects. */
  override _handleBack(): boolean {
    const state = this._getState()
    if (state === 'Subjects') this._go('Types')
    else if (state === 'Review') this._go('Subjects')
    else return false
    return true
  }

  static override _states() {
    return [
      class Types extends this {},
      class Subjects extends this {},
      class Review extends this {},
      class Result extends this {},
      failedState(this),
    ]
  }
}
