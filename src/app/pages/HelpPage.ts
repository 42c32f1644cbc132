/**
 * 业务咨询: FAQ topics, service points and the hotline on the left; Up/Down moves between them and the
 * right side shows the answers at once (no extra OK for viewers who only want to read). All of it is the
 * operator's content from the BFF, shown in the selected language.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import { ServiceInfoPath as PATH } from '../../contract/apiPath.ts'
import type { ServiceInfo } from '../../contract/index.ts'
import FaqAnswers from '../components/FaqAnswers.ts'
import HallButton from '../components/HallButton.ts'
import HotlineCard from '../components/HotlineCard.ts'
import ServicePointCard, { POINT_H } from '../components/ServicePointCard.ts'
import { api } from '../lib/backend.ts'
import { componentAt } from '../lib/elements.ts'
import { localized, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'

const TAB_W = 440
const TAB_H = 84

type Tab = { ref: string; label: string; show: 'Faq' | 'Points' | 'Hotline'; topicIndex?: number }

interface HelpSpec extends PageFrameSpec {
  Tabs: object
  HelpContent: { Faq: typeof FaqAnswers; Points: object; Hotline: typeof HotlineCard }
}

export default class HelpPage extends HallPage<HelpSpec> {
  private _info: ServiceInfo | null = null
  private _tabs: Tab[] = []
  private _index = 0

  static override _template(): PageTemplate<HelpSpec> {
    return frame<HelpSpec>({
      Tabs: { x: 120, y: 200, alpha: 0 },
      HelpContent: { x: 640, y: 200, alpha: 0, Faq: { type: FaqAnswers }, Points: {}, Hotline: { type: HotlineCard } },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.render()
  }

  protected override visit(first: boolean): void {
    if (first) this._index = 0
    if (first || !this._info) this.load()
  }

  load(): void {
    loadScreen(
      this,
      () => api().get<ServiceInfo>(PATH.serviceInfo),
      (info) => {
        this._info = info
        this.render()
        this._setState('Ready')
      },
    )
  }

  render(): void {
    this.title = t('help.title')
    this.hints = [['arrows', t('hint.choose')]]
    this.errorState.render()
    const info = this._info
    if (!info) return
    this._tabs = info.faqTopics
      .map((topic, i): Tab => ({
        ref: 'HelpTab-' + topic.id,
        label: localized(topic.title),
        show: 'Faq',
        topicIndex: i,
      }))
      .concat([
        { ref: 'HelpTab-points', label: t('help.points'), show: 'Points' },
        { ref: 'HelpTab-hotline', label: t('help.hotline'), show: 'Hotline' },
      ])
    this._index = Math.min(this._index, this._tabs.length - 1)
    this.tag('Tabs')!.children = this._tabs.map((tab, i) => ({
      type: HallButton,
      ref: tab.ref,
      y: i * (TAB_H + 16),
      w: TAB_W,
      h: TAB_H,
      fixed: true,
      title: tab.label,
    }))
    this.tag('HelpContent.Points')!.children = info.servicePoints.map((p, i) => ({
      type: ServicePointCard,
      ref: 'Point-' + p.id,
      y: i * (POINT_H + 20),
      point: p,
    }))
    this.tag('HelpContent.Hotline')!.hotline = info.hotline
    this._showTab()
  }

  private _showTab(): void {
    const tab = this._tabs[this._index]
    const info = this._info
    if (!tab || !info) return
    for (const part of ['Faq', 'Points', 'Hotline'] as const)
      this.tag('HelpContent')!.tag(part)!.visible = tab.show === part
    if (tab.topicIndex !== undefined) this.tag('HelpContent.Faq')!.topic = info.faqTopics[tab.topicIndex]
  }

  override _handleUp(): boolean {
    return this._move(-1)
  }

  override _handleDown(): boolean {
    return this._move(1)
  }

  private _move(by: number): boolean {
    const next = this._index + by
    if (next >= 0 && next < this._tabs.length) {
      this._index = next
      this._showTab()
    }
    return true
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override $enter() {
          this.tag('Tabs')!.setSmooth('alpha', 1)
          this.tag('HelpContent')!.setSmooth('alpha', 1)
        }
        override _getFocused() {
          return componentAt(this.tag('Tabs'), this._index)
        }
      },
      failedState(this, 'Tabs', 'HelpContent'),
    ]
  }
}
