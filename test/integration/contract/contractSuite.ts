import { describe, expect, it } from 'vitest'
import { Account, ApiPath, BillDetail, BillListResponse, PaymentListResponse } from '../../../src/contract/index.ts'
import { expectError, expectOk, openSession, send, walkPages, type ContractTarget } from './contractClient.ts'
import { describeSessionContract } from './sessionContract.ts'
import { describeTopupContract } from './topupContract.ts'
import { describeOrderContract } from './orderContract.ts'
import { describeMessagesContract } from './messagesContract.ts'
import { describeUsageContract } from './usageContract.ts'

const DATA_ROUTES = [ApiPath.account, ApiPath.bills, ApiPath.payments, '/api/v1/bills/B202601C00000001'] as const

/**
 * The BFF's HTTP contract as behaviour: run against the msw mocks and against the real BFF,
 * so the mocks the app is previewed and tested with cannot drift from what production answers.
 * Shape and behaviour only; the data differs between targets.
 */
export function describeContract(name: string, getTarget: () => ContractTarget): void {
  describe(`BFF contract: ${name}`, () => {
    describeSessionContract(getTarget)
    describeTopupContract(getTarget)
    describeOrderContract(getTarget)
    describeMessagesContract(getTarget)
    describeUsageContract(getTarget)

    describe('authorization', () => {
      it.each(DATA_ROUTES)('answers 401 UNAUTHORIZED to %s without a token', async (path) => {
        expectError(await send(getTarget(), path), 401, 'UNAUTHORIZED', `${path} without token`)
      })

      it.each(DATA_ROUTES)('answers 401 UNAUTHORIZED to %s with a forged token', async (path) => {
        const res = await send(getTarget(), path, { token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' })
        expectError(res, 401, 'UNAUTHORIZED', `${path} with forged token`)
      })

      it('answers 401 TOKEN_EXPIRED for a token that ran out, so the box renews it silently', async (ctx) => {
        const t = getTarget()
        if (!t.expiredToken) return ctx.skip()
        const res = await send(t, ApiPath.account, { token: await t.expiredToken() })
        expectError(res, 401, 'TOKEN_EXPIRED', 'expired token')
      })
    })

    describe('account', () => {
      it('answers the box its own account', async () => {
        const t = getTarget()
        const device = t.devices[0]
        const res = await send(t, ApiPath.account, { token: await openSession(t) })
        expectOk(Account, res, 'account')
        const account = res.body as Account
        if (device.customerId) expect(account.customerId).toBe(device.customerId)
        expect(account.cardNoMasked.slice(0, 4)).toBe(device.cardNo.slice(0, 4))
        expect(account.cardNoMasked.slice(-4)).toBe(device.cardNo.slice(-4))
        expect(account.cardNoMasked).not.toContain(device.cardNo.slice(4, 12))
        expect(account.status === 'normal').toBe(account.arrearsFen === 0)
      })
    })

    describe('bills', () => {
      it('pages through every bill exactly once, in the same order as one big page', async () => {
        const t = getTarget()
        const token = await openSession(t)
        const all = await walkPages(t, ApiPath.bills, token, BillListResponse, 50)
        expect(all.items.length, 'the first demo box needs bills').toBeGreaterThan(2)
        const small = await walkPages(t, ApiPath.bills, token, BillListResponse, 2)
        expect(small.pages).toBe(Math.ceil(all.items.length / 2))
        expect(small.items.map((b) => b.billId)).toEqual(all.items.map((b) => b.billId))
        expect(new Set(all.items.map((b) => b.billId)).size).toBe(all.items.length)
        const months = all.items.map((b) => b.month)
        expect(months, 'newest first').toEqual([...months].sort().reverse())
      })

      it('answers each listed bill with its items, adding up to its total', async () => {
        const t = getTarget()
        const token = await openSession(t)
        const list = await send(t, `${ApiPath.bills}?limit=50`, { token })
        expectOk(BillListResponse, list, 'bills')
        for (const summary of list.body.items.slice(0, 6)) {
          const res = await send(t, `${ApiPath.bills}/${summary.billId}`, { token })
          expectOk(BillDetail, res, `bill ${summary.billId}`)
          const bill = res.body as BillDetail
          expect(bill).toMatchObject(summary)
          expect(bill.totalFen, `${bill.billId} total`).toBe(bill.lines.reduce((sum, l) => sum + l.amountFen, 0))
          expect(bill.periodStart <= bill.periodEnd).toBe(true)
        }
      })

      it('answers 404 NOT_FOUND for an unknown bill', async () => {
        const t = getTarget()
        const res = await send(t, `${ApiPath.bills}/B190001NOSUCHBILL`, { token: await openSession(t) })
        expectError(res, 404, 'NOT_FOUND', 'unknown bill')
      })

      it("answers 404 NOT_FOUND for another household's bill", async (ctx) => {
        const t = getTarget()
        if (!t.devices[1]) return ctx.skip()
        const theirs = await send(t, `${ApiPath.bills}?limit=1`, { token: await openSession(t, t.devices[1]) })
        expectOk(BillListResponse, theirs, 'other household bills')
        if (theirs.body.items.length === 0) return ctx.skip()
        const res = await send(t, `${ApiPath.bills}/${theirs.body.items[0].billId}`, { token: await openSession(t) })
        expectError(res, 404, 'NOT_FOUND', 'bill of another household')
      })

      it.each(['bad!id', 'x'.repeat(41), 'bill%20one'])(
        'answers 400 BAD_REQUEST for the malformed id %s',
        async (id) => {
          const t = getTarget()
          expectError(await send(t, `${ApiPath.bills}/${id}`, { token: await openSession(t) }), 400, 'BAD_REQUEST', id)
        },
      )

      it.each([
        'limit=0',
        'limit=51',
        'limit=abc',
        'limit=2.5',
        'limit=1&limit=2',
        'cursor=not%20a%20cursor',
        'sort=month',
      ])('answers 400 BAD_REQUEST for %s', async (q) => {
        const t = getTarget()
        expectError(await send(t, `${ApiPath.bills}?${q}`, { token: await openSession(t) }), 400, 'BAD_REQUEST', q)
      })
    })

    describe('payments', () => {
      it('pages through every payment exactly once, newest first', async () => {
        const t = getTarget()
        const token = await openSession(t)
        const all = await walkPages(t, ApiPath.payments, token, PaymentListResponse, 50)
        expect(all.items.length, 'the first demo box needs payments').toBeGreaterThan(1)
        const small = await walkPages(t, ApiPath.payments, token, PaymentListResponse, 1)
        expect(small.items.map((p) => p.paymentId)).toEqual(all.items.map((p) => p.paymentId))
        const times = all.items.map((p) => Date.parse(p.paidAt))
        expect(times).toEqual([...times].sort((a, b) => b - a))
      })
    })

    describe('BOSS outage', () => {
      it.for(DATA_ROUTES)('answers %s with 503 BOSS_UNAVAILABLE and when to retry', async (path, ctx) => {
        const t = getTarget()
        if (!t.setBossDown) return ctx.skip()
        const token = await openSession(t)
        await t.setBossDown(true)
        try {
          const res = await send(t, path, { token })
          expectError(res, 503, 'BOSS_UNAVAILABLE', path)
          expect(res.body.error.retryAfter).toBeGreaterThan(0)
          expect(res.retryAfter).toBe(String(res.body.error.retryAfter))
        } finally {
          await t.setBossDown(false)
        }
      })
    })

    describe('unknown routes', () => {
      it.each([
        ['GET', '/api/v1/no-such-thing'],
        ['DELETE', ApiPath.account],
      ])('answer %s %s with 404 NOT_FOUND', async (method, path) => {
        const t = getTarget()
        expectError(await send(t, path, { method, token: await openSession(t) }), 404, 'NOT_FOUND', `${method} ${path}`)
      })
    })
  })
}
