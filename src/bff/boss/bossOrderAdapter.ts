import type { Order, OrderConflict } from '../../contract/index.ts'
import { ApiError } from '../errors.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { WrongPinError } from '../domain/errors.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { english, field, fromBossDate, fromBossFen, fromBossTimestamp, list } from './bossFormat.ts'
import { spendingLimitFrom } from './bossSubscriptionAdapter.ts'

/** Refused for the household's monthly limit (stub 3005; not in BossCode, which mirrors the original protocol table). */
const OVER_SPENDING_LIMIT = '3005'

const ORDER_STATUS: Record<string, Order['status']> = {
  '1': 'inProgress',
  '2': 'completed',
  '3': 'failed',
  '4': 'cancelled',
}

function toOrder(b: Record<string, unknown>): Order {
  const status = ORDER_STATUS[field(b, 'ORDER_STATUS')]
  if (!status) throw new BossProtocolError(`ORDER_STATUS "${field(b, 'ORDER_STATUS')}" is not 1-4`)
  return {
    orderId: field(b, 'ORDER_NO'),
    status,
    bossOrderId: field(b, 'ORDER_ID'),
    productId: field(b, 'PROD_ID'),
    productName: field(b, 'PROD_NAME'),
    productNameEn: english(b, 'PROD_NAME', field(b, 'PROD_NAME')),
    periodMonths: Number(field(b, 'PERIOD_MONTHS')),
    amountFen: fromBossFen(field(b, 'FEE'), 'FEE'),
    autoRenew: field(b, 'AUTO_RENEW') === 'Y',
    subscriptionId: field(b, 'SUBS_ID'),
    effectiveDate: fromBossDate(field(b, 'EFF_DATE'), 'EFF_DATE'),
    expiryDate: fromBossDate(field(b, 'EXP_DATE'), 'EXP_DATE'),
    balanceAfterFen: fromBossFen(field(b, 'BALANCE'), 'BALANCE'),
    createdAt: fromBossTimestamp(field(b, 'CREATE_TIME'), 'CREATE_TIME'),
  }
}

/** ORDER_CHECK's verdict before the household's lock is added by the route. */
export interface OrderCheck {
  productId: string
  productName: string
  productNameEn: string
  periodMonths: number
  amountFen: number
  effectiveDate: string
  expiryDate: string
  renewsSubscriptionId: string | null
  balanceBeforeFen: number
  balanceAfterFen: number
  spendingLimit: ReturnType<typeof spendingLimitFrom>
  conflicts: OrderConflict[]
}

/** A product's names in the catalogue, for the other product a conflict names. */
export type ProductNames = (id: string) => { name: string; nameEn: string } | null

function conflictOf(c: Record<string, unknown>, productNames: ProductNames): OrderConflict {
  const code = field(c, 'CHECK_CODE')
  const message = field(c, 'CHECK_DESC')
  const other = field(c, 'CONFLICT_PROD_ID') || null
  const base = { message, productId: null, productName: null, productNameEn: null }
  switch (code) {
    case BossCode.accountSuspended:
      return { code: 'ACCOUNT_SUSPENDED', ...base }
    case BossCode.insufficientBalance:
      return { code: 'INSUFFICIENT_BALANCE', ...base }
    case OVER_SPENDING_LIMIT:
      return { code: 'OVER_SPENDING_LIMIT', ...base }
    case BossCode.productConflict: {
      const kind = /互斥/.test(message)
        ? 'MUTUALLY_EXCLUSIVE'
        : /无需订购/.test(message)
          ? 'NOT_ORDERABLE'
          : 'ALREADY_SUBSCRIBED'
      const names = other ? productNames(other) : null
      return {
        code: kind,
        message,
        productId: other,
        productName: names ? names.name : null,
        productNameEn: names ? names.nameEn : null,
      }
    }
    default:
      throw new BossProtocolError(`ORDER_CHECK gave an unknown CHECK_CODE "${code}"`)
  }
}

/**
 * Business refusals of ORDER_CREATE as the box should see them (the PIN is the route's business). The BOSS
 * checks suspension, then the PIN, then the product, conflicts, spending limit and balance: a refusal of
 * the latter kind means it accepted the PIN (`secretAccepted`), which ends the row of wrong PINs.
 */
