import { describe, expect, it } from 'vitest'
import type { BillDetail, BillLine } from '../../../src/contract/index.ts'
import { compareBills, previousMonth } from '../../../src/app/lib/billChange.ts'

const bill = (month: string, lines: BillLine[]): BillDetail => {
  const totalFen = lines.reduce((s, l) => s + l.amountFen, 0)
  return {
    billId: 'B' + month.replace('-', ''),
    month,
    totalFen,
    paidFen: 0,
    status: 'unpaid',
    dueDate: month + '-28',
    periodStart: month + '-01',
    periodEnd: month + '-28',
    lines,
  }
}
const maintenance: BillLine = {
  kind: 'maintenance',
  itemKey: 'P_BASIC',
  name: '基本收视维护费',
  nameEn: 'Basic TV service fee',
  amountFen: 2650,
}
const hd: BillLine = { kind: 'package', itemKey: 'P_HD', name: '高清包', nameEn: 'HD Pack', amountFen: 1000 }
const sports: BillLine = { kind: 'package', itemKey: 'P_SPORT', name: '体育包', nameEn: 'Sports Pack', amountFen: 2000 }
const docs: BillLine = {
  kind: 'package',
  itemKey: 'P_DOC',
  name: '纪实包',
  nameEn: 'Documentary Pack',
  amountFen: 1500,
}

describe('compareBills', () => {
  it('says nothing changed when the lines are the same', () => {
    const c = compareBills(bill('2026-03', [maintenance, hd]), bill('2026-02', [maintenance, hd]))
    expect(c.changes).toEqual([])
    expect(c.totalDeltaFen).toBe(0)
  })

  it('finds packages added and dropped by itemKey, not by name', () => {
    const renamedHd = { ...hd, name: '高清频道包' }
    const c = compareBills(bill('2026-03', [maintenance, renamedHd, sports]), bill('2026-02', [maintenance, hd, docs]))
    expect(c.changes.map((x) => [x.kind, x.itemKey, x.deltaFen])).toEqual([
      ['added', 'P_SPORT', 2000],
      ['removed', 'P_DOC', -1500],
    ])
    expect(c.totalDeltaFen).toBe(500)
  })

  it('lists this month’s purchases, last month’s purchases not repeated, and changed fees', () => {
    const film = (key: string, fen: number): BillLine => ({
      kind: 'ppv',
      itemKey: key,
      name: '电影' + key,
      nameEn: 'Film ' + key,
      amountFen: fen,
    })
    const dearerHd = { ...hd, amountFen: 1200 }
    const c = compareBills(
      bill('2026-03', [maintenance, dearerHd, film('V002', 500), film('V003', 800)]),
      bill('2026-02', [maintenance, hd, film('V001', 300)]),
    )
    expect(c.changes.map((x) => [x.kind, x.itemKey, x.beforeFen, x.afterFen])).toEqual([
      ['changed', 'P_HD', 1000, 1200],
      ['purchase', 'V003', 0, 800],
      ['purchase', 'V002', 0, 500],
      ['purchaseBefore', 'V001', 300, 0],
    ])
    expect(c.totalDeltaFen).toBe(1200 + 500 + 800 - 1000 - 300)
  })

  it('counts adjustments and discounts only when their amount differs; repeated keys are summed', () => {
    const adj = (fen: number): BillLine => ({
      kind: 'adjustment',
      itemKey: 'ADJ_1',
      name: '调账',
      nameEn: '调账',
      amountFen: fen,
    })
    const elder: BillLine = {
      kind: 'discount',
      itemKey: 'DSC_ELDER',
      name: '老年优惠',
      nameEn: 'Senior discount',
      amountFen: -500,
    }
    const c = compareBills(
      bill('2026-03', [maintenance, elder, adj(-300), adj(-200)]),
      bill('2026-02', [maintenance, elder]),
    )
    expect(c.changes).toEqual([
      {
        kind: 'adjustment',
        itemKey: 'ADJ_1',
        name: '调账',
        nameEn: '调账',
        lineKind: 'adjustment',
        beforeFen: 0,
        afterFen: -500,
        deltaFen: -500,
      },
    ])
    expect(c.totalDeltaFen).toBe(-500)
  })

  it('takes the total delta from the bills’ totals in integer fen', () => {
    const a = bill('2026-03', [{ ...maintenance, amountFen: 10 }])
    const b = bill('2026-02', [{ ...maintenance, amountFen: 30 }])
    const c = compareBills(a, b)
    expect(c.totalDeltaFen).toBe(-20)
    expect(c.previousTotalFen).toBe(30)
    expect(c.currentTotalFen).toBe(10)
    expect(() => compareBills({ ...a, totalFen: 0.1 }, b)).toThrow(RangeError)
  })
})

describe('previousMonth', () => {
  it('steps back one month, across a year', () => {
    expect(previousMonth('2026-03')).toBe('2026-02')
    expect(previousMonth('2026-01')).toBe('2025-12')
    expect(previousMonth('2026-10')).toBe('2026-09')
    expect(previousMonth('bad')).toBe('')
  })
})
