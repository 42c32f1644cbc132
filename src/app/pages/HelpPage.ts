/**
 * 业务咨询: FAQ topics, service points and the hotline on the left; Up/Down moves between them and the
 * right side shows the answers at once (no extra OK for viewers who only want to read). All of it is the
 * operator's content from the BFF, shown in the selected language.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import { ServiceInfoPath as PATH } from '../../contract/apiPath.ts'
import type { ServiceInfo } from '../../contract/index.ts'
import FaqAnswers from '../components/FaqAnswers.ts'
import HelpTopics, { type HelpTopic } from '../components/HelpTopics.ts'
import HotlineCard from '../components/HotlineCard.ts'
import ServicePointCard, { POINT_H } from '../components/ServicePointCard.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'

interface HelpSpec extends PageFrameSpec {
  Tabs: typeof HelpTopics
  HelpContent: { Faq: typeof FaqAnswers; Points: object; Hotline: typeof HotlineCard }
}

export default class HelpPage extends HallPage<HelpSpec> {
  private _info: ServiceInfo | null = null

  static override _template(): PageTemplate<HelpSpec> {
    return frame<HelpSpec>({
      Tabs: { type: HelpTopics, x: 120, y: 200 },
      HelpContent: { x: 640, y: 200, Faq: { type: FaqAnswers }, Points: {}, Hotline: { type: HotlineCard } },
    })
  }

  override _init(): void {
    const topics = this.tag('Tabs')!
    topics.onChoose = (topic) => this._showTopic(topic)
    this.showsData({ content: [topics, this.tag('HelpContent')!], focus: () => topics })
    this.errorState.onRetry = () => this.load()
    this.render()
  }

  protected override visit(first: boolean): void {
    if (first) this.tag('Tabs')!.reset()
    if (first || !this._info) this.load()
  }

  load(): void {
    this.loadData(
      () => api().get<ServiceInfo>(PATH.serviceInfo),
      (info) => ((this._info = info), this.render(), true),
    )
  }

  render(): void {
    this.title = t('help.title')
    this.hints = [['arrows', t('hint.choose')]]
    this.errorState.render()
    const info = this._info
    if (!info) return
    this.tag('HelpContent.Points')!.children = info.servicePoints.map((p, i) => ({
      type: ServicePointCard,
      ref: 'Point-' + p.id,
      y: i * (POINT_H + 20),
      point: p,
    }))
    this.tag('HelpContent.Hotline')!.hotline = info.hotline
    this.tag('Tabs')!.show(info)
  }

  private _showTopic(topic: HelpTopic): void {
    const info = this._info
    if (!info) return
    for (const part of ['Faq', 'Points', 'Hotline'] as const)
      this.tag('HelpContent')!.tag(part)!.visible = topic.show === part
    if (topic.show === 'Faq') this.tag('HelpContent.Faq')!.topic = info.faqTopics[topic.topicIndex]
  }
}