function refusal(err: BossBusinessError): ApiError | null {
  const afterPin = { secretAccepted: true }
  switch (err.rspCode) {
    case BossCode.insufficientBalance:
      return new ApiError(402, 'INSUFFICIENT_BALANCE', 'The balance does not cover this order; top up first', afterPin)
    case BossCode.accountSuspended:
      return new ApiError(403, 'FORBIDDEN', 'The account is suspended for arrears; pay the arrears first')
    case OVER_SPENDING_LIMIT:
      return new ApiError(
        403,
        'OVER_SPENDING_LIMIT',
        "This order would go over the household's monthly spending limit",
        afterPin,
      )
    case BossCode.productConflict:
      return new ApiError(
        409,
        'PRODUCT_CONFLICT',
        'This package is already held, or cannot be held with one the household has',
        afterPin,
      )
    case BossCode.recordNotFound:
      return new ApiError(404, 'NOT_FOUND', 'No such product')
    default:
      return null
  }
}

/** ORDER_CHECK, ORDER_CREATE, ORDER_QRY. The price is never sent: the BOSS takes it from its catalogue. */
export function bossOrderAdapter(boss: BossCaller) {
  return {
    /** Throws 404 for an unknown product; a period the product does not offer is a 400. */
    async check(
      customerId: string,
      productId: string,
      periodMonths: number,
      productNames: ProductNames,
    ): Promise<OrderCheck> {
      let b: Record<string, unknown>
      try {
        b = await boss.call(
          'ORDER_CHECK',
          { CUST_ID: customerId, PROD_ID: productId, PERIOD_MONTHS: String(periodMonths) },
          { probe: true },
        )
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound)
          throw new ApiError(404, 'NOT_FOUND', 'No such product')
        if (err instanceof BossProtocolError && err.rspCode === BossCode.badParameter) {
          throw new ApiError(
            400,
            'BAD_REQUEST',
            `body.periodMonths: this product is not offered for ${periodMonths} months`,
          )
        }
        throw err
      }
      const renew = field(b, 'RENEW_SUBS_ID')
      return {
        productId: field(b, 'PROD_ID'),
        productName: field(b, 'PROD_NAME'),
        productNameEn: english(b, 'PROD_NAME', field(b, 'PROD_NAME')),
        periodMonths: Number(field(b, 'PERIOD_MONTHS')),
        amountFen: fromBossFen(field(b, 'FEE'), 'FEE'),
        effectiveDate: fromBossDate(field(b, 'EFF_DATE'), 'EFF_DATE'),
        expiryDate: fromBossDate(field(b, 'EXP_DATE'), 'EXP_DATE'),
        renewsSubscriptionId: renew === '' ? null : renew,
        balanceBeforeFen: fromBossFen(field(b, 'BALANCE'), 'BALANCE'),
        balanceAfterFen: fromBossFen(field(b, 'BALANCE_AFTER'), 'BALANCE_AFTER', { allowNegative: true }),
        spendingLimit: spendingLimitFrom(b),
        conflicts: list(b, 'CHECK_LIST').map((c) => conflictOf(c, productNames)),
      }
    },

    /**
     * ORDER_CREATE with the caller's stable ORDER_NO. 3002 for our own number means it already happened:
     * that order is the answer. Throws WrongPinError (3004), ApiError for refusals, Boss*Error otherwise.
     */
    async create(
      customerId: string,
      orderNo: string,
      o: { productId: string; periodMonths: number; autoRenew: boolean; pin: string },
    ): Promise<Order> {
      try {
        return toOrder(
          await boss.call(
            'ORDER_CREATE',
            {
              CUST_ID: customerId,
              ORDER_NO: orderNo,
              PROD_ID: o.productId,
              PERIOD_MONTHS: String(o.periodMonths),
              PIN: o.pin,
              AUTO_RENEW: o.autoRenew ? 'Y' : 'N',
            },
            { probe: true },
          ),
        )
      } catch (err) {
        // Formats are checked before the call, so a 1002 here is a period the product does not offer.
        if (err instanceof BossProtocolError && err.rspCode === BossCode.badParameter) {
          throw new ApiError(
            400,
            'BAD_REQUEST',
            `body.periodMonths: this product is not offered for ${o.periodMonths} months`,
          )
        }
        if (!(err instanceof BossBusinessError)) throw err
        if (err.rspCode === BossCode.orderNoUsed && typeof err.body.ORDER_ID === 'string') return toOrder(err.body)
        if (err.rspCode === BossCode.orderNoUsed)
          throw new ApiError(409, 'CONFLICT', 'This order number is taken; start the order again')
        if (err.rspCode === BossCode.wrongPin) throw new WrongPinError()
        throw refusal(err) ?? err
      }
    },

    /** ORDER_QRY: the order, or null when the BOSS has none by that number for this customer. */
    async find(customerId: string, orderNo: string, opts: { timeoutMs?: number } = {}): Promise<Order | null> {
      try {
        return toOrder(await boss.call('ORDER_QRY', { CUST_ID: customerId, ORDER_NO: orderNo }, opts))
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return null
        throw err
      }
    },
  }
}
export type BossOrderAdapter = ReturnType<typeof bossOrderAdapter>
