import { describe, expect, it } from 'vitest'
import type { Account } from '../../../src/contract/index.ts'
import { noticeKind } from '../../../src/app/lib/accountNotice.ts'

const base: Account = {
  customerId: 'C00000001',
  customerName: '张建国',
  cardNoMasked: '8100********0001',
  regionName: '城区',
  status: 'normal',
  balanceFen: 12345,
  arrearsFen: 0,
  depositFen: 0,
  lowBalance: false,
  suspendOn: null,
  suspendedSince: null,
  nextDeduction: null,
  asOf: '2026-11-22T20:15:00+08:00',
}

describe('home notice', () => {
  it('says nothing for an account in good standing', () => {
    expect(noticeKind(base)).toBeNull()
    expect(noticeKind(null)).toBeNull()
  })

  it('says the most urgent thing only: suspended, then arrears, then low balance', () => {
    expect(noticeKind({ ...base, status: 'suspended', arrearsFen: 4650, lowBalance: true })).toBe('suspended')
    expect(noticeKind({ ...base, status: 'arrears', arrearsFen: 2600, lowBalance: true })).toBe('arrears')
    expect(noticeKind({ ...base, arrearsFen: 100 })).toBe('arrears')
    expect(noticeKind({ ...base, lowBalance: true })).toBe('low')
  })
})
