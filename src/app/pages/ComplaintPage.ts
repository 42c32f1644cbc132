/**
 * 投诉建议: type, then a preset subject, then a review screen whose QR code opens the phone page for
 * this draft (typing words on a remote is no way to complain). The TV polls the draft and shows the
 * text once sent; Submit files it, and a repeat complaint says which earlier one it was linked to.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import type { Complaint, ComplaintTypeInfo } from '../../contract/index.ts'
import ChoiceList, { CHOICE_INSET } from '../components/ChoiceList.ts'
import ComplaintReview from '../components/ComplaintReview.ts'
import ResultPanel from '../components/ResultPanel.ts'
import { finishTransaction } from '../lib/finishedFlow.ts'
import { chooseHints } from '../lib/hints.ts'
import { t } from '../lib/i18n.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { complaintResult } from '../lib/repairResults.ts'
import { failedState } from '../lib/screenLoad.ts'
import { SendStep, toastFailure } from '../lib/sendStep.ts'
import { uuidV4 } from '../lib/uuid.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 160

/** The complaint's steps, each a part of the page shown alone (and the state it is in). */
type Step = 'TypeList' | 'SubjectList' | 'Review' | 'Result'
const STEPS: Step[] = ['TypeList', 'SubjectList', 'Review', 'Result']
const isStep = (state: string): state is Step => STEPS.some((s) => s === state)

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
  /** Filed: OK again must not file twice, Back must not reopen the subjects of a filed complaint. */
  private _complaint: Complaint | null = null
  private readonly _send = new SendStep(this)

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

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('TypeList')!.onChosen = (i) => this._chooseType(i)
    this.tag('SubjectList')!.onChosen = (i) => this._chooseSubject(i)
    this.tag('Review')!.onSubmit = () => this._submit()
  }

  protected override visit(first: boolean): void {
    // A new visit is a new complaint: back to the types, keeping the one chosen last time focused.
    if (first || !this._types.length) this.load()
    else this._go('TypeList')
  }

  load(): void {
    const show = (types: ComplaintTypeInfo[]) => {
      this._types = types
      this.tag('TypeList')!.choices(
        types.map((x) => local(x.title)),
        'TypeRow',
      )
      this._go('TypeList')
    }
    this.loadData(
      () => repairApi.complaintOptions(),
      (o) => show(o.types),
      { loadingState: false },
    )
  }

  private _chooseType(i: number): void {
    const type = (this._type = this._types[i])
    this.tag('SubjectList')!.choices(
      type.subjects.map((s) => local(s.text)),
      'SubjectRow',
    )
    this._go('SubjectList')
  }

  private _chooseSubject(i: number): void {
    const type = this._type
    if (!type) return
    this._complaint = null
    this._subject = i
    this._key = uuidV4()
    this._go('Review')
    this.tag('Review')!.start(local(type.title) + ' · ' + local(type.subjects[i].text))
  }

  private _submit(): void {
    const type = this._type
    if (this._complaint || !type) return
    const d = this.tag('Review')!.draft
    const draft = d && d.status === 'submitted' ? { draftId: d.draftId } : {}
    const body = { type: type.id, subjectId: type.subjects[this._subject].id, ...draft }
    const filed = (c: Complaint) => {
      finishTransaction('repair', /^repair\/complaint/)
      this._complaint = c
      this._go('Result')
    }
    this._send.send(() => repairApi.createComplaint(body, this._key), filed, toastFailure)
  }

  render(): void {
    this.title = t('complaint.title')
    const state = this._getState()
    this.hints = state === 'Review' || state === 'Result' ? [['ok', t('hint.select')]] : chooseHints('updown')
    this.tag('Review')!.render()
    if (state === 'Result' && this._complaint) this.tag('Result')!.show(complaintResult(this._complaint))
  }

  /** One step on screen, with its step title; the focus on it. */
  private _go(step: Step): void {
    for (const p of STEPS) this.tag(p)!.visible = p === step
    const title = step === 'TypeList' ? t('complaint.type') : step === 'SubjectList' ? t('complaint.subject') : ''
    this.tag('StepTitle')!.text = textPatch(title, { fontSize: FontSize.small, textColor: Colors.textMuted })
    if (step !== 'Review') this.tag('Review')!.stop()
    this._setState(step)
    this.render()
  }

  override _getFocused() {
    const state = this._getState()
    return isStep(state) ? this.tag(state) : undefined
  }

  /** One step up; a filed complaint is finished: Back goes to the repair hub, never to its subjects. */
  override _handleBack(): boolean {
    const state = this._getState()
    if (state === 'SubjectList') this._go('TypeList')
    else if (state === 'Review') this._go('SubjectList')
    else return false
    return true
  }

  static override _states() {
    return [
      class TypeList extends this {},
      class SubjectList extends this {},
      class Review extends this {},
      class Result extends this {},
      failedState(this),
    ]
  }
}
