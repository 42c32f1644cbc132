import { createHash, createHmac } from 'node:crypto'

/**
 * Households are pseudonymous in the usage store: an HMAC of the customer id under a key the operator
 * keeps (USAGE_HOUSEHOLD_KEY). Rotating the key (a new value, a restart) makes new pseudonyms that do
 * not link to old ones; keyId tells them apart in the store without revealing the key.
 */
export interface Pseudonymizer {
  keyId: string
  household(customerId: string): string
}

export function pseudonymizer(key: string): Pseudonymizer {
  const keyId = createHash('sha256').update(`usage-key:${key}`).digest('hex').slice(0, 8)
  return {
    keyId,
    household: (customerId) => createHmac('sha256', key).update(customerId).digest('base64url').slice(0, 22),
  }
}
