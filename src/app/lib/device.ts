/**
 * Who this box is. A real box is told by its platform (the operator's portal passes the STB id and
 * smart card in platformSettings.device, or the middleware exposes `window.tvHallPlatform`); the
 * emulator and the tests say it in the URL: `?deviceId=STB0001&cardNo=8100000000000001&deviceKey=…`.
 * The device key (hex, given to the box at provisioning; the demo links carry the stub's development key)
 * signs the log-in challenge: the STB id and card number are identifiers, never credentials.
 */
import { queryParam } from './query.ts'

export interface PlatformDevice {
  deviceId?: string
  cardNo?: string
  deviceKey?: string
}

/** Who the box is and what proves it; `deviceKey` is '' where none was given (the preview's mocks need none). */
export interface BoxIdentity {
  deviceId: string
  cardNo: string
  deviceKey: string
}

export interface PlatformBridge {
  getIdentity?: () => PlatformDevice | null | undefined
}

const DEVICE_ID = /^[A-Za-z0-9_-]{4,32}$/
const CARD_NO = /^\d{16}$/
const DEVICE_KEY = /^[0-9a-f]{64}$/

function complete(d: PlatformDevice | null | undefined): BoxIdentity | null {
  if (!d || typeof d.deviceId !== 'string' || typeof d.cardNo !== 'string') return null
  const deviceId = d.deviceId.trim()
  const cardNo = d.cardNo.replace(/\s+/g, '')
  const key = typeof d.deviceKey === 'string' ? d.deviceKey.trim().toLowerCase() : ''
  const deviceKey = DEVICE_KEY.test(key) ? key : ''
  return DEVICE_ID.test(deviceId) && CARD_NO.test(cardNo) ? { deviceId, cardNo, deviceKey } : null
}

export function identityFromQuery(search: string): BoxIdentity | null {
  return complete({
    deviceId: queryParam(search, 'deviceId') ?? undefined,
    cardNo: queryParam(search, 'cardNo') ?? undefined,
    deviceKey: queryParam(search, 'deviceKey') ?? undefined,
  })
}

/** settings.json's `platform.device`, field by field (whatever is not text is left out; complete() judges the rest). */
export function platformDeviceOf(value: unknown): PlatformDevice | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const text = (key: keyof PlatformDevice): string | undefined => {
    const v: unknown = Reflect.get(value, key)
    return typeof v === 'string' ? v : undefined
  }
  return { deviceId: text('deviceId'), cardNo: text('cardNo'), deviceKey: text('deviceKey') }
}

/** Platform first (it cannot be spoofed from the address bar on a box), then the URL. */
export function resolveIdentity(
  platform: PlatformDevice | undefined,
  bridge: PlatformBridge | undefined,
  search: string,
): BoxIdentity | null {
  return (
    complete(platform) ||
    complete(bridge && bridge.getIdentity ? bridge.getIdentity() : null) ||
    identityFromQuery(search)
  )
}
