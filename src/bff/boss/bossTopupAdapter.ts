import type { AccountStatus, Topup, TopupAccount } from '../../contract/index.ts'
import { CARD_SERIAL_PREFIX, QR_SERIAL_PREFIX, type CardRefusal } from '../domain/types.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError, BossTimeoutError, BossUnavailableError } from './bossErrors.ts'
import { field, fromBossFen, fromBossTimestamp, optional } from './bossFormat.ts'
import { maskCardNo } from '../log.ts'

/**
 * Top-ups at the BOSS: CARD_RECHARGE(_QRY), QR_PAY_CREATE / QR_PAY_QRY. Every money-moving call carries
 * the BFF's stable serial, and a call whose answer was lost is followed by a query by that serial,
 * never by a second attempt: the query tells whether the first one happened.
 */

const REFUSALS: Record<string, CardRefusal> = {
  [BossCode.cardWrong]: 'wrong',
  [BossCode.cardUsed]: 'used',
  [BossCode.cardExpired]: 'expired',
  [BossCode.cardWrongRegion]: 'notAllowed',
}

const ACCT_STATUS: Record<string, AccountStatus> = { '1': 'normal', '2': 'arrears', '3': 'suspended' }
const QR_STATUS: Record<string, Topup['status']> = {
  '0': 'pending',
  '1': 'succeeded',
  '2': 'cancelled',
  '3': 'expired',
}

function accountAfter(b: Record<string, unknown>): TopupAccount {
  const raw = field(b, 'ACCT_STATUS')
  const status = ACCT_STATUS[raw]
  if (!status) throw new BossProtocolError(`ACCT_STATUS "${raw}" is not 1, 2 or 3`)
  return {
    balanceFen: fromBossFen(field(b, 'BALANCE'), 'BALANCE'),
    arrearsFen: fromBossFen(field(b, 'OWE_FEE'), 'OWE_FEE'),
    status,
  }
}

function cardTopup(b: Record<string, unknown>): Topup {
  const paidAt = fromBossTimestamp(field(b, 'PAY_TIME'), 'PAY_TIME')
  const cardNo = field(b, 'CARD_NO')
  return {
    topupId: field(b, 'SERIAL'),
    method: 'card',
    status: 'succeeded',
    amountFen: fromBossFen(field(b, 'PAY_FEE'), 'PAY_FEE'),
    createdAt: paidAt,
    completedAt: paidAt,
    // The BOSS masks it already; mask again in case another BOSS does not.
    cardNoMasked: cardNo.includes('*') ? cardNo : maskCardNo(cardNo),
    qr: null,
    account: accountAfter(b),
  }
}

function qrTopup(b: Record<string, unknown>, now: Date): Topup {
  const raw = field(b, 'PAY_STATUS')
  const status = QR_STATUS[raw]
  if (!status) throw new BossProtocolError(`PAY_STATUS "${raw}" is unknown`)
  const expiresAt = fromBossTimestamp(field(b, 'EXPIRE_TIME'), 'EXPIRE_TIME')
  return {
    topupId: field(b, 'SERIAL'),
    method: 'qr',
    status,
    amountFen: fromBossFen(field(b, 'AMOUNT'), 'AMOUNT'),
    createdAt: fromBossTimestamp(field(b, 'CREATE_TIME'), 'CREATE_TIME'),
    completedAt: optional(b.FINISH_TIME as string | undefined, (v) => fromBossTimestamp(v, 'FINISH_TIME')),
    cardNoMasked: null,
    qr:
      status === 'pending'
        ? {
            payUrl: field(b, 'QR_URL'),
            expiresAt,
            expiresInSeconds: Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / 1000)),
          }
        : null,
    account: status === 'succeeded' ? accountAfter(b) : null,
  }
}

/** The answer was lost (timeout, or the connection broke after sending): the call may have committed. */
const outcomeUnknown = (err: unknown) => err instanceof BossTimeoutError || err instanceof BossUnavailableError

export function bossTopupAdapter(boss: BossCaller, now: () => Date = () => new Date()) {
  /** Record by serial, or null when the BOSS has none for this customer. */
  async function find(customerId: string, serial: string): Promise<Topup | null> {
    const card = serial.startsWith(CARD_SERIAL_PREFIX)
    if (!card && !serial.startsWith(QR_SERIAL_PREFIX)) return null
    try {
      const b = await boss.call(card ? 'CARD_RECHARGE_QRY' : 'QR_PAY_QRY', { CUST_ID: customerId, SERIAL: serial })
      return card ? cardTopup(b) : qrTopup(b, now())
    } catch (err) {
      if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return null
      throw err
    }
  }

  /**
   * A money-moving call: the serial's existing record (3002) counts as the answer, and a lost answer is
   * settled by querying the serial. Nothing found means nothing happened: the original error goes up.
   */
  async function moveMoney(
    svc: string,
    customerId: string,
    serial: string,
    body: Record<string, string>,
  ): Promise<Topup> {
    try {
      const b = await boss.call(svc, { CUST_ID: customerId, SERIAL: serial, ...body })
      return svc === 'CARD_RECHARGE' ? cardTopup(b) : qrTopup(b, now())
    } catch (err) {
      if (
        err instanceof BossBusinessError &&
        err.rspCode === BossCode.orderNoUsed &&
        typeof err.body.SERIAL === 'string'
      ) {
        return svc === 'CARD_RECHARGE' ? cardTopup(err.body) : qrTopup(err.body, now())
      }
      if (!outcomeUnknown(err)) throw err
      // If the query fails too the outcome stays unknown: the first error goes up, and the stable
      // serial keeps a later retry from crediting twice.
      const found = await find(customerId, serial).catch(() => null)
      if (found) return found
      throw err
    }
  }

  return {
    find,

    /** CARD_RECHARGE: the top-up, or why the card was refused (4001-4004). */
    async rechargeCard(
      customerId: string,
      serial: string,
      card: { cardNo: string; password: string },
    ): Promise<{ ok: true; topup: Topup } | { ok: false; refusal: CardRefusal }> {
      try {
        return {
          ok: true,
          topup: await moveMoney('CARD_RECHARGE', customerId, serial, {
            CARD_NO: card.cardNo,
            CARD_PWD: card.password,
          }),
        }
      } catch (err) {
        const refusal = err instanceof BossBusinessError ? REFUSALS[err.rspCode] : undefined
        if (refusal) return { ok: false, refusal }
        throw err
      }
    },

    /** QR_PAY_CREATE: a pending payment and the address its QR code carries. */
    async createQr(customerId: string, serial: string, amountFen: number, expireSeconds: number): Promise<Topup> {
      return moveMoney('QR_PAY_CREATE', customerId, serial, {
        AMOUNT: String(amountFen),
        EXPIRE_SECONDS: String(expireSeconds),
      })
    },
  }
}
export type BossTopupAdapter = ReturnType<typeof bossTopupAdapter>
