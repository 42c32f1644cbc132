import { catalogue, productById } from './catalogue.ts'
import type { Rng } from './seedRandom.ts'
import { ACCT_STATUS, BILL_STATUS, SUBS_STATUS, recurringItems, sumFees, type FeeItem } from '../rules.ts'
import { addDays, addMonths, daysInMonth, lastDayOf, shiftMonth } from '../protocol/time.ts'

/**
 * Plays a household's last 12 months forward: top-ups during each month, a bill on the 1st of the next,
 * deducted from the balance, arrears when the balance falls short, suspension when a bill stays unpaid
 * past its due date. Because history is simulated rather than drawn, balances, arrears, bills and
 * payments always agree with each other.
 */
export type Payer = 'normal' | 'low' | 'arrears' | 'suspended' | 'new'
export type Purchase = { prodId: string; period: number; effDate: string }

export type HouseholdPlan = {
  custId: string
  payer: Payer
  elder: boolean
  /** suspended payers make no top-ups from this month index on (0 = 12 months ago, 12 = this month) */
  stopPayingAt: number
  /** monthly (auto-renewing) packages per month index 0..12 */
  monthly: string[][]
  /** packages bought for a fixed period, charged on the bill of the month bought */
  purchases: Purchase[]
  /** pay-per-view purchases per month index 0..11 */
  vodCounts: number[]
  adjustments: Array<{ m: number; itemCode: string; itemName: string; itemNameEn: string; fee: number }>
  initialBalance: number
  /** when packages running since before the window started */
  firstSubsDay: string
  openDate: string
}

export type SeedBill = {
  billId: string
  billMonth: string
  totalFee: number
  paidFee: number
  status: string
  dueDate: string
  cycleBegin: string
  cycleEnd: string
  items: FeeItem[]
}
export type SeedPayment = { payId: string; channel: string; fee: number; time: string }
export type SeedSubscription = {
  subsId: string
  prodId: string
  effDate: string
  expDate: string
  status: string
  autoRenew: string
  periodMonths: number
  price: number
}
export type HouseholdHistory = {
  bills: SeedBill[]
  payments: SeedPayment[]
  subscriptions: SeedSubscription[]
  balance: number
  oweFee: number
  acctStatus: string
  planStopDate: string
  stopTime: string
}

const pad = (n: number): string => String(n).padStart(2, '0')
const TOP_UP_STEPS = [5000, 10000, 20000, 30000, 50000, 100000]
const price = (prodId: string, period: number): number => productById(prodId).prices[String(period)]
const monthlyPackages = (ids: string[]) =>
  ids.map((id) => ({
    prodId: id,
    name: productById(id).name,
    nameEn: productById(id).nameEn,
    monthlyPrice: price(id, 1),
  }))

