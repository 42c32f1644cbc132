import { describe, expect, it } from 'vitest'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import type { TSchema } from '@sinclair/typebox'
import { BillDetail, BillSummary, Payment } from '../../../src/contract/index.ts'
import { bossAccountAdapter } from '../../../src/bff/boss/bossAccountAdapter.ts'
import { bossBillingAdapter } from '../../../src/bff/boss/bossBillingAdapter.ts'
import { bossCustomerAdapter } from '../../../src/bff/boss/bossCustomerAdapter.ts'
import { bossPaymentAdapter } from '../../../src/bff/boss/bossPaymentAdapter.ts'
import { BossBusinessError, BossProtocolError } from '../../../src/bff/boss/bossErrors.ts'
import {
  bossMonthShift,
  fromBossDate,
  fromBossFen,
  fromBossMonth,
  fromBossTimestamp,
  toBossDate,
  toBossTimestamp,
} from '../../../src/bff/boss/bossFormat.ts'
import { toIsoBeijing } from '../../../src/bff/time.ts'

const ajv = new Ajv({ strict: false })
addFormats.default(ajv)
/** Does the value satisfy the contract schema, formats included (as the BFF's serializer will rely on)? */
const Value = { Check: (schema: TSchema, value: unknown) => ajv.validate(schema, value) }

/** A fake BOSS caller: records calls and answers from a script. */
function fakeBoss(answer: (svc: string, body: Record<string, string>) => Record<string, unknown>) {
  const calls: { svc: string; body: Record<string, string> }[] = []
  return {
    calls,
    call: async (svc: string, body: Record<string, string>) => {
      calls.push({ svc, body })
      return answer(svc, body)
    },
  }
}
const refuse = (code: string) => () => {
  throw new BossBusinessError(code, 'no', {})
}

// 2026-01-05 01:30 in Beijing is still 2026-01-04 in UTC: a good date to catch time-zone slips.
const NOW = new Date('2026-01-04T17:30:00Z')

describe('Beijing time and fen conversions', () => {
  it('formats instants as Beijing wall clock', () => {
    expect(toBossTimestamp(NOW)).toBe('20260105013000')
    expect(toBossDate(NOW)).toBe('20260105')
    expect(toIsoBeijing(NOW)).toBe('2026-01-05T01:30:00+08:00')
    expect(Date.parse(toIsoBeijing(NOW))).toBe(NOW.getTime())
  })

  it('stamps each second of any clock, back and forth, with its own Beijing wall clock', () => {
    const at = (iso: string) => toBossTimestamp(new Date(iso))
    expect(at('2026-01-04T17:30:00.000Z')).toBe('20260105013000')
    expect(at('2026-01-04T17:30:00.999Z')).toBe('20260105013000')
    expect(at('2026-01-04T17:30:01.000Z')).toBe('20260105013001')
    // A test's clock (or NTP) can step back: the earlier second is stamped again, not the last one seen.
    expect(at('2026-01-04T17:29:59.999Z')).toBe('20260105012959')
    expect(at('2026-12-31T16:00:00.000Z')).toBe('20270101000000')
    expect(at('1969-12-31T15:59:59.500Z')).toBe('19691231235959')
  })

  it('shifts months across a year boundary', () => {
    expect(bossMonthShift(NOW, 0)).toBe('202601')
    expect(bossMonthShift(NOW, -11)).toBe('202502')
    expect(bossMonthShift(new Date('2026-03-31T00:00:00+08:00'), -1)).toBe('202602')
  })

  it('reads BOSS strings into ISO with +08:00', () => {
    expect(fromBossTimestamp('20261122201500', 'T')).toBe('2026-11-22T20:15:00+08:00')
    expect(Date.parse(fromBossTimestamp('20261122201500', 'T'))).toBe(Date.UTC(2026, 10, 22, 12, 15, 0))
    expect(fromBossDate('20240229', 'D')).toBe('2024-02-29')
    expect(fromBossMonth('202611', 'M')).toBe('2026-11')
  })

  it('refuses malformed or impossible dates', () => {
    for (const bad of ['2026112220150', '20261322201500', '20261122251500', 'abcdefghijklmn', '']) {
      expect(() => fromBossTimestamp(bad, 'T')).toThrow(BossProtocolError)
    }
    expect(() => fromBossDate('20230229', 'D')).toThrow(/yyyyMMdd/)
    expect(() => fromBossMonth('202613', 'M')).toThrow(BossProtocolError)
  })

  it('parses fen strings to integers, negatives only when allowed', () => {
    expect(fromBossFen('12345', 'F')).toBe(12345)
    expect(fromBossFen('0', 'F')).toBe(0)
    expect(fromBossFen('-500', 'F', { allowNegative: true })).toBe(-500)
    expect(Object.is(fromBossFen('-0', 'F', { allowNegative: true }), 0)).toBe(true)
    for (const bad of ['-500', '12.5', '', ' 1', '1e3', '0x10', '1234567890123456']) {
      expect(() => fromBossFen(bad, 'F')).toThrow(BossProtocolError)
    }
  })
})

