import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'

/**
 * Households are pseudonymous in the usage store: an HMAC of the customer id under a key the operator
 * keeps (USAGE_HOUSEHOLD_KEY). Rotating the key (a new value, a restart) makes new pseudonyms that do
 * not link to old ones; keyId tells them apart in the store without revealing the key.
 *
 * Offers need a way back from a pseudonym to the household. The store keeps, beside the pseudonym, the
 * customer id sealed (AES-256-GCM) under a key derived from the same household key: whoever reads the
 * store without the key learns nothing, and whoever has the key could already recompute every pseudonym
 * from the customer ids, so the seal adds no new way to re-identify. A rotated key cannot open old seals.
 */
export interface Pseudonymizer {
  keyId: string
  household(customerId: string): string
  /** The customer id sealed for the offer job: random IV, authenticated, base64url. */
  seal(customerId: string): string
  /** The customer id back, or null when sealed under another key or tampered with. */
  open(sealed: string): string | null
}

export function pseudonymizer(key: string): Pseudonymizer {
  const keyId = createHash('sha256').update(`usage-key:${key}`).digest('hex').slice(0, 8)
  const sealKey = createHmac('sha256', key).update('usage-contact-seal').digest()
  return {
    keyId,
    household: (customerId) => createHmac('sha256', key).update(customerId).digest('base64url').slice(0, 22),
    seal: (customerId) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv)
      const text = Buffer.concat([cipher.update(customerId, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64url')
    },
    open: (sealed) => {
      try {
        const raw = Buffer.from(sealed, 'base64url')
        const decipher = createDecipheriv('aes-256-gcm', sealKey, raw.subarray(0, 12))
        decipher.setAuthTag(raw.subarray(12, 28))
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
      } catch {
        return null
      }
    },
  }
}
