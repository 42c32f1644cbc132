import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useSeededStub } from '../seededBoss.ts'
import { api, login, type Subscriber } from '../integration/harness.ts'
import { spawnBff } from '../spawnedBff.ts'

/**
 * Attack 3 of issue 15: a crash at the wrong moment. The BFF process is SIGKILLed while an order is at the
 * BOSS (which commits it and goes quiet). Restarted on the same store, the same order sent again with the
 * same key must come back completed, with one charge: not 409 for a day, and never a second ORDER_CREATE
 * that could charge again.
 */
const stub = useSeededStub('crash')

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${stub.boss.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  })

const startBff = () =>
  spawnBff({
    PORT: '0',
    HOST: '127.0.0.1',
    BOSS_URL: stub.boss.url,
    STORE_PATH: join(stub.dir, 'bff.sqlite'),
    BOSS_TIMEOUT_MS: '20000',
    IDEMPOTENCY_LEASE_SECONDS: '2',
    LOG_LEVEL: 'info',
  })

type Stats = {
  topups: { bySerial: Record<string, { count: number }> }
  requests: Record<string, number>
  charges: { byRef: Record<string, { count: number }> }
  orders: { byOrderNo: Record<string, number> }
}
const stats = async () => (await (await admin('/admin/stats')).json()) as Stats

describe('SIGKILL of the BFF while an order is at the BOSS', () => {
  it('the same order sent again after the restart completes with one charge', async () => {
    const subs = (await (await admin('/admin/subscribers')).json()) as Subscriber[]
    const sub = subs.find((s) => s.scenario === 'normal')!
    const first = startBff()
    const url1 = await first.url
    const token = await login({ bffUrl: url1 }, sub)
    const key = randomUUID()
    const body = { productId: 'P_OPERA', periodMonths: 1, pin: sub.pin }

    // The BOSS commits the order and never answers: the BFF is waiting on it when it dies.
    await admin('/admin/faults', {
      method: 'PUT',
      body: JSON.stringify({ commitThenTimeout: true, holdMs: 60_000, services: ['ORDER_CREATE'] }),
    })
    const before = await stats()
    const lost = api({ bffUrl: url1 }, 'POST', '/api/v1/orders', {
      token,
      body,
      headers: { 'idempotency-key': key },
    }).catch(() => null)
    for (
      let i = 0;
      i < 100 && ((await stats()).requests.ORDER_CREATE ?? 0) === (before.requests.ORDER_CREATE ?? 0);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50))
    }
    first.child.kill('SIGKILL')
    await lost
    await admin('/admin/faults/reset', { method: 'POST' })
    const committed = await stats()
    expect((committed.requests.ORDER_CREATE ?? 0) - (before.requests.ORDER_CREATE ?? 0)).toBe(1)

    const second = startBff()
    try {
      const url2 = await second.url
      const token2 = await login({ bffUrl: url2 }, sub)
      // The viewer comes back to the same order: the box still holds its key.
      let answer = await api({ bffUrl: url2 }, 'POST', '/api/v1/orders', {
        token: token2,
        body,
        headers: { 'idempotency-key': key },
      })
      for (const until = Date.now() + 20_000; answer.status === 409 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 250))
        answer = await api({ bffUrl: url2 }, 'POST', '/api/v1/orders', {
          token: token2,
          body,
          headers: { 'idempotency-key': key },
        })
      }
      expect(answer.status).toBe(201)
      expect(answer.body).toMatchObject({ productId: 'P_OPERA', status: 'completed' })
      const after = await stats()
      expect(after.charges.byRef[answer.body.orderId]?.count).toBe(1)
      expect(after.orders.byOrderNo[answer.body.orderId]).toBe(1)
      // Answered from ORDER_QRY: no second ORDER_CREATE went to the BOSS.
      expect(after.requests.ORDER_CREATE).toBe(committed.requests.ORDER_CREATE)
    } finally {
      second.child.kill('SIGKILL')
    }
  })

  it('a card top-up cut off by the crash is settled by the sweeper with the BOSS, before the box asks again', async () => {
    const subs = (await (await admin('/admin/subscribers')).json()) as Subscriber[]
    const sub = subs.find((s) => s.scenario === 'arrears')!
    const cards = (await (
      await admin('/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=100')
    ).json()) as { cardNo: string; password: string }[]
    const card = { cardNo: cards[0].cardNo, password: cards[0].password }
    const first = startBff()
    const url1 = await first.url
    const token = await login({ bffUrl: url1 }, sub)
    const key = randomUUID()
    await admin('/admin/faults', {
      method: 'PUT',
      body: JSON.stringify({ commitThenTimeout: true, holdMs: 60_000, services: ['CARD_RECHARGE'] }),
    })
    const before = await stats()
    const lost = api({ bffUrl: url1 }, 'POST', '/api/v1/topups/card', {
      token,
      body: card,
      headers: { 'idempotency-key': key },
    }).catch(() => null)
    for (
      let i = 0;
      i < 100 && ((await stats()).requests.CARD_RECHARGE ?? 0) === (before.requests.CARD_RECHARGE ?? 0);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50))
    }
    first.child.kill('SIGKILL')
    await lost
    await admin('/admin/faults/reset', { method: 'POST' })

    const second = startBff()
    try {
      const url2 = await second.url
      for (
        const until = Date.now() + 15_000;
        !second.output().includes('settled with the BOSS') && Date.now() < until;
      ) {
        await new Promise((r) => setTimeout(r, 200))
      }
      expect(second.output()).toContain('settled with the BOSS')
      const token2 = await login({ bffUrl: url2 }, sub)
      const answer = await api({ bffUrl: url2 }, 'POST', '/api/v1/topups/card', {
        token: token2,
        body: card,
        headers: { 'idempotency-key': key },
      })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('idempotent-replayed')).toBe('true')
      const after = await stats()
      expect(after.requests.CARD_RECHARGE).toBe((before.requests.CARD_RECHARGE ?? 0) + 1)
      expect(after.topups.bySerial[answer.body.topupId]?.count).toBe(1)
    } finally {
      second.child.kill('SIGKILL')
    }
  })
})
