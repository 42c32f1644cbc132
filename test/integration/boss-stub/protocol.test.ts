import { describe, expect, it } from 'vitest'
import { call, callRaw, envelope, sign } from './bossClient.ts'
import { useTempStub } from './tempStub.ts'

const stub = useTempStub()

describe('BOSS gateway protocol over HTTP', () => {
  it('answers a signed request with 0000 and echoes REQ_SEQ', async () => {
    const a = await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: 'C00000001' })
    expect(a.HEAD.RSP_CODE).toBe('0000')
    expect(a.HEAD.RSP_TIME).toMatch(/^\d{14}$/)
    expect(a.BODY.ACCT_ID).toBe('A00000001')
  })

  it('refuses a bad signature with 1001 (HTTP 200)', async () => {
    const a = await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: 'C00000001' }, { secret: 'not-the-secret' })
    expect(a.HEAD.RSP_CODE).toBe('1001')
    expect(a.BODY).toEqual({})
  })

  it('refuses a body changed after signing with 1001', async () => {
    const a = await call(
      stub.url,
      'ACCT_BAL_QRY',
      { CUST_ID: 'C00000001' },
      {
        tamper: (e) => {
          e.BODY.CUST_ID = 'C00000002'
        },
      },
    )
    expect(a.HEAD.RSP_CODE).toBe('1001')
  })

  it('refuses a request time 10 minutes off with 1001', async () => {
    const a = await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: 'C00000001' }, { time: new Date(Date.now() - 600_000) })
    expect(a.HEAD.RSP_CODE).toBe('1001')
  })

  it('answers an unknown service with 1003', async () => {
    const a = await call(stub.url, 'ACCT_TRANSFER', { CUST_ID: 'C00000001' })
    expect(a.HEAD.RSP_CODE).toBe('1003')
  })

  it('answers missing or malformed parameters with 1002', async () => {
    expect((await call(stub.url, 'ACCT_BAL_QRY', {})).HEAD.RSP_CODE).toBe('1002')
    expect((await call(stub.url, 'ACCT_BAL_QRY', { CUST_ID: '1; DROP TABLE account' })).HEAD.RSP_CODE).toBe('1002')
    const res = await callRaw(stub.url, '{"HEAD": ')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { HEAD: { RSP_CODE: string } }).HEAD.RSP_CODE).toBe('1002')
  })

  it('answers a non-string BODY value with 1002 even when signed', async () => {
    const env = envelope('ACCT_BAL_QRY', { CUST_ID: 'C00000001' })
    const body = { ...env.BODY, PAGE_NO: 1 }
    const { SIGN: _unused, ...unsigned } = env.HEAD
    const head = { ...env.HEAD, SIGN: sign({ ...unsigned, ...env.BODY, PAGE_NO: '1' }, 'tvhall-dev-secret') }
    const res = await callRaw(stub.url, { HEAD: head, BODY: body })
    expect(((await res.json()) as { HEAD: { RSP_CODE: string } }).HEAD.RSP_CODE).toBe('1002')
  })

  it('counts requests per service in /admin/stats', async () => {
    const before = (await (await fetch(`${stub.url}/admin/stats`)).json()) as { requests: Record<string, number> }
    await call(stub.url, 'PROD_LIST_QRY', {})
    await call(stub.url, 'PROD_LIST_QRY', {})
    const after = (await (await fetch(`${stub.url}/admin/stats`)).json()) as { requests: Record<string, number> }
    expect((after.requests.PROD_LIST_QRY ?? 0) - (before.requests.PROD_LIST_QRY ?? 0)).toBe(2)
  })
})
