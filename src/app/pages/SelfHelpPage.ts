/**
 * 故障自助: the symptoms on the left (each opens its checks), the other services on the right (error
 * code, my tickets, complaints, a direct report). Left/Right switch columns; the focus stays where it
 * was when the viewer comes back, since the page is kept alive and the lists are built once.
 */
import { Router } from '@lightningjs/sdk'
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import HallColumn, { fitRows } from '../components/HallColumn.ts'
import type { Symptom } from '../../contract/index.ts'
import RecordRow, { RECORD_H } from '../components/RecordRow.ts'
import { rowOverhang } from '../lib/rowLook.ts'
import { t } from '../lib/i18n.ts'
import type { TKey } from '../lib/i18nKeys.ts'
import { local, repairApi } from '../lib/repairApi.ts'
import { loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, ROW_FOCUS_SCALE, textPatch } from '../lib/theme.ts'

const X = 96
const LEFT_W = 1060
const RIGHT_X = 1220
const RIGHT_W = 604

interface SelfHelpSpec extends PageFrameSpec {
  SymptomsHeading: object
  ServicesHeading: object
  SymptomList: typeof HallColumn
  ServiceList: typeof HallColumn
}

const SERVICES: Array<{ ref: string; label: TKey; route: string }> = [
  { ref: 'ErrorCodeRow', label: 'repair.codeEntry', route: 'repair/code' },
  { ref: 'MyTicketsRow', label: 'repair.myTickets', route: 'repair/tickets' },
  { ref: 'ComplaintRow', label: 'repair.complaint', route: 'repair/complaint' },
  { ref: 'ReportOtherRow', label: 'repair.reportOther', route: 'repair/report/other' },
]

/** Room for a focused row to grow (frame included) without being clipped or leaving the column. */
const PAD = rowOverhang(LEFT_W)
const SYMPTOM_W = LEFT_W - 2 * PAD
const SERVICE_W = RIGHT_W - 2 * PAD

// The rows are narrower than the safe area, so they grow on focus; inset by PAD, the grown row fills x..x+w.
const list = (x: number, w: number) => ({
  type: HallColumn,
  x,
  y: 230,
  w,
  h: fitRows(720, RECORD_H, 12),
  clipping: true,
  itemPosX: PAD,
  itemPosY: 8,
  scrollIndex: 6,
  style: { itemSpacing: 12 },
})
const row = (ref: string, w: number, title: string) => ({
  type: RecordRow,
  ref,
  w,
  h: RECORD_H,
  detailAt: 0.99,
  focusScale: ROW_FOCUS_SCALE,
  record: { title, fen: null },
})

export default class SelfHelpPage extends HallPage<SelfHelpSpec> {
  private _symptoms: Symptom[] = []

  static override _template(): PageTemplate<SelfHelpSpec> {
    const heading = (x: number) => ({
      x,
      y: 184,
      text: textPatch('', { fontSize: FontSize.small, textColor: Colors.textMuted }),
    })
    return frame<SelfHelpSpec>({
      SymptomsHeading: heading(X),
      ServicesHeading: heading(RIGHT_X),
      SymptomList: { ...list(X, LEFT_W), alpha: 0 },
      ServiceList: list(RIGHT_X, RIGHT_W),
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.tag('ServiceList')!.items = SERVICES.map((s) => row(s.ref, SERVICE_W, t(s.label)))
    this.render()
    this._setState('Symptoms')
  }

  protected override visit(first: boolean): void {
    // The knowledge base does not change while the viewer is here: keep the list and its focus.
    if (first || !this._symptoms.length) this.load()
  }

  load(): void {
    loadScreen(
      this,
      () => repairApi.symptoms(),
      (res) => {
        this._symptoms = res.items
        this.render()
        this.tag('SymptomList')!.setSmooth('alpha', 1)
        this._setState('Symptoms')
      },
      { loadingState: false },
    )
  }

  render(): void {
    const muted = (s: string) => textPatch(s, { fontSize: FontSize.small, textColor: Colors.textMuted })
    this.title = t('repair.title')
    this.tag('SymptomsHeading')!.text = muted(t('repair.symptoms'))
    this.tag('ServicesHeading')!.text = muted(t('repair.services'))
    this.hints = [
      ['updown', t('hint.choose')],
      ['leftright', t('hint.switch')],
      ['ok', t('hint.select')],
    ]
    this.errorState.render()
    this.tag('ServiceList')!.items.forEach((row, i) => {
      if (row instanceof RecordRow) row.record = { title: t(SERVICES[i].label), fen: null }
    })
    const symptomList = this.tag('SymptomList')!
    const rows = symptomList.items.filter((row) => row instanceof RecordRow)
    if (rows.length === this._symptoms.length) {
      rows.forEach((row, i) => (row.record = { title: local(this._symptoms[i].title), fen: null }))
    } else {
      symptomList.items = this._symptoms.map((s, i) => row('Symptom' + i, SYMPTOM_W, local(s.title)))
    }
  }

  static override _states() {
    return [
      class Symptoms extends this {
        override _getFocused() {
          return this._symptoms.length ? this.tag('SymptomList') : this.tag('ServiceList')
        }
        override _handleRight(): boolean {
          this._setState('Services')
          return true
        }
        override _handleEnter(): boolean {
          const s = this._symptoms[this.tag('SymptomList')!.selectedIndex]
          if (s) Router.navigate('repair/symptom/' + s.id)
          return true
        }
      },
      class Services extends this {
        override _getFocused() {
          return this.tag('ServiceList')
        }
        override _handleLeft(): boolean {
          if (this._symptoms.length) this._setState('Symptoms')
          return true
        }
        override _handleEnter(): boolean {
          Router.navigate(SERVICES[this.tag('ServiceList')!.selectedIndex].route)
          return true
        }
      },
      class Failed extends this {
        override $enter() {
          this.errorState.visible = true
        }
        override $exit() {
          this.errorState.visible = false
        }
        override _getFocused() {
          return this.errorState
        }
        override _handleLeft(): boolean {
          return true
        }
        override _handleRight(): boolean {
          this._setState('Services')
          return true
        }
      },
    ]
  }
}
