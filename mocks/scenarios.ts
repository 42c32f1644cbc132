import type { Account, BillDetail, Payment } from '../src/contract/index.ts'
import { buildAccount } from './fixtures/account.ts'
import { buildBills } from './fixtures/bills.ts'
import type { MockDemoDevice } from './fixtures/households.ts'
import { mockDemoDevices } from './fixtures/households.ts'
import { buildPayments } from './fixtures/payments.ts'
import type { DataProfileName } from './fixtures/profiles.ts'
import { profiles } from './fixtures/profiles.ts'

/** The states of a household the app must be previewed and tested in. */
export const scenarioNames = ['normal', 'arrears', 'suspended', 'low-balance', 'empty', 'boss-down', 'slow'] as const
export type ScenarioName = (typeof scenarioNames)[number]

/** How long the `slow` scenario makes every answer wait: well past the app's 300 ms loading threshold. */
export const SLOW_DELAY_MS = 2500

export interface Scenario {
  name: ScenarioName
  /** Shown in the emulator's scenario picker. */
  title: string
  /** Whose figures the data routes answer with. */
  profile: DataProfileName
  delayMs: number
  /** Every data route answers 503 BOSS_UNAVAILABLE. */
  bossDown: boolean
}

export const scenarios: Readonly<Record<ScenarioName, Scenario>> = {
  normal: { name: 'normal', title: '正常用户', profile: 'normal', delayMs: 0, bossDown: false },
  arrears: { name: 'arrears', title: '欠费（即将停机）', profile: 'arrears', delayMs: 0, bossDown: false },
  suspended: { name: 'suspended', title: '欠费停机', profile: 'suspended', delayMs: 0, bossDown: false },
  'low-balance': { name: 'low-balance', title: '余额不足', profile: 'low-balance', delayMs: 0, bossDown: false },
  empty: { name: 'empty', title: '新开户（无账单、无缴费）', profile: 'empty', delayMs: 0, bossDown: false },
  'boss-down': { name: 'boss-down', title: 'BOSS 系统故障', profile: 'normal', delayMs: 0, bossDown: true },
  slow: { name: 'slow', title: '网络缓慢（2.5 秒）', profile: 'normal', delayMs: SLOW_DELAY_MS, bossDown: false },
}

/** For the emulator's picker, in display order. */
export const scenarioList: readonly Scenario[] = scenarioNames.map((name) => scenarios[name])

export function isScenarioName(name: string): name is ScenarioName {
  return (scenarioNames as readonly string[]).includes(name)
}

/** Everything the data routes can show one household. */
export interface HouseholdData {
  account: Account
  /** Newest first. */
  bills: BillDetail[]
  /** Newest first. */
  payments: Payment[]
}

/** Deterministic: the same scenario, box and instant always give the same data. */
export function householdData(scenario: ScenarioName, device: MockDemoDevice, now: Date): HouseholdData {
  const profile = profiles[scenarios[scenario].profile]
  const index = Math.max(0, mockDemoDevices.indexOf(device))
  const customerName = profile.customerNames[index % profile.customerNames.length]
  const bills = buildBills(profile, device.customerId, now)
  return {
    account: buildAccount(profile, device, customerName, bills, now),
    bills,
    payments: buildPayments(profile, device.customerId, now),
  }
}
