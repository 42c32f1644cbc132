/**
 * 业务咨询: FAQ topics, service points and the hotline on the left; Up/Down moves between them and the
 * right side shows the answers at once (no extra OK for viewers who only want to read). All of it is the
 * operator's content from the BFF, shown in the selected language.
 */
import { Lightning } from '@lightningjs/sdk'
import HallPage, { frame, type PageTemplate } from '../components/HallPage.ts'
import { Button } from '@lightningjs/ui-components'
import { ServiceInfoPath as PATH } from '../../contract/apiPath.ts'
import type { ServiceInfo } from '../../contract/index.ts'
import FaqAnswers from '../components/FaqAnswers.ts'
import ServicePointCard, { POINT_H } from '../components/ServicePointCard.ts'
import { api } from '../lib/backend.ts'
import { localized, t } from '../lib/i18n.ts'
import { failedState, loadScreen } from '../lib/screenLoad.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

const X = 120
const TAB_W = 440
const TAB_H = 84
const CONTENT_X = 640

type Tab = { ref: string; label: string; show: 'faq' | 'points' | 'hotline'; topicIndex?: number }

export default class HelpPage extends HallPage {
  private _info: ServiceInfo | null = null
  private _tabs: Tab[] = []
  private _index = 0

  static override _template(): PageTemplate {
    return frame({
      Tabs: { x: X, y: 200, alpha: 0 },
      HelpContent: {
        x: CONTENT_X,
        y: 200,
        alpha: 0,
        Faq: { type: FaqAnswers },
        Points: {},
        Hotline: {
          HotlineNumber: { text: textPatch('', { fontSize: FontSize.display, fontStyle: 'bold' }) },
          HotlineCall: { y: 120, text: textPatch('') },
          HotlineHours: { y: 180, text: textPatch('') },
        },
      },
    })
  }

  override _init(): void {
    this.errorState.onRetry = () => this.load()
    this.render()
  }

  override _onMounted(): void {
    this._index = 0
    this.load()
  }

  override _onChanged(): void {
    if (!this._info) this.load()
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
        show: 'faq',
        topicIndex: i,
      }))
      .concat([
        { ref: 'HelpTab-points', label: t('help.points'), show: 'points' },
        { ref: 'HelpTab-hotline', label: t('help.hotline'), show: 'hotline' },
      ])
    this._index = Math.min(this._index, this._tabs.length - 1)
    this.tag('Tabs').children = this._tabs.map((tab, i) => ({
      type: Button,
      ref: tab.ref,
      y: i * (TAB_H + 16),
      w: TAB_W,
      h: TAB_H,
      fixed: true,
      title: tab.label,
    }))
    this.tag('HelpContent.Points').children = info.servicePoints.map((p, i) => ({
      type: ServicePointCard,
      ref: 'Point-' + p.id,
      y: i * (POINT_H + 20),
      point: p,
    }))
    this.tag('HelpContent.Hotline').patch({
      HotlineNumber: {
        text: textPatch(info.hotline.number, {
          fontSize: FontSize.display,
          fontStyle: 'bold',
          textColor: Colors.accent,
        }),
      },
      HotlineCall: {
        text: textPatch(t('help.hotlineCall', { number: info.hotline.number }), { fontSize: FontSize.heading }),
      },
      HotlineHours: {
        text: textPatch(t('help.hotlineHours', { hours: localized(info.hotline.hours) }), {
          fontSize: FontSize.body,
          textColor: Colors.textMuted,
        }),
      },
    })
    this._showTab()
  }

  private _showTab(): void {
    const tab = this._tabs[this._index]
    const info = this._info
    if (!tab || !info) return
    const content = this.tag('HelpContent')
    content.tag('Faq').visible = tab.show === 'faq'
    content.tag('Points').visible = tab.show === 'points'
    content.tag('Hotline').visible = tab.show === 'hotline'
    if (tab.show === 'faq' && tab.topicIndex !== undefined)
      (content.tag('Faq') as FaqAnswers).topic = info.faqTopics[tab.topicIndex]
  }

  override _handleUp(): boolean {
    if (this._index > 0) {
      this._index--
      this._showTab()
    }
    return true
  }

  override _handleDown(): boolean {
    if (this._index < this._tabs.length - 1) {
      this._index++
      this._showTab()
    }
    return true
  }

  static override _states() {
    return [
      class Loading extends this {},
      class Ready extends this {
        override $enter() {
          this.tag('Tabs').setSmooth('alpha', 1)
          this.tag('HelpContent').setSmooth('alpha', 1)
        }
        override _getFocused() {
          return this.tag('Tabs').children[this._index] as Lightning.Component
        }
      },
      failedState(this, 'Tabs', 'HelpContent'),
    ]
  }
}
