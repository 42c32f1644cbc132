import { BossError } from '../protocol/codes.ts'
import { required } from './params.ts'
import { regionName, type CustomerRow } from './records.ts'
import type { Service, ServiceContext } from './types.ts'

/** The household a box + card pair belongs to, as CUST_AUTH_QRY and STB_AUTH answer it; 2001 when not paired. */
export function pairedHousehold(
  db: ServiceContext['db'],
  stbId: string,
  cardNo: string,
  notPaired: string,
): Record<string, string> {
  const cust = db.prepare('SELECT * FROM customer WHERE stb_id = ? AND card_no = ?').get(stbId, cardNo) as
    CustomerRow | undefined
  if (!cust) throw new BossError('2001', notPaired)
  const acct = db.prepare('SELECT acct_id FROM account WHERE cust_id = ?').get(cust.cust_id) as { acct_id: string }
  return {
    CUST_ID: cust.cust_id,
    CUST_NAME: cust.cust_name,
    ACCT_ID: acct.acct_id,
    CARD_NO: cust.card_no,
    REGION_CODE: cust.region_code,
    REGION_NAME: regionName(db, cust.region_code),
  }
}

/** CUST_AUTH_QRY: the BFF's only way to learn which household a box belongs to. */
export const custAuthQry: Service = {
  code: 'CUST_AUTH_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const stbId = required(body, 'STB_ID', /^[A-Za-z0-9_-]{4,32}$/)
    const cardNo = required(body, 'CARD_NO', /^\d{16}$/)
    // One answer for "unknown box", "unknown card" and "card in the wrong box": no hint which half was right.
    return pairedHousehold(db, stbId, cardNo, '机顶盒与智能卡不匹配')
  },
}
