import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The v2.3 sign string: every HEAD field except SIGN and every BODY field as KEY=VALUE,
 * sorted by key in byte order, joined by `&`. Values go in verbatim (no URL encoding);
 * the string is hashed as UTF-8.
 */
export function signString(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((k) => k !== 'SIGN')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((k) => `${k}=${fields[k]}`)
    .join('&')
}

/** HMAC-SHA256 of the sign string, upper-case hex. */
export function computeSign(fields: Record<string, string>, secret: string): string {
  return createHmac('sha256', secret).update(signString(fields), 'utf8').digest('hex').toUpperCase()
}

/** Constant-time comparison so the stub does not teach clients how to forge a SIGN byte by byte. */
export function signMatches(fields: Record<string, string>, secret: string, given: string): boolean {
  const expected = Buffer.from(computeSign(fields, secret))
  const actual = Buffer.from(given)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
