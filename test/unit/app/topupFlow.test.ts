import { describe, expect, it } from 'vitest'
import { QR_TOPUP_MAX_FEN, QR_TOPUP_PRESETS_FEN } from '../../../src/contract/topups.ts'
import { amountOptions, cardRefusal, formatCountdown, MAX_FEN, PRESETS_FEN, secondsLeft } from '../../../src/app/lib/topupFlow.ts'

describe('top-up rules', () => {
  it('offers the contract presets', () => {
    expect(PRESETS_FEN).toEqual([...QR_TOPUP_PRESETS_FEN])
    expect(MAX_FEN).toBe(QR_TOPUP_MAX_FEN)
    expect(amountOptions(0)).toEqual(PRESETS_FEN)
  })

  it('puts the arrears first when the account owes, once, and never above the maximum', () => {
    expect(amountOptions(5_830)).toEqual([5_830, ...PRESETS_FEN])
    expect(amountOptions(5_000)).toEqual(PRESETS_FEN)
    expect(amountOptions(MAX_FEN + 1)).toEqual(PRESETS_FEN)
  })

  it('formats the countdown as m:ss and never below zero', () => {
    expect(formatCountdown(300)).toBe('5:00')
    expect(formatCountdown(125)).toBe('2:05')
    expect(formatCountdown(9.7)).toBe('0:09')
    expect(formatCountdown(-3)).toBe('0:00')
  })

  it('counts down from the answer, not the box clock', () => {
    expect(secondsLeft(300, 1_000, 1_000)).toBe(300)
    expect(secondsLeft(300, 1_000, 11_500)).toBe(290)
    expect(secondsLeft(5, 0, 60_000)).toBe(0)
  })

  it('says each card refusal in its own words, with tries left and minutes to wait', () => {
    expect(cardRefusal('CARD_INVALID', 2)).toEqual({ key: 'topup.card.invalid', params: { attempts: 2 }, retype: true })
    expect(cardRefusal('LOCKED', 0, 601)).toEqual({ key: 'topup.card.locked', params: { minutes: 11 }, retype: false })
    expect(cardRefusal('CARD_USED').key).toBe('topup.card.used')
    expect(cardRefusal('CARD_EXPIRED').key).toBe('topup.card.expired')
    expect(cardRefusal('CARD_NOT_ALLOWED').key).toBe('topup.card.notAllowed')
    expect(cardRefusal('BOSS_UNAVAILABLE').key).toBe('topup.bossDown')
    expect(cardRefusal('BOSS_TIMEOUT').retype).toBe(false)
    expect(cardRefusal('INTERNAL').key).toBe('topup.failed')
  })
})
