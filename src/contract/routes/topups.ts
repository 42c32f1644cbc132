import { TopupPath } from '../apiPath.ts'
import { CardTopupRequest, QrTopupRequest, Topup, TopupIdParams } from '../topups.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Top-ups: prepaid card and QR code. Part of the one route table (../routes.ts). */
export const topupsRoutes = {
  topupCard: route('topupCard', {
    method: 'POST',
    path: TopupPath.card,
    tag: 'topups',
    ...household,
    idempotent: true,
    summary: 'Top up with a prepaid card (number + password). 422 CARD_INVALID, 429 LOCKED after too many wrong cards',
    body: CardTopupRequest,
    responses: { 200: Topup, 409: E, 422: E },
  }),
  topupQr: route('topupQr', {
    method: 'POST',
    path: TopupPath.qr,
    tag: 'topups',
    ...household,
    idempotent: true,
    summary: 'Start a QR-code top-up: answers the pay address for the QR code',
    body: QrTopupRequest,
    responses: { 201: Topup, 409: E, 422: E },
  }),
  topup: route('topup', {
    method: 'GET',
    path: TopupPath.topup,
    tag: 'topups',
    ...household,
    summary: 'One top-up of this household: the TV polls a pending QR top-up here',
    params: TopupIdParams,
    responses: { 200: Topup, 404: E },
  }),
} as const
