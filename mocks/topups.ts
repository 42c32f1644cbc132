import { http, HttpResponse, type HttpHandler } from 'msw'
import {
  CardTopupRequest,
  QrTopupRequest,
  TopupIdParams,
  TopupPath,
  type Account,
  type Topup,
} from '../src/contract/index.ts'
import { Value } from '@sinclair/typebox/value'
import { readJsonBody } from './body.ts'
import { badRequest, errorResponse, notFound } from './errors.ts'
import { accountAfter, checkCard, topupAccount } from './fixtures/topups.ts'
import { maskCardNo, type MockDemoDevice } from './fixtures/households.ts'
import { beijingDateTime } from './fixtures/time.ts'
import { createMockIdempotency } from './idempotency.ts'

/**
 * Top-ups in the mocks. The preview needs no phone: a QR top-up pays itself after MOCK_QR_PAID_AFTER_S
 * of polling. Ids carry what GET needs (household, time, amount), so a reload or coming back to the
 * screen still shows the result. Card top-ups and credits live per handler set (a page load).
 */
export const MOCK_QR_PAID_AFTER_S = 6
export const MOCK_QR_TTL_S = 300
/** The BFF's defaults: wrong cards per account before the lock, and its length. */
export const MOCK_CARD_MAX_FAILURES = 5
export const MOCK_CARD_LOCK_S = 900

export interface TopupMockContext {
  at: (path: string) => string
  now: () => Date
  /** Network wait, routing, token, BOSS outage: the answer to send instead, or the box and its account. */
  admit: (request: Request) => Promise<Response | { device: MockDemoDevice; account: Account }>
  bossDown: boolean
}

const ID = /^T([CQ])M(\d{8})T(\d{10,16})N(\d{1,6})$/