describe('bossCustomerAdapter', () => {
  const ok = {
    CUST_ID: 'C00000001',
    CUST_NAME: '张三',
    ACCT_ID: 'A00000001',
    CARD_NO: '8100000000000001',
    REGION_CODE: '0101',
    REGION_NAME: '城区',
  }
  it('identifies a known pair', async () => {
    const boss = fakeBoss(() => ok)
    const who = await bossCustomerAdapter(boss).identify('STB0001', '8100000000000001')
    expect(who).toEqual({
      customerId: 'C00000001',
      customerName: '张三',
      accountId: 'A00000001',
      cardNo: '8100000000000001',
      regionCode: '0101',
      regionName: '城区',
    })
    expect(boss.calls).toEqual([{ svc: 'CUST_AUTH_QRY', body: { STB_ID: 'STB0001', CARD_NO: '8100000000000001' } }])
  })
  it('answers null for 2001 and refuses an answer for another card', async () => {
    expect(await bossCustomerAdapter(fakeBoss(refuse('2001'))).identify('S', '1')).toBeNull()
    await expect(bossCustomerAdapter(fakeBoss(() => ok)).identify('S', '8100000000000002')).rejects.toThrow(
      BossProtocolError,
    )
    await expect(bossCustomerAdapter(fakeBoss(refuse('2003'))).identify('S', '1')).rejects.toThrow(BossBusinessError)
  })
})

describe('bossAccountAdapter', () => {
  const base = {
    ACCT_ID: 'A1',
    BALANCE: '2350',
    OWE_FEE: '0',
    DEPOSIT: '10000',
    ACCT_STATUS: '1',
    PLAN_STOP_DATE: '',
    STOP_TIME: '',
    NEXT_DEDUCT_DATE: '20260201',
    NEXT_DEDUCT_FEE: '2800',
    LOW_BAL_FLAG: 'N',
    QRY_TIME: '20260105013000',
  }
  const balance = (over: Record<string, string>) =>
    bossAccountAdapter(
      fakeBoss(() => ({ ...base, ...over })),
      () => NOW,
    ).balance('C1')

  it('maps a normal account', async () => {
    expect(await balance({})).toEqual({
      accountId: 'A1',
      status: 'normal',
      balanceFen: 2350,
      arrearsFen: 0,
      depositFen: 10000,
      lowBalance: false,
      suspendOn: null,
      suspendedSince: null,
      nextDeduction: { date: '2026-02-01', amountFen: 2800 },
      asOf: '2026-01-05T01:30:00+08:00',
    })
  })
  it('maps arrears and suspension', async () => {
    const arrears = await balance({
      ACCT_STATUS: '2',
      BALANCE: '0',
      OWE_FEE: '4500',
      PLAN_STOP_DATE: '20260110',
      LOW_BAL_FLAG: 'Y',
    })
    expect(arrears).toMatchObject({ status: 'arrears', arrearsFen: 4500, suspendOn: '2026-01-10', lowBalance: true })
    const suspended = await balance({
      ACCT_STATUS: '3',
      OWE_FEE: '9000',
      STOP_TIME: '20251201000501',
      NEXT_DEDUCT_DATE: '',
    })
    expect(suspended).toMatchObject({
      status: 'suspended',
      suspendedSince: '2025-12-01T00:05:01+08:00',
      nextDeduction: null,
    })
  })
  it('falls back to now for a missing QRY_TIME and refuses unknown statuses', async () => {
    expect((await balance({ QRY_TIME: '' })).asOf).toBe('2026-01-05T01:30:00+08:00')
    await expect(balance({ ACCT_STATUS: '4' })).rejects.toThrow(/ACCT_STATUS/)
    await expect(balance({ BALANCE: '12.30' })).rejects.toThrow(/BALANCE/)
  })
})

