import { CUST_ID, required } from './params.ts'
import { findCustomer, regionName } from './records.ts'
import type { Service } from './types.ts'

/** CUST_INFO_QRY: the customer's contact details on file (the repair form prefills the phone from here). */
export const custInfoQry: Service = {
  code: 'CUST_INFO_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const cust = findCustomer(db, required(body, 'CUST_ID', CUST_ID))
    return {
      CUST_ID: cust.cust_id,
      CUST_NAME: cust.cust_name,
      PHONE: cust.phone,
      ADDRESS: cust.address,
      REGION_CODE: cust.region_code,
      REGION_NAME: regionName(db, cust.region_code),
    }
  },
}