export function simulateHousehold(plan: HouseholdPlan, today: string, rng: Rng): HouseholdHistory {
  const current = today.slice(0, 6)
  const monthAt = (m: number): string => shiftMonth(current, m - 12)
  const digits = plan.custId.slice(1)
  const bills: SeedBill[] = []
  const payments: Array<Omit<SeedPayment, 'payId'>> = []
  const unpaid: SeedBill[] = []
  let balance = plan.initialBalance
  let suspendedAt: string | null = null

  const recurringFee = (m: number): number => sumFees(recurringItems(monthlyPackages(plan.monthly[m]), plan.elder))

  const billItems = (m: number): FeeItem[] => {
    const month = monthAt(m)
    const suspended = suspendedAt !== null && suspendedAt <= `${month}01`
    const items = recurringItems(suspended ? [] : monthlyPackages(plan.monthly[m]), plan.elder)
    if (!suspended) {
      for (const p of plan.purchases.filter((x) => x.effDate.slice(0, 6) === month)) {
        items.push({
          itemType: '02',
          itemCode: p.prodId,
          itemName: `${productById(p.prodId).name}(${p.period}个月)`,
          itemNameEn: `${productById(p.prodId).nameEn} (${p.period} months)`,
          fee: price(p.prodId, p.period),
        })
      }
      for (let k = 0; k < plan.vodCounts[m]; k++) {
        const v = rng.pick(catalogue.vodTitles)
        items.push({
          itemType: '03',
          itemCode: v.vodId,
          itemName: `点播：《${v.title}》`,
          itemNameEn: `On demand: ${v.titleEn}`,
          fee: v.price,
        })
      }
      for (const a of plan.adjustments.filter((x) => x.m === m)) {
        if (sumFees(items) + a.fee >= 0)
          items.push({
            itemType: '04',
            itemCode: a.itemCode,
            itemName: a.itemName,
            itemNameEn: a.itemNameEn,
            fee: a.fee,
          })
      }
    }
    return items.sort((a, b) => a.itemType.localeCompare(b.itemType))
  }

  const channelFor = (amount: number): string => {
    const cardable = TOP_UP_STEPS.includes(amount)
    if (plan.elder)
      return rng.weighted([
        ['01', 50],
        ['05', 20],
        ['02', 15],
        ['03', cardable ? 15 : 0],
      ])
    return rng.weighted([
      ['01', 12],
      ['02', 13],
      ['03', cardable ? 10 : 0],
      ['04', 50],
      ['05', 15],
    ])
  }

  const topUp = (m: number, amount: number): void => {
    const month = monthAt(m)
    const lastDay = m === 12 ? Number(today.slice(6)) - 1 : daysInMonth(month)
    if (lastDay < 1 || amount <= 0) return
    const day = `${month}${pad(rng.int(1, lastDay))}`
    payments.push({
      channel: channelFor(amount),
      fee: amount,
      time: `${day}${pad(rng.int(8, 21))}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}`,
    })
    let rest = amount
    for (const b of unpaid) {
      const pay = Math.min(rest, b.totalFee - b.paidFee)
      b.paidFee += pay
      rest -= pay
    }
    while (unpaid.length && unpaid[0].paidFee === unpaid[0].totalFee) unpaid.shift()
    balance += rest
  }

  const roundTopUp = (need: number): number => {
    const i = TOP_UP_STEPS.findIndex((s) => s >= need)
    if (i < 0) return Math.ceil(need / 10000) * 10000
    return TOP_UP_STEPS[Math.min(i + (rng.chance(0.2) ? 1 : 0), TOP_UP_STEPS.length - 1)]
  }

  const stillPaying = (m: number): boolean =>
    plan.payer === 'normal' ||
    (plan.payer === 'low' && m <= 11) ||
    (plan.payer === 'arrears' && m <= 10) ||
    (plan.payer === 'suspended' && m < plan.stopPayingAt)

  if (plan.payer !== 'new') {
    for (let m = 0; m <= 12; m++) {
      const items = m <= 11 ? billItems(m) : []
      const due = sumFees(items)
      if (stillPaying(m)) {
        if (plan.payer === 'normal') {
          // Careful payers keep two months of recurring fees in hand after each bill.
          const target = m <= 11 ? due + 2 * recurringFee(m + 1) : rng.chance(0.3) ? 3 * recurringFee(12) : 0
          if (balance < target) topUp(m, roundTopUp(target - balance))
        } else if (m <= 11 && balance < due) {
          // Tight payers top up just enough, to the next 10 yuan, so little is left after the bill.
          topUp(m, Math.ceil((due - balance) / 1000) * 1000)
        }
      }
      if (m > 11) break
      const month = monthAt(m)
      const paid = Math.min(balance, due)
      balance -= paid
      const bill: SeedBill = {
        billId: `B${month}${digits}`,
        billMonth: month,
        totalFee: due,
        paidFee: paid,
        status: '',
        dueDate: lastDayOf(monthAt(m + 1)),
        cycleBegin: `${month}01`,
        cycleEnd: lastDayOf(month),
        items,
      }
      bills.push(bill)
      if (paid < due) unpaid.push(bill)
      const runDay = `${monthAt(m + 1)}01`
      if (suspendedAt === null && unpaid.length) {
        const stop = `${shiftMonth(unpaid[0].billMonth, 2)}01`
        if (stop <= runDay) suspendedAt = stop
      }
    }
  }

  for (const b of bills) {
    b.status =
      b.paidFee >= b.totalFee ? BILL_STATUS.settled : b.paidFee === 0 ? BILL_STATUS.unpaid : BILL_STATUS.partial
  }
  const oweFee = unpaid.reduce((s, b) => s + b.totalFee - b.paidFee, 0)
  const acctStatus = suspendedAt ? ACCT_STATUS.suspended : oweFee > 0 ? ACCT_STATUS.arrears : ACCT_STATUS.normal
  payments.sort((a, b) => a.time.localeCompare(b.time))
  return {
    bills: bills.reverse(),
    payments: payments.map((p, i) => ({ payId: `PAY${digits}${String(i + 1).padStart(3, '0')}`, ...p })).reverse(),
    subscriptions: buildSubscriptions(plan, today, suspendedAt, rng),
    balance,
    oweFee,
    acctStatus,
    planStopDate: acctStatus === ACCT_STATUS.arrears ? `${shiftMonth(unpaid[0].billMonth, 2)}01` : '',
    stopTime: suspendedAt ? `${suspendedAt}0${rng.int(3, 5)}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}` : '',
  }
}

