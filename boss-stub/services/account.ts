import { formatDate, formatTime, addMonths } from '../protocol/time.ts'
import { CUST_ID, required } from './params.ts'
import { findAccount, findCustomer, nextMonthlyFee } from './records.ts'
import type { Service } from './types.ts'

/** ACCT_BAL_QRY: balance, arrears and what happens next (suspension date, next deduction). */
export const acctBalQry: Service = {
  code: 'ACCT_BAL_QRY',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const cust = findCustomer(db, custId)
    const acct = findAccount(db, custId)
    const nextFee = nextMonthlyFee(db, custId, cust.elder === 1)
    const today = formatDate(now)
    return {
      ACCT_ID: acct.acct_id,
      BALANCE: String(acct.balance),
      OWE_FEE: String(acct.owe_fee),
      DEPOSIT: String(acct.deposit),
      ACCT_STATUS: acct.acct_status,
      PLAN_STOP_DATE: acct.plan_stop_date,
      STOP_TIME: acct.stop_time,
      NEXT_DEDUCT_DATE: `${addMonths(today, 1).slice(0, 6)}01`,
      NEXT_DEDUCT_FEE: String(nextFee),
      LOW_BAL_FLAG: acct.balance < nextFee ? 'Y' : 'N',
      QRY_TIME: formatTime(now),
    }
  },
}
