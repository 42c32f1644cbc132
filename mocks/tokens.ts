import type { MockDemoDevice } from './fixtures/households.ts'
import { findDemoDeviceByCustomer } from './fixtures/households.ts'

/**
 * Session tokens of the mocks. Stateless on purpose: the service worker's handlers are rebuilt
 * on every page load, and a token the app kept in storage should still work after a reload,
 * as a real BFF token (signed, not stored) would. Opaque to the app all the same.
 */

/** The BFF's default token lifetime, so the app's renewal runs in previews as often as in the field. */
export const TOKEN_TTL_S = 15 * 60

const PREFIX = 'mock'

const toBase64Url = (text: string): string => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

function fromBase64Url(text: string): string | undefined {
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return undefined
  }
}

export interface IssuedToken {
  token: string
  expiresAt: Date
}

export function issueToken(device: MockDemoDevice, now: Date, ttlSeconds: number): IssuedToken {
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ttlSeconds * 1000)
  const payload = toBase64Url(`${device.customerId}:${expiresAt.getTime() / 1000}`)
  return { token: `${PREFIX}.${payload}`, expiresAt }
}

export type TokenCheck = { device: MockDemoDevice } | { problem: 'missing' | 'invalid' | 'expired' }

export function checkAuthorization(header: string | null, now: Date): TokenCheck {
  const match = header === null ? null : /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) return { problem: 'missing' }
  const [prefix, payload, extra] = match[1].split('.')
  const decoded = prefix === PREFIX && payload && extra === undefined ? fromBase64Url(payload) : undefined
  const [customerId, expiry] = decoded ? decoded.split(':') : []
  const device = customerId ? findDemoDeviceByCustomer(customerId) : undefined
  const expiresAtMs = Number(expiry) * 1000
  if (!device || !Number.isFinite(expiresAtMs)) return { problem: 'invalid' }
  if (expiresAtMs <= now.getTime()) return { problem: 'expired' }
  return { device }
}
