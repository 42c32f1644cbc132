import type { BossClient } from './bossClient.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { field } from './bossFormat.ts'

export type BossCaller = Pick<BossClient, 'call'>

/** Who a box belongs to, as the BOSS knows it. Stays inside the BFF (the card number is unmasked). */
export interface CustomerIdentity {
  customerId: string
  customerName: string
  accountId: string
  cardNo: string
  regionCode: string
  regionName: string
}

export function bossCustomerAdapter(boss: BossCaller) {
  return {
    /** CUST_AUTH_QRY: the customer owning this STB + smart card pair, or null when they do not belong together. */
    async identify(deviceId: string, cardNo: string): Promise<CustomerIdentity | null> {
      let body
      try {
        body = await boss.call('CUST_AUTH_QRY', { STB_ID: deviceId, CARD_NO: cardNo })
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.customerNotFound) return null
        throw err
      }
      const identity: CustomerIdentity = {
        customerId: field(body, 'CUST_ID'),
        customerName: field(body, 'CUST_NAME'),
        accountId: field(body, 'ACCT_ID'),
        cardNo: field(body, 'CARD_NO'),
        regionCode: field(body, 'REGION_CODE'),
        regionName: field(body, 'REGION_NAME'),
      }
      // The BOSS answering for another card would hand this box someone else's household.
      if (identity.cardNo !== cardNo) throw new BossProtocolError('CUST_AUTH_QRY answered for a different card')
      if (!identity.customerId) throw new BossProtocolError('CUST_AUTH_QRY answered without CUST_ID')
      return identity
    },
  }
}
export type BossCustomerAdapter = ReturnType<typeof bossCustomerAdapter>
