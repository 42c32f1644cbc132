/**
 * The live subscriber list travels in the emulator's URL (`subs`): the BFF's CSP lets pages it serves
 * connect to their own origin only, so the emulator cannot ask the boss-stub itself. The dev launcher
 * (and the e2e test) already hold the stub's list and build the link with it. Pure: runs in Node too.
 */
export interface DemoSubscriber {
  deviceId: string
  cardNo: string
  scenario: string
  name: string
  /** Development provisioning: the stub's device key of this box (the app signs its log-in with it). */
  deviceKey?: string
}

// Characters URLSearchParams leaves as they are, so the printed link stays readable.
const FIELD = '.'
const ENTRY = '*'

export function encodeSubscribers(list: readonly DemoSubscriber[]): string {
  const clean = (v: string) => v.replace(/[.*]/g, ' ')
  return list
    .map((s) => [s.deviceId, s.cardNo, s.scenario, s.name, s.deviceKey ?? ''].map(clean).join(FIELD))
    .join(ENTRY)
}

export function decodeSubscribers(raw: string | null): DemoSubscriber[] {
  if (!raw) return []
  const out: DemoSubscriber[] = []
  for (const entry of raw.split(ENTRY)) {
    const [deviceId, cardNo, scenario = '', name = '', deviceKey = ''] = entry.split(FIELD)
    if (deviceId && cardNo) out.push({ deviceId, cardNo, scenario, name, ...(deviceKey ? { deviceKey } : {}) })
  }
  return out
}

/** `http://host:port/emulator.html?subs=…` for the launcher's console and tests. */
export function emulatorLink(
  origin: string,
  subscribers: readonly DemoSubscriber[],
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams(extra)
  if (subscribers.length > 0) q.set('subs', encodeSubscribers(subscribers))
  const query = q.toString()
  return `${origin.replace(/\/$/, '')}/emulator.html${query ? `?${query}` : ''}`
}
