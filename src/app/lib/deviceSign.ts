/**
 * The box's answer to the log-in challenge: lower-case hex HMAC-SHA256, under its device key, of
 * `TVHALL-LOGIN|<deviceId>|<cardNo>|<challenge>` (the BOSS checks it). WebCrypto where the engine has it (a secure
 * context of a recent engine); old engines and pages served over plain HTTP have no `crypto.subtle`, so js-sha256
 * (ES5-safe) signs there.
 */
import { sha256 } from 'js-sha256'
import type { BoxIdentity } from './device.ts'

export function loginMessage(id: Pick<BoxIdentity, 'deviceId' | 'cardNo'>, challenge: string): string {
  return 'TVHALL-LOGIN|' + id.deviceId + '|' + id.cardNo + '|' + challenge
}

function keyBytes(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16)
  return out
}

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let hex = ''
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16)
  return hex
}

/** lib.dom promises `crypto.subtle`; old engines and pages served over plain HTTP do not have it. */
function subtle(): SubtleCrypto | null {
  const c: { subtle?: SubtleCrypto } | undefined = typeof window !== 'undefined' ? window.crypto : undefined
  return c && c.subtle && typeof c.subtle.importKey === 'function' && typeof TextEncoder !== 'undefined'
    ? c.subtle
    : null
}

export function signChallenge(id: BoxIdentity, challenge: string): Promise<string> {
  const message = loginMessage(id, challenge)
  const key = keyBytes(id.deviceKey)
  const webCrypto = subtle()
  if (webCrypto) {
    return webCrypto
      .importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      .then((k) => webCrypto.sign('HMAC', k, new TextEncoder().encode(message)))
      .then(toHex, () => sha256.hmac.hex(key, message))
  }
  return Promise.resolve(sha256.hmac.hex(key, message))
}
