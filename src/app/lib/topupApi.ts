/**
 * The top-up calls of the TV. Both POSTs move money: the page passes the Idempotency-Key kept on the box for
 * that card or amount (topupKeys.ts) on every try until one is answered, so a lost answer never tops up twice.
 */
import { pathOf, TopupPath as PATH } from '../../contract/apiPath.ts'
import type { CardTopupRequest, Topup } from '../../contract/index.ts'
import { api } from './backend.ts'
import { sending } from './okBurst.ts'

export const topupApi = {
  card: (request: CardTopupRequest, idempotencyKey: string) =>
    sending(() => api().post<Topup>(PATH.card, request, { moneyMoving: true, idempotencyKey })),
  qr: (amountFen: number, idempotencyKey: string) =>
    sending(() => api().post<Topup>(PATH.qr, { amountFen }, { moneyMoving: true, idempotencyKey })),
  get: (topupId: string) => api().get<Topup>(pathOf(PATH.topup, { topupId })),
}