describe('bossBillingAdapter', () => {
  const bill = (id: string, month: string, status = '2') => ({
    BILL_ID: id,
    BILL_MONTH: month,
    TOTAL_FEE: '2800',
    PAID_FEE: status === '2' ? '2800' : '0',
    BILL_STATUS: status,
    DUE_DATE: `${month}20`,
  })
  it('asks for the Beijing months up to now and maps the list, newest first', async () => {
    const boss = fakeBoss(() => ({
      BILL_LIST: [bill('B2', '202511', '0'), bill('B3', '202512', '1'), bill('B1', '202510')],
    }))
    const list = await bossBillingAdapter(boss, () => NOW).listBills('C1')
    expect(boss.calls[0]).toEqual({
      svc: 'BILL_LIST_QRY',
      body: { CUST_ID: 'C1', BEGIN_MONTH: '202501', END_MONTH: '202601' },
    })
    expect(list.map((b) => [b.billId, b.month, b.status])).toEqual([
      ['B3', '2025-12', 'partial'],
      ['B2', '2025-11', 'unpaid'],
      ['B1', '2025-10', 'settled'],
    ])
    expect(list[0]).toEqual({
      billId: 'B3',
      month: '2025-12',
      totalFen: 2800,
      paidFen: 0,
      status: 'partial',
      dueDate: '2025-12-20',
    })
    for (const b of list) expect(Value.Check(BillSummary, b)).toBe(true)
  })

  it('keeps the newest 12 billing months, whether or not the current month is billed yet', async () => {
    const months = Array.from({ length: 13 }, (_, i) => bossMonthShift(NOW, -i)) // 202601 back to 202501
    const all = months.map((m, i) => bill(`B${i}`, m))
    const withCurrent = await bossBillingAdapter(
      fakeBoss(() => ({ BILL_LIST: all })),
      () => NOW,
    ).listBills('C1')
    expect(withCurrent.map((b) => b.month)).toEqual(months.slice(0, 12).map((m) => `${m.slice(0, 4)}-${m.slice(4)}`))
    const completedOnly = await bossBillingAdapter(
      fakeBoss(() => ({ BILL_LIST: all.slice(1) })),
      () => NOW,
    ).listBills('C1')
    expect(completedOnly).toHaveLength(12)
    expect(completedOnly[11].month).toBe('2025-01')
  })

  it('maps a bill detail with item kinds and negative discounts', async () => {
    const boss = fakeBoss(() => ({
      ...bill('B3', '202512', '0'),
      TOTAL_FEE: '3300',
      CYCLE_BEGIN: '20251201',
      CYCLE_END: '20251231',
      ITEM_LIST: [
        { ITEM_TYPE: '01', ITEM_CODE: 'MAINT', ITEM_NAME: '基本收视维护费', FEE: '2500' },
        { ITEM_TYPE: '02', ITEM_CODE: 'P_HD', ITEM_NAME: '高清包', ITEM_NAME_EN: 'HD Pack', FEE: '1000' },
        { ITEM_TYPE: '05', ITEM_CODE: '', ITEM_NAME: '优惠', FEE: '-200' },
        { ITEM_TYPE: '42', ITEM_CODE: 'X', ITEM_NAME: '新费用', FEE: '0' },
      ],
    }))
    const d = await bossBillingAdapter(boss, () => NOW).billDetail('C1', 'B3')
    expect(d).not.toBeNull()
    expect(Value.Check(BillDetail, d)).toBe(true)
    expect(d!.periodStart).toBe('2025-12-01')
    expect(d!.lines).toEqual([
      // An item without ITEM_NAME_EN (an older BOSS) keeps its Chinese name for the app to replace by its kind.
      { kind: 'maintenance', itemKey: 'MAINT', name: '基本收视维护费', nameEn: '基本收视维护费', amountFen: 2500 },
      { kind: 'package', itemKey: 'P_HD', name: '高清包', nameEn: 'HD Pack', amountFen: 1000 },
      { kind: 'discount', itemKey: 'discount', name: '优惠', nameEn: '优惠', amountFen: -200 },
      { kind: 'other', itemKey: 'X', name: '新费用', nameEn: '新费用', amountFen: 0 },
    ])
    expect(d!.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(d!.totalFen)
  })

  it('answers null for a bill of another customer (2002)', async () => {
    expect(await bossBillingAdapter(fakeBoss(refuse('2002'))).billDetail('C1', 'B9')).toBeNull()
  })
})

describe('bossPaymentAdapter', () => {
  it('asks for a page of the last year and maps channels', async () => {
    const boss = fakeBoss(() => ({
      TOTAL_COUNT: '7',
      PAY_LIST: [
        { PAY_ID: 'P2', PAY_CHANNEL: '03', PAY_FEE: '5000', PAY_TIME: '20251230101010' },
        { PAY_ID: 'P1', PAY_CHANNEL: '04', PAY_FEE: '3000', PAY_TIME: '20251101000000' },
      ],
    }))
    const page = await bossPaymentAdapter(boss, () => NOW).listPayments('C1', { pageNo: 2, pageSize: 2 })
    expect(boss.calls[0].body).toEqual({
      CUST_ID: 'C1',
      BEGIN_DATE: '20250105',
      END_DATE: '20260105',
      PAGE_NO: '2',
      PAGE_SIZE: '2',
    })
    expect(page.total).toBe(7)
    expect(page.items).toEqual([
      { paymentId: 'P2', channel: 'card', amountFen: 5000, paidAt: '2025-12-30T10:10:10+08:00' },
      { paymentId: 'P1', channel: 'qr', amountFen: 3000, paidAt: '2025-11-01T00:00:00+08:00' },
    ])
    for (const p of page.items) expect(Value.Check(Payment, p)).toBe(true)
  })
  it('refuses unknown channels', async () => {
    const boss = fakeBoss(() => ({
      TOTAL_COUNT: '1',
      PAY_LIST: [{ PAY_ID: 'P', PAY_CHANNEL: '77', PAY_FEE: '1', PAY_TIME: '20251101000000' }],
    }))
    await expect(bossPaymentAdapter(boss).listPayments('C', { pageNo: 1, pageSize: 20 })).rejects.toThrow(/PAY_CHANNEL/)
  })
})
