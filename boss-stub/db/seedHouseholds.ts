import { readFileSync } from 'node:fs'
import { catalogue, city, excludes, names } from './catalogue.ts'
import type { Rng } from './seedRandom.ts'
import type { HouseholdPlan, Payer, Purchase } from './seedHistory.ts'
import { addDays, addMonths, shiftMonth } from '../protocol/time.ts'

/** Who a household is (customer record) and how it behaves (plan for the history simulation). */
export type Household = {
  custId: string
  acctId: string
  custName: string
  phone: string
  address: string
  regionCode: string
  stbId: string
  cardNo: string
  pin: string
  deposit: number
  scenario: string
  demoRank: number | null
  plan: HouseholdPlan
}

type DemoSpec = {
  scenario: string
  custName: string
  stbId: string
  cardNo: string
  pin: string
  regionCode: string
  compound: string
  phone: string
  elder: boolean
  payer: Payer
  stopPayingAt?: number
  deposit: number
  initialBalance: number
  packages: Array<[string, number, number]>
  purchases: Array<{ prodId: string; period: number; expireInDays: number }>
  vodCounts: number[]
  adjustments: HouseholdPlan['adjustments']
}

export const demoSpecs: DemoSpec[] = (
  JSON.parse(readFileSync(new URL('../data/demo-subscribers.json', import.meta.url), 'utf8')) as {
    subscribers: DemoSpec[]
  }
).subscribers

const ids = (n: number) => ({ custId: `C${String(n).padStart(8, '0')}`, acctId: `A${String(n).padStart(8, '0')}` })
const pad = (n: number): string => String(n).padStart(2, '0')

function addressIn(rng: Rng, regionCode: string, compound?: string): string {
  const d = city.districts.find((x) => x.regionCode === regionCode) ?? city.districts[0]
  const c = compound ?? rng.pick(d.compounds)
  return `${city.city}${d.name}${c}${rng.int(1, 38)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}${pad(rng.int(1, 4))}室`
}

function daysAgo(today: string, min: number, max: number, rng: Rng): string {
  return addDays(today, -rng.int(min, max))
}

export function demoHousehold(spec: DemoSpec, rank: number, today: string, rng: Rng): Household {
  const n = rank + 1
  const monthly = Array.from({ length: 13 }, (_, m) =>
    spec.packages.filter(([, a, b]) => m >= a && m <= b).map(([p]) => p),
  )
  const purchases: Purchase[] = spec.purchases.map((p) => ({
    prodId: p.prodId,
    period: p.period,
    effDate: addMonths(addDays(today, p.expireInDays + 1), -p.period),
  }))
  const isNew = spec.payer === 'new'
  const openDate = isNew ? today : daysAgo(today, 900, 2500, rng)
  return {
    ...ids(n),
    custName: spec.custName,
    phone: spec.phone,
    address: addressIn(rng, spec.regionCode, spec.compound),
    regionCode: spec.regionCode,
    stbId: spec.stbId,
    cardNo: spec.cardNo,
    pin: spec.pin,
    deposit: spec.deposit,
    scenario: spec.scenario,
    demoRank: rank,
    plan: {
      custId: ids(n).custId,
      payer: spec.payer,
      elder: spec.elder,
      stopPayingAt: spec.stopPayingAt ?? 13,
      monthly,
      purchases,
      vodCounts: spec.vodCounts,
      adjustments: spec.adjustments,
      initialBalance: spec.initialBalance,
      firstSubsDay: isNew ? today : daysAgo(today, 400, 800, rng),
      openDate,
    },
  }
}

const PACKAGE_POPULARITY: Array<readonly [string, number]> = [
  ['P_HD', 30],
  ['P_MOVIE', 15],
  ['P_KIDS', 15],
  ['P_SPORTS', 12],
  ['P_VOD', 10],
  ['P_DOC', 8],
  ['P_OPERA', 6],
  ['P_EDU', 6],
  ['P_4K', 4],
  ['P_MOVIE_PLUS', 4],
]

function fits(prodId: string, held: string[]): boolean {
  return !held.includes(prodId) && held.every((h) => !excludes(h, prodId))
}

function addPackage(rng: Rng, held: string[]): string[] {
  for (let tries = 0; tries < 6; tries++) {
    const p = rng.weighted(PACKAGE_POPULARITY)
    if (fits(p, held)) return [...held, p].sort()
  }
  return held
}

