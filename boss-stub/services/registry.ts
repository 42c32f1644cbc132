import { acctBalQry } from './account.ts'
import { billDetailQry, billListQry } from './billing.ts'
import { prodDetailQry, prodListQry } from './catalogue.ts'
import { custAuthQry } from './customer.ts'
import { stbAuth } from './stbAuth.ts'
import { orderCreate, orderQry } from './orders.ts'
import { payHisQry } from './payments.ts'
import { subsListQry } from './subscriptions.ts'
import { slotQry } from './slots.ts'
import { ticketCancel, ticketCreate, ticketListQry, ticketQry, ticketRate } from './tickets.ts'
import { complaintCreate, complaintListQry, complaintQry } from './complaints.ts'
import { custInfoQry } from './customerInfo.ts'
import { orderCheck } from './orderChecks.ts'
import { limitQry, limitSet } from './spendingLimit.ts'
import { subsRenewMod } from './subscriptionChanges.ts'
import { cardRecharge, cardRechargeQry } from './topupsCard.ts'
import { qrPayCreate, qrPayQry } from './topupsQr.ts'
import { msgListQry, msgRead } from './messages.ts'
import { mktPrefQry, mktPrefSet, msgPush } from './promotions.ts'
import type { Service } from './types.ts'

/** Every SVC_CODE the gateway answers; anything else is a 1003. */
const SERVICES: Service[] = [
  custAuthQry,
  stbAuth,
  acctBalQry,
  billListQry,
  billDetailQry,
  payHisQry,
  prodListQry,
  prodDetailQry,
  subsListQry,
  orderCreate,
  orderQry,
  custInfoQry,
  slotQry,
  ticketCreate,
  ticketQry,
  ticketListQry,
  ticketCancel,
  ticketRate,
  complaintCreate,
  complaintQry,
  complaintListQry,
  cardRecharge,
  cardRechargeQry,
  qrPayCreate,
  qrPayQry,
  orderCheck,
  limitQry,
  limitSet,
  subsRenewMod,
  msgListQry,
  msgRead,
  msgPush,
  mktPrefQry,
  mktPrefSet,
]

export const serviceRegistry: ReadonlyMap<string, Service> = new Map(SERVICES.map((s) => [s.code, s]))
