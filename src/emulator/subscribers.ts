/** Who the emulated box can be: the stub's demo subscribers (live) or the mocks' demo devices. */
import { mockDemoDevices } from '../../mocks/fixtures/households.ts'
import { decodeSubscribers, type DemoSubscriber } from './link.ts'

const STORAGE_KEY = 'tvhall.emulator.subs'

/** The live list from the URL, else the one last seen (so a bare emulator.html still offers it). */
export function liveSubscribers(search: string): DemoSubscriber[] {
  const raw = new URLSearchParams(search).get('subs')
  try {
    if (raw) localStorage.setItem(STORAGE_KEY, raw)
    return decodeSubscribers(raw ?? localStorage.getItem(STORAGE_KEY))
  } catch {
    return decodeSubscribers(raw)
  }
}

export function mockSubscribers(): DemoSubscriber[] {
  return mockDemoDevices.map((d, i) => ({
    deviceId: d.deviceId,
    cardNo: d.cardNo,
    scenario: 'mock',
    name: `演示机顶盒 ${i + 1}`,
  }))
}

export function subscriberLabel(s: DemoSubscriber): string {
  return [s.name, s.scenario && s.scenario !== 'mock' ? `(${s.scenario})` : '', s.deviceId].filter(Boolean).join(' ')
}
