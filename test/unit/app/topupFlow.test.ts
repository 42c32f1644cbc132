import { describe, expect, it } from 'vitest'
import { QR_TOPUP_MAX_FEN, QR_TOPUP_PRESETS_FEN } from '../../../src/contract/topups.ts'
import {
  amountOptions,
  cardRefusal,
  topupOutcome,
  topupSplit,
  formatCountdown,
  MAX_FEN,
  PRESETS_FEN,
  secondsLeft,
} from '../../../src/app/lib/topupFlow.ts'

describe('top-up rules', () => {
  it('offers the contract presets', () => {
    expect(PRESETS_FEN).toEqual([...QR_TOPUP_PRESETS_FEN])
    expect(MAX_FEN).toBe(QR_TOPUP_MAX_FEN)
    expect(amountOptions(0)).toEqual(PRESETS_FEN)
  })

  it('starts at the arrears when the account owes, offers nothing that would leave it owing, never above the maximum', () => {
    expect(amountOptions(5_830)).toEqual([5_830, 10_000, 20_000, 50_000])
    // Issue 17: ¥36 owed offered ¥30 first.
    expect(amountOptions(3_600)).toEqual([3_600, 5_000, 10_000, 20_000, 50_000])
    expect(amountOptions(5_000)).toEqual([5_000, 10_000, 20_000, 50_000])
    expect(amountOptions(60_000)).toEqual([60_000])
    expect(amountOptions(MAX_FEN + 1)).toEqual(PRESETS_FEN)
    for (const owed of [1, 2_999, 3_600, 49_999, MAX_FEN])
      expect(amountOptions(owed).every((a) => a >= owed)).toBe(true)
  })

  it('splits a top-up into credit, arrears paid and new balance', () => {
    expect(topupSplit(5_000, { balanceFen: 1_400, arrearsFen: 0 }, { arrearsFen: 3_600 })).toEqual({
      creditFen: 5_000,
      arrearsPaidFen: 3_600,
      balanceFen: 1_400,
      arrearsLeftFen: 0,
    })
    expect(topupSplit(3_000, { balanceFen: 0, arrearsFen: 600 }, { arrearsFen: 3_600 })).toEqual({
      creditFen: 3_000,
      arrearsPaidFen: 3_000,
      balanceFen: 0,
      arrearsLeftFen: 600,
    })
    expect(topupSplit(3_000, { balanceFen: 8_000, arrearsFen: 0 }, { arrearsFen: 0 }).arrearsPaidFen).toBe(0)
    // Not known what was owed before (a result looked up later): no split is claimed.
    expect(topupSplit(3_000, { balanceFen: 8_000, arrearsFen: 0 }, null).arrearsPaidFen).toBeNull()
  })

  it('says "restored" only after a suspension, "settled" for arrears without one, nothing otherwise', () => {
    const paidUp = { arrearsFen: 0, status: 'normal' }
    expect(topupOutcome({ arrearsFen: 3_600, status: 'suspended' }, paidUp)).toBe('restored')
    expect(topupOutcome({ arrearsFen: 3_600, status: 'arrears' }, paidUp)).toBe('settled')
    expect(topupOutcome({ arrearsFen: 0, status: 'normal' }, paidUp)).toBeNull()
    expect(
      topupOutcome({ arrearsFen: 3_600, status: 'suspended' }, { arrearsFen: 600, status: 'suspended' }),
    ).toBeNull()
    expect(topupOutcome(null, paidUp)).toBeNull()
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
    // A lost answer may hide a credited card: never "nothing was charged" (issue 15, crash mid-top-up).
    for (const code of ['NETWORK', 'BOSS_TIMEOUT', 'CONFLICT'])
      expect(cardRefusal(code)).toEqual({ key: 'topup.unknown', params: {}, retype: false })
    expect(cardRefusal('INTERNAL').key).toBe('topup.failed')
  })
})
