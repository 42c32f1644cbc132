import { acctBalQry } from './account.ts'
import { billDetailQry, billListQry } from './billing.ts'
import { prodDetailQry, prodListQry } from './catalogue.ts'
import { custAuthQry } from './customer.ts'
import { orderCreate, orderQry } from './orders.ts'
import { payHisQry } from './payments.ts'
import { subsListQry } from './subscriptions.ts'
import type { Service } from './types.ts'

/** Every SVC_CODE the gateway answers; anything else is a 1003. */
const SERVICES: Service[] = [
  custAuthQry, acctBalQry, billListQry, billDetailQry, payHisQry,
  prodListQry, prodDetailQry, subsListQry, orderCreate, orderQry,
]

export const serviceRegistry: ReadonlyMap<string, Service> = new Map(SERVICES.map((s) => [s.code, s]))
