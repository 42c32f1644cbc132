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

/** A log-in the BOSS refused: the box did not prove itself (`device`), or a proven box named a card not paired with it (`card`). */
export type LoginRefusal = 'device' | 'card'

function identityOf(body: Record<string, unknown>, cardNo: string, svc: string): CustomerIdentity {
  const identity: CustomerIdentity = {
    customerId: field(body, 'CUST_ID'),
    customerName: field(body, 'CUST_NAME'),
    accountId: field(body, 'ACCT_ID'),
    cardNo: field(body, 'CARD_NO'),
    regionCode: field(body, 'REGION_CODE'),
    regionName: field(body, 'REGION_NAME'),
  }
  // The BOSS answering for another card would hand this box someone else's household.
  if (identity.cardNo !== cardNo) throw new BossProtocolError(`${svc} answered for a different card`)
  if (!identity.customerId) throw new BossProtocolError(`${svc} answered without CUST_ID`)
  return identity
}

export function bossCustomerAdapter(boss: BossCaller) {
  return {
    /**
     * STB_AUTH: the BOSS checks the box's signature of our challenge under its device key (the key never leaves
     * the BOSS), then that the card is paired with that box. Answers the household or why not.
     */
    async authenticate(login: {
      deviceId: string
      cardNo: string
      challenge: string
      signature: string
    }): Promise<{ ok: true; who: CustomerIdentity } | { ok: false; refusal: LoginRefusal }> {
      try {
        const body = await boss.call('STB_AUTH', {
          STB_ID: login.deviceId,
          CARD_NO: login.cardNo,
          CHALLENGE: login.challenge,
          STB_SIGN: login.signature,
        })
        return { ok: true, who: identityOf(body, login.cardNo, 'STB_AUTH') }
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.deviceNotProven)
          return { ok: false, refusal: 'device' }
        if (err instanceof BossBusinessError && err.rspCode === BossCode.customerNotFound)
          return { ok: false, refusal: 'card' }
        throw err
      }
    },

    /** CUST_AUTH_QRY: the customer owning this STB + smart card pair, or null when they do not belong together. */
    async identify(deviceId: string, cardNo: string): Promise<CustomerIdentity | null> {
      let body
      try {
        body = await boss.call('CUST_AUTH_QRY', { STB_ID: deviceId, CARD_NO: cardNo })
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.customerNotFound) return null
        throw err
      }
      return identityOf(body, cardNo, 'CUST_AUTH_QRY')
    },
  }
}
export type BossCustomerAdapter = ReturnType<typeof bossCustomerAdapter>
