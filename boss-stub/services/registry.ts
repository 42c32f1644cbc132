import { acctBalQry } from './account.ts'
import { custAuthQry } from './customer.ts'
import type { Service } from './types.ts'

/** Every SVC_CODE the gateway answers; anything else is a 1003. */
const SERVICES: Service[] = [custAuthQry, acctBalQry]

export const serviceRegistry: ReadonlyMap<string, Service> = new Map(SERVICES.map((s) => [s.code, s]))