/** An ordinary household: behaviour drawn from rough shares of a real subscriber base. */
export function randomHousehold(n: number, today: string, rng: Rng, taken: Set<string>): Household {
  const surname = rng.pick(names.surnames)
  const given = Array.from({ length: rng.chance(0.7) ? 2 : 1 }, () => rng.pick(names.givenChars)).join('')
  const district = rng.pick(city.districts)
  const unique = (make: () => string): string => {
    let v = make()
    while (taken.has(v)) v = make()
    taken.add(v)
    return v
  }
  const payer = rng.weighted<Payer>([
    ['normal', 80],
    ['low', 7],
    ['arrears', 7],
    ['suspended', 6],
  ])
  const elder = rng.chance(0.15)

  const monthly: string[][] = []
  let held: string[] = []
  const initialCount = rng.weighted([
    [0, 35],
    [1, 30],
    [2, 20],
    [3, 10],
    [4, 5],
  ])
  for (let i = 0; i < initialCount; i++) held = addPackage(rng, held)
  if (elder && rng.chance(0.4) && fits('P_OPERA', held)) held = [...held, 'P_OPERA'].sort()
  for (let m = 0; m <= 12; m++) {
    if (m > 0 && rng.chance(0.05)) held = addPackage(rng, held)
    if (m > 0 && held.length && rng.chance(0.04)) held = held.filter((p) => p !== rng.pick(held))
    monthly.push(held)
  }

  const everMonthly = [...new Set(monthly.flat())]
  const purchases: Purchase[] = []
  const orderable = catalogue.products.filter((p) => p.orderable).map((p) => p.prodId)
  const canBuy = (p: string) => fits(p, everMonthly) && purchases.every((x) => x.prodId !== p && !excludes(x.prodId, p))
  if (rng.chance(0.06)) {
    // Some fixed-period packages end around today, so reminders and renewals have data to show.
    const p = rng.pick(orderable)
    const period = rng.pick([3, 6])
    if (canBuy(p))
      purchases.push({ prodId: p, period, effDate: addMonths(addDays(today, rng.int(-10, 10) + 1), -period) })
  }
  for (let m = 0; m <= 11; m++) {
    if (!rng.chance(0.03)) continue
    const p = rng.pick(orderable)
    const month = shiftMonth(today.slice(0, 6), m - 12)
    if (canBuy(p))
      purchases.push({
        prodId: p,
        period: rng.weighted([
          [1, 30],
          [3, 35],
          [6, 20],
          [12, 15],
        ]),
        effDate: `${month}${pad(rng.int(1, 28))}`,
      })
  }

  const appetite = rng.weighted([
    [0, 50],
    [0.3, 25],
    [1, 18],
    [2.5, 7],
  ])
  const adjustments: HouseholdPlan['adjustments'] = []
  for (let m = 0; m <= 11; m++) {
    if (!rng.chance(0.03)) continue
    const a = rng.pick(catalogue.adjustments)
    const fee = Math.round(rng.int(a.min, a.max) / 10) * 10
    adjustments.push({ m, itemCode: a.itemCode, itemName: a.name, itemNameEn: a.nameEn, fee })
  }

  const { custId, acctId } = ids(n)
  return {
    custId,
    acctId,
    custName: surname + given,
    phone: unique(() => rng.pick(names.phonePrefixes) + rng.digits(8)),
    address: addressIn(rng, district.regionCode),
    regionCode: district.regionCode,
    stbId: unique(() => `STB${rng.int(1, 9)}${rng.digits(9)}`),
    cardNo: unique(() => `8100${rng.int(1, 9)}${rng.digits(11)}`),
    pin: rng.digits(6),
    deposit: rng.chance(0.3) ? 30000 : 0,
    scenario: payer === 'low' ? 'low-balance' : payer,
    demoRank: null,
    plan: {
      custId,
      payer,
      elder,
      stopPayingAt: 11 - rng.int(1, 3),
      monthly,
      purchases,
      vodCounts: Array.from({ length: 12 }, () => Math.min(6, rng.poisson(appetite))),
      adjustments,
      initialBalance: payer === 'normal' ? rng.int(50, 300) * 100 : rng.int(0, 20) * 100,
      firstSubsDay: daysAgo(today, 400, 1500, rng),
      openDate: daysAgo(today, 1500, 3650, rng),
    },
  }
}
