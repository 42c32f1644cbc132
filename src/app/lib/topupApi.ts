/**
 * The top-up calls of the TV. Both POSTs move money: the page passes the Idempotency-Key kept on the box for
 * that card or amount (topupKeys.ts) on every try until one is answered, so a lost answer never tops up twice.
 */
import type { CardTopupRequest, Topup, TopupPath } from '../../contract/index.ts'
import { api } from './backend.ts'
import { sending } from './okBurst.ts'

const PATH = {
  card: '/api/v1/topups/card',
  qr: '/api/v1/topups/qr',
  topup: '/api/v1/topups/:topupId',
} as const satisfies typeof TopupPath

export const topupApi = {
  card: (request: CardTopupRequest, idempotencyKey: string) =>
    sending(() => api().post<Topup>(PATH.card, request, { moneyMoving: true, idempotencyKey })),
  qr: (amountFen: number, idempotencyKey: string) =>
    sending(() => api().post<Topup>(PATH.qr, { amountFen }, { moneyMoving: true, idempotencyKey })),
  get: (topupId: string) => api().get<Topup>(PATH.topup.replace(':topupId', encodeURIComponent(topupId))),
}