function buildSubscriptions(
  plan: HouseholdPlan,
  today: string,
  suspendedAt: string | null,
  rng: Rng,
): SeedSubscription[] {
  const current = today.slice(0, 6)
  const monthAt = (m: number): string => shiftMonth(current, m - 12)
  const live = suspendedAt ? SUBS_STATUS.suspended : SUBS_STATUS.active
  // A suspended household's monthly services are paid up to the day before the stop.
  const liveExp = suspendedAt ? addDays(suspendedAt, -1) : lastDayOf(current)
  const subs: Array<Omit<SeedSubscription, 'subsId'>> = [
    {
      prodId: catalogue.maintenance.itemCode,
      effDate: plan.openDate,
      expDate: liveExp,
      status: live,
      autoRenew: 'Y',
      periodMonths: 1,
      price: catalogue.maintenance.monthlyFee,
    },
  ]
  const prodIds = [...new Set(plan.monthly.flat())].sort()
  for (const prodId of prodIds) {
    let m = 0
    while (m <= 12) {
      if (!plan.monthly[m].includes(prodId)) {
        m++
        continue
      }
      const from = m
      while (m + 1 <= 12 && plan.monthly[m + 1].includes(prodId)) m++
      const month = monthAt(from)
      const maxDay = from === 12 ? Number(today.slice(6)) : 28
      const effDate = from === 0 ? plan.firstSubsDay : `${month}${pad(rng.int(1, maxDay))}`
      const running = m === 12
      subs.push({
        prodId,
        effDate,
        expDate: running ? liveExp : lastDayOf(monthAt(m)),
        status: running ? live : SUBS_STATUS.ended,
        autoRenew: running ? 'Y' : 'N',
        periodMonths: 1,
        price: price(prodId, 1),
      })
      m++
    }
  }
  for (const p of plan.purchases) {
    const expDate = addDays(addMonths(p.effDate, p.period), -1)
    subs.push({
      prodId: p.prodId,
      effDate: p.effDate,
      expDate,
      status: expDate >= today ? live : SUBS_STATUS.ended,
      autoRenew: 'N',
      periodMonths: p.period,
      price: price(p.prodId, p.period),
    })
  }
  const digits = plan.custId.slice(1)
  return subs.map((s, i) => ({ subsId: `S${digits}${String(i + 1).padStart(2, '0')}`, ...s }))
}
