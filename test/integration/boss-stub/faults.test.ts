import { afterEach, describe, expect, it } from 'vitest'
import { admin, call, callRaw, envelope, setFaults } from './bossClient.ts'
import { useTempStub } from './tempStub.ts'

const stub = useTempStub()
afterEach(() => admin(stub.url, '/admin/faults/reset', { method: 'POST' }))

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now()
  const r = await work()
  return [r, performance.now() - t0]
}

describe('fault injection', () => {
  it('commitThenTimeout: the client times out, yet ORDER_QRY shows the order committed and charged once', async () => {
    await setFaults(stub.url, { commitThenTimeout: true, holdMs: 10_000 })
    const before = (await admin<{ balanceFen: number }>(stub.url, '/admin/accounts/C00000001')).balanceFen
    const body = {
      CUST_ID: 'C00000001',
      ORDER_NO: 'TV-lost-1',
      PROD_ID: 'P_DOC',
      PERIOD_MONTHS: '1',
      PIN: '123456',
      AUTO_RENEW: 'N',
    }
    await expect(call(stub.url, 'ORDER_CREATE', body, { signal: AbortSignal.timeout(400) })).rejects.toThrow()
    // Read services still answer while the fault is on: only money-moving ones go silent.
    const q = await call(stub.url, 'ORDER_QRY', { CUST_ID: 'C00000001', ORDER_NO: 'TV-lost-1' })
    expect(q.HEAD.RSP_CODE).toBe('0000')
    expect(q.BODY.ORDER_STATUS).toBe('2')
    expect((await admin<{ balanceFen: number }>(stub.url, '/admin/accounts/C00000001')).balanceFen).toBe(
      before - Number(q.BODY.FEE),
    )
    await admin(stub.url, '/admin/faults/reset', { method: 'POST' })
    const retry = await call(stub.url, 'ORDER_CREATE', body)
    expect(retry.HEAD.RSP_CODE).toBe('3002')
    expect(
      (await admin<{ charges: { byRef: Record<string, { count: number }> } }>(stub.url, '/admin/stats')).charges.byRef[
        'TV-lost-1'
      ].count,
    ).toBe(1)
  })

  it('latencyMs delays answers, only for the services named', async () => {
    await setFaults(stub.url, { latencyMs: 300, services: ['ACCT_BAL_QRY'] })
    const [slow, slowMs] = await timed(() => call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: 'C00000001' }))
    expect(slow.HEAD.RSP_CODE).toBe('0000')
    expect(slowMs).toBeGreaterThanOrEqual(290)
    const [, fastMs] = await timed(() => call(stub.url, 'PROD_LIST_QRY', {}))
    expect(fastMs).toBeLessThan(250)
  })

  it('down answers HTTP 503, or drops the connection in drop mode', async () => {
    await setFaults(stub.url, { down: true })
    const res = await callRaw(stub.url, envelope('ACCT_BAL_QRY', { CUST_ID: 'C00000001' }))
    expect(res.status).toBe(503)
    expect((await admin<{ down: boolean }>(stub.url, '/healthz')).down).toBe(true)
    await setFaults(stub.url, { downMode: 'drop' })
    await expect(callRaw(stub.url, envelope('ACCT_BAL_QRY', { CUST_ID: 'C00000001' }))).rejects.toThrow()
    await admin(stub.url, '/admin/faults/reset', { method: 'POST' })
    expect((await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: 'C00000001' })).HEAD.RSP_CODE).toBe('0000')
  })

  it('errorRate 1 fails every request as HTTP 500 or RSP_CODE 9999, as asked', async () => {
    await setFaults(stub.url, { errorRate: 1, errorKind: 'http500' })
    expect((await callRaw(stub.url, envelope('ACCT_BAL_QRY', { CUST_ID: 'C00000001' }))).status).toBe(500)
    await setFaults(stub.url, { errorKind: 'rsp9999' })
    expect((await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: 'C00000001' })).HEAD.RSP_CODE).toBe('9999')
  })

  it('refuses an invalid fault setting with HTTP 400 and keeps the old one', async () => {
    await setFaults(stub.url, { latencyMs: 10 })
    const res = await fetch(`${stub.url}/admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    })
    expect(res.status).toBe(400)
    expect(await admin<{ latencyMs: number; errorRate: number }>(stub.url, '/admin/faults')).toMatchObject({
      latencyMs: 10,
      errorRate: 0,
    })
  })
})
