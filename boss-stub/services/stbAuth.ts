import { BossError } from '../protocol/codes.ts'
import { DEVICE_ID, loginSignatureValid } from '../devices.ts'
import { required } from './params.ts'
import { pairedHousehold } from './customer.ts'
import type { Service } from './types.ts'

/**
 * STB_AUTH: a box proves it is the provisioned box (STB_SIGN = HMAC-SHA256 of the hall's CHALLENGE under its
 * device key), then the smart card is checked to be paired with it (机卡配对). 2004: the box did not prove
 * itself; 2001: a proven box with a card not paired to it. Answers the household as CUST_AUTH_QRY does.
 */
export const stbAuth: Service = {
  code: 'STB_AUTH',
  moneyMoving: false,
  handle(body, { db }) {
    const stbId = required(body, 'STB_ID', DEVICE_ID)
    const cardNo = required(body, 'CARD_NO', /^\d{16}$/)
    const challenge = required(body, 'CHALLENGE', /^[A-Za-z0-9_-]{16,128}$/)
    const sign = required(body, 'STB_SIGN', /^[0-9A-Fa-f]{64}$/)
    if (!loginSignatureValid(db, stbId, cardNo, challenge, sign)) throw new BossError('2004')
    return pairedHousehold(db, stbId, cardNo, '智能卡未与此机顶盒配对')
  },
}
