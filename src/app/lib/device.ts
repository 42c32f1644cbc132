/**
 * Who this box is. A real box is told by its platform (the operator's portal passes the STB id and
 * smart card in platformSettings.device, or the middleware exposes `window.tvHallPlatform`); the
 * emulator and the tests say it in the URL: `?deviceId=STB0001&cardNo=8100000000000001`.
 */
import type { SessionRequest } from '../../contract/index.ts'
import { queryParam } from './query.ts'

export interface PlatformDevice {
  deviceId?: string
  cardNo?: string
}

interface PlatformBridge {
  getIdentity?: () => PlatformDevice | null | undefined
}

const DEVICE_ID = /^[A-Za-z0-9_-]{4,32}$/
const CARD_NO = /^\d{16}$/

function complete(d: PlatformDevice | null | undefined): SessionRequest | null {
  if (!d || typeof d.deviceId !== 'string' || typeof d.cardNo !== 'string') return null
  const deviceId = d.deviceId.trim()
  const cardNo = d.cardNo.replace(/\s+/g, '')
  return DEVICE_ID.test(deviceId) && CARD_NO.test(cardNo) ? { deviceId, cardNo } : null
}

export function identityFromQuery(search: string): SessionRequest | null {
  return complete({ deviceId: queryParam(search, 'deviceId') ?? undefined, cardNo: queryParam(search, 'cardNo') ?? undefined })
}

/** Platform first (it cannot be spoofed from the address bar on a box), then the URL. */
export function resolveIdentity(
  platform: PlatformDevice | undefined,
  bridge: PlatformBridge | undefined,
  search: string,
): SessionRequest | null {
  return complete(platform) || complete(bridge && bridge.getIdentity ? bridge.getIdentity() : null) || identityFromQuery(search)
}
