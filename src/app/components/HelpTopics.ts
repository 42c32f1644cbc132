/**
 * The left column of 业务咨询: one button per FAQ topic, then service points and the hotline. Up/Down
 * moves between them and tells the page at once (`onChoose`), so the answers show without an extra OK.
 */
import { Lightning } from '@lightningjs/sdk'
import type { ServiceInfo } from '../../contract/index.ts'
import HallButton from './HallButton.ts'
import { componentAt } from '../lib/elements.ts'
import { localized, t } from '../lib/i18n.ts'

const TAB_W = 440
const TAB_H = 84

/** What a topic shows on the right: one FAQ topic's answers, the service points or the hotline. */
export type HelpTopic = { show: 'Faq'; topicIndex: number } | { show: 'Points' | 'Hotline' }

type Tab = { ref: string; label: string; topic: HelpTopic }

export default class HelpTopics extends Lightning.Component {
  private _tabs: Tab[] = []
  private _index = 0
  /** The viewer moved to another topic. */
  onChoose: (topic: HelpTopic) => void = () => undefined

  /** The topics of this service information, in the viewer's language; the choice is kept where it can be. */
  show(info: ServiceInfo): void {
    this._tabs = info.faqTopics
      .map((topic, i): Tab => ({
        ref: 'HelpTab-' + topic.id,
        label: localized(topic.title),
        topic: { show: 'Faq', topicIndex: i },
      }))
      .concat([
        { ref: 'HelpTab-points', label: t('help.points'), topic: { show: 'Points' } },
        { ref: 'HelpTab-hotline', label: t('help.hotline'), topic: { show: 'Hotline' } },
      ])
    this._index = Math.min(this._index, this._tabs.length - 1)
    this.children = this._tabs.map((tab, i) => ({
      type: HallButton,
      ref: tab.ref,
      y: i * (TAB_H + 16),
      w: TAB_W,
      h: TAB_H,
      fixed: true,
      title: tab.label,
    }))
    this._choose(this._index)
  }

  /** Back to the first topic (a new visit). */
  reset(): void {
    this._index = 0
  }

  private _choose(index: number): void {
    const tab = this._tabs[index]
    if (!tab) return
    this._index = index
    this.onChoose(tab.topic)
  }

  override _handleUp(): boolean {
    if (this._index > 0) this._choose(this._index - 1)
    return true
  }

  override _handleDown(): boolean {
    if (this._index < this._tabs.length - 1) this._choose(this._index + 1)
    return true
  }

  override _getFocused(): Lightning.Component | undefined {
    return componentAt(this, this._index)
  }
}