export function createTopupMocks(ctx: TopupMockContext) {
  const idem = createMockIdempotency()
  const credits = new Map<string, Map<string, number>>() // customerId → topupId → fen
  const redeemed = new Set<string>()
  const cardTopups = new Map<string, Topup>()
  const failures = new Map<string, { count: number; resetAt: number }>()

  const credited = (customerId: string) => [...(credits.get(customerId)?.values() ?? [])].reduce((s, f) => s + f, 0)
  const credit = (customerId: string, topupId: string, fen: number) => {
    const mine = credits.get(customerId) ?? new Map<string, number>()
    mine.set(topupId, fen)
    credits.set(customerId, mine)
  }
  /** The account the data routes show: the scenario's figures plus this page load's top-ups. */
  const account = (a: Account): Account => accountAfter(a, credited(a.customerId))

  function qrTopup(id: string, created: Date, amountFen: number, base: Account, requestUrl: string): Topup {
    const ageS = (ctx.now().getTime() - created.getTime()) / 1000
    const paid = ageS >= MOCK_QR_PAID_AFTER_S
    if (paid) credit(base.customerId, id, amountFen)
    const expiresAt = new Date(created.getTime() + MOCK_QR_TTL_S * 1000)
    return {
      topupId: id,
      method: 'qr',
      status: paid ? 'succeeded' : 'pending',
      amountFen,
      createdAt: beijingDateTime(created),
      completedAt: paid ? beijingDateTime(new Date(created.getTime() + MOCK_QR_PAID_AFTER_S * 1000)) : null,
      cardNoMasked: null,
      // Absolute, as the TV encodes it into the QR image; nothing serves it: in the preview the code pays itself.
      qr: paid
        ? null
        : {
            payUrl: new URL(`/mock-pay/${id}`, requestUrl).href,
            expiresAt: beijingDateTime(expiresAt),
            expiresInSeconds: Math.max(0, Math.ceil(MOCK_QR_TTL_S - ageS)),
          },
      account: paid ? topupAccount(account(base)) : null,
    }
  }

  const handlers: HttpHandler[] = [
    http.post(ctx.at(TopupPath.card), async ({ request }) => {
      const admitted = await ctx.admit(request)
      if (admitted instanceof Response) return admitted
      const body = await readJsonBody<CardTopupRequest>(request, CardTopupRequest)
      if (body instanceof Response) return body
      const { cardNo, password } = body
      const { device, account: base } = admitted
      return idem(request, device.customerId, { cardNo }, async () => {
        const nowMs = ctx.now().getTime()
        const fails = failures.get(device.customerId)
        if (fails && fails.resetAt <= nowMs) failures.delete(device.customerId)
        const lock = failures.get(device.customerId)
        const locked = (state: { resetAt: number }) => {
          const retryAfter = Math.ceil((state.resetAt - nowMs) / 1000)
          return errorResponse(
            429,
            'LOCKED',
            `Too many wrong prepaid cards; card top-up is locked for ${Math.ceil(retryAfter / 60)} minutes`,
            { retryAfter, attemptsLeft: 0 },
          )
        }
        if (lock && lock.count >= MOCK_CARD_MAX_FAILURES) return locked(lock)
        if (ctx.bossDown)
          return errorResponse(503, 'BOSS_UNAVAILABLE', 'The BOSS is not available right now; try again shortly', {
            retryAfter: 10,
          })
        const outcome = checkCard(cardNo, password, base.regionName, redeemed)
        if (!outcome.ok) {
          if (outcome.refusal === 'used')
            return errorResponse(409, 'CARD_USED', 'This prepaid card has already been used')
          if (outcome.refusal === 'expired') return errorResponse(422, 'CARD_EXPIRED', 'This prepaid card has expired')
          if (outcome.refusal === 'notAllowed')
            return errorResponse(
              422,
              'CARD_NOT_ALLOWED',
              'This prepaid card cannot be used for this account (another region)',
            )
          const state = lock ?? { count: 0, resetAt: nowMs + MOCK_CARD_LOCK_S * 1000 }
          state.count++
          failures.set(device.customerId, state)
          if (state.count >= MOCK_CARD_MAX_FAILURES) return locked(state)
          return errorResponse(422, 'CARD_INVALID', 'The prepaid card number or password is wrong', {
            attemptsLeft: MOCK_CARD_MAX_FAILURES - state.count,
          })
        }
        failures.delete(device.customerId)
        redeemed.add(cardNo)
        const id = `TCM${device.customerId.slice(1)}T${nowMs}N${outcome.card.faceValueFen}`
        credit(device.customerId, id, outcome.card.faceValueFen)
        const at = beijingDateTime(ctx.now())
        const topup: Topup = {
          topupId: id,
          method: 'card',
          status: 'succeeded',
          amountFen: outcome.card.faceValueFen,
          createdAt: at,
          completedAt: at,
          cardNoMasked: maskCardNo(cardNo),
          qr: null,
          account: topupAccount(account(base)),
        }
        cardTopups.set(id, topup)
        return { status: 200, body: topup }
      })
    }),

    http.post(ctx.at(TopupPath.qr), async ({ request }) => {
      const admitted = await ctx.admit(request)
      if (admitted instanceof Response) return admitted
      const body = await readJsonBody<QrTopupRequest>(request, QrTopupRequest)
      if (body instanceof Response) return body
      const { amountFen } = body
      const { device, account: base } = admitted
      return idem(request, device.customerId, { amountFen }, async () => {
        if (ctx.bossDown)
          return errorResponse(503, 'BOSS_UNAVAILABLE', 'The BOSS is not available right now; try again shortly', {
            retryAfter: 10,
          })
        const created = ctx.now()
        const id = `TQM${device.customerId.slice(1)}T${created.getTime()}N${amountFen}`
        return { status: 201, body: qrTopup(id, created, amountFen, base, request.url) }
      })
    }),

    http.get(ctx.at(TopupPath.topup), async ({ request, params }) => {
      const admitted = await ctx.admit(request)
      if (admitted instanceof Response) return admitted
      const p = { topupId: params.topupId }
      if (!Value.Check(TopupIdParams, p)) return badRequest('params.topupId has the wrong format')
      if (ctx.bossDown)
        return errorResponse(503, 'BOSS_UNAVAILABLE', 'The BOSS is not available right now; try again shortly', {
          retryAfter: 10,
        })
      const m = ID.exec(p.topupId)
      const { device, account: base } = admitted
      if (!m || `C${m[2]}` !== device.customerId) return notFound('No such top-up for this account')
      if (m[1] === 'Q')
        return HttpResponse.json(qrTopup(p.topupId, new Date(Number(m[3])), Number(m[4]), base, request.url))
      const card = cardTopups.get(p.topupId)
      if (!card) return notFound('No such top-up for this account')
      return HttpResponse.json({ ...card, account: topupAccount(account(base)) } satisfies Topup)
    }),
  ]
  return { handlers, account }
}
