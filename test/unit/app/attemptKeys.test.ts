import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { attemptSlot, forgetAttemptKey, keptAttemptKey } from '../../../src/app/lib/attemptKeys.ts'
import { cardFailureIsDefinite } from '../../../src/app/lib/topupFlow.ts'

/** The box's localStorage, which outlives a crash of the app or of the BFF. */
class BoxStorage {
  readonly items = new Map<string, string>()
  getItem = (k: string) => this.items.get(k) ?? null
  setItem = (k: string, v: string) => void this.items.set(k, v)
  removeItem = (k: string) => void this.items.delete(k)
}

const box = { deviceId: 'STB0001', cardNo: '8100000000000001' }
let storage: BoxStorage
beforeEach(() => {
  storage = new BoxStorage()
  vi.stubGlobal('localStorage', storage)
})
afterEach(() => vi.unstubAllGlobals())

describe('the Idempotency-Key of a money-moving attempt kept on the box', () => {
  it('is the same for the same card top-up until it is settled, then a new one', () => {
    const slot = attemptSlot('topupCard', box, ['1234567890123456'])
    const first = keptAttemptKey(slot)
    expect(keptAttemptKey(slot)).toBe(first)
    expect(storage.getItem(slot)).toBe(first)
    forgetAttemptKey(slot)
    expect(storage.getItem(slot)).toBeNull()
    expect(keptAttemptKey(slot)).not.toBe(first)
  })

  it('survives a restart of the app: a key in storage is the one sent again', () => {
    const slot = attemptSlot('topupQr', box, [5000])
    storage.setItem(slot, 'kept-before-the-crash-0001')
    expect(keptAttemptKey(slot)).toBe('kept-before-the-crash-0001')
  })

  it('differs by box, card, method and what is bought, and never names a secret', () => {
    const slots = [
      attemptSlot('topupCard', box, ['1234567890123456']),
      attemptSlot('topupCard', box, ['1234567890123457']),
      attemptSlot('topupCard', { ...box, cardNo: '8100000000000002' }, ['1234567890123456']),
      attemptSlot('topupQr', box, [5000]),
      attemptSlot('topupQr', box, [10000]),
      attemptSlot('order', box, ['P_SPORTS', 1, 'N']),
    ]
    expect(new Set(slots.map(keptAttemptKey)).size).toBe(slots.length)
    // Orders keep the slot names boxes already hold from before top-ups shared this code.
    expect(slots[5]).toBe('tvhall.orderKey:STB0001:8100000000000001:P_SPORTS:1:N')
    expect(slots[0]).toBe('tvhall.topupCardKey:STB0001:8100000000000001:1234567890123456')
  })

  it('works without storage (boxes that throw on it): kept for the life of the app', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('storage disabled')
      },
    })
    const slot = attemptSlot('topupCard', box, ['9999999999999999'])
    expect(keptAttemptKey(slot)).toBe(keptAttemptKey(slot))
  })
})

describe("when a card top-up's failure settles it", () => {
  it('keeps the key after a lost or unknown answer, forgets it after a refusal', () => {
    for (const code of ['NETWORK', 'BOSS_TIMEOUT', 'BOSS_UNAVAILABLE', 'BOSS_ERROR', 'CONFLICT', 'INTERNAL'])
      expect(cardFailureIsDefinite(code)).toBe(false)
    for (const code of ['CARD_INVALID', 'CARD_USED', 'CARD_EXPIRED', 'CARD_NOT_ALLOWED', 'LOCKED', 'BAD_REQUEST'])
      expect(cardFailureIsDefinite(code)).toBe(true)
  })
})
