/** The switches beside the TV, each bound to one setting. */
import type { Scenario } from '../../mocks/scenarios.ts'
import type { DemoSubscriber } from './link.ts'
import type { EmulatorSettings } from './settings.ts'
import { subscriberLabel } from './subscribers.ts'

type Option = [value: string, label: string]

function fillSelect(select: HTMLSelectElement, options: readonly Option[], value: string): void {
  select.replaceChildren(
    ...options.map(([v, label]) => {
      const o = document.createElement('option')
      o.value = v
      o.textContent = label
      return o
    }),
  )
  select.value = options.some(([v]) => v === value) ? value : (options[0]?.[0] ?? '')
}

export interface ControlSources {
  scenarios: readonly Scenario[]
  languages: readonly string[]
  /** Who can be picked for a data source. */
  subscribers: (source: string) => DemoSubscriber[]
}

const LANGUAGE_NAMES: Record<string, string> = { 'zh-CN': '中文', en: 'English' }

/**
 * Fills the switches from `s` and calls `onChange` with the new settings whenever one moves. Returns what
 * the switches show: a value no list offers (an old link) falls back to the first one.
 */
export function bindControls(
  root: HTMLElement,
  sources: ControlSources,
  s: EmulatorSettings,
  onChange: (s: EmulatorSettings) => void,
): EmulatorSettings {
  const $ = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!
  const res = $<HTMLSelectElement>('res')
  const lang = $<HTMLSelectElement>('lang')
  const source = $<HTMLSelectElement>('source')
  const subscriber = $<HTMLSelectElement>('subscriber')
  const safe = $<HTMLInputElement>('safe')
  const inspector = $<HTMLInputElement>('inspector')

  fillSelect(
    res,
    [
      ['720', '1280×720'],
      ['1080', '1920×1080'],
    ],
    s.res,
  )
  fillSelect(
    lang,
    sources.languages.map((l): Option => [l, LANGUAGE_NAMES[l] ?? l]),
    s.lang,
  )
  fillSelect(
    source,
    [
      ['live', '真实后台 Live BFF'],
      ...sources.scenarios.map((sc): Option => [sc.name, `模拟 ${sc.title} (${sc.name})`]),
    ],
    s.source,
  )
  safe.checked = s.safe
  inspector.checked = s.inspector

  const fillSubscribers = () => {
    const list = sources.subscribers(source.value)
    // The device key (live boxes only) rides along in the option's value: picking a box logs in as that box.
    const value = (id: string, card: string, key?: string) => (key ? `${id}:${card}:${key}` : `${id}:${card}`)
    const options: Option[] = list.map((p) => [value(p.deviceId, p.cardNo, p.deviceKey), subscriberLabel(p)])
    if (options.length === 0)
      options.push(['', source.value === 'live' ? '(no list: open the link `npm start` prints)' : '(default)'])
    fillSelect(subscriber, options, s.deviceId ? value(s.deviceId, s.cardNo, s.deviceKey) : '')
  }
  fillSubscribers()

  const read = (): EmulatorSettings => {
    const [deviceId = '', cardNo = '', deviceKey = ''] = subscriber.value.split(':')
    return {
      res: res.value === '1080' ? '1080' : '720',
      lang: lang.value,
      source: source.value,
      deviceId,
      cardNo,
      deviceKey,
      safe: safe.checked,
      inspector: inspector.checked,
    }
  }
  for (const el of [res, lang, subscriber, safe, inspector]) el.addEventListener('change', () => onChange((s = read())))
  source.addEventListener('change', () => {
    // Live and mock households are different lists: keep the pick only if the new list has it.
    fillSubscribers()
    onChange((s = read()))
  })
  return read()
}
