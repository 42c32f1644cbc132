/**
 * RFC 4122 version 4 ids for `Idempotency-Key`. Written out because `crypto.randomUUID` is missing on
 * old box engines, while `crypto.getRandomValues` has been there since Chrome 11.
 */
export function uuidV4(random: (bytes: Uint8Array) => Uint8Array = defaultRandom): string {
  const b = random(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  let hex = ''
  for (let i = 0; i < 16; i++) {
    hex += (b[i] < 16 ? '0' : '') + b[i].toString(16)
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-'
  }
  return hex
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  const c = typeof crypto !== 'undefined' ? crypto : undefined
  if (c && typeof c.getRandomValues === 'function') return c.getRandomValues(bytes)
  // Last resort on engines without Web Crypto: keys only need to be unique per box, not secret.
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}
