import { describe, expect, it } from 'vitest'
import { BossError } from '../../../boss-stub/protocol/codes.ts'
import { openEnvelope } from '../../../boss-stub/protocol/envelope.ts'
import { computeSign } from '../../../boss-stub/protocol/sign.ts'
import { formatTime } from '../../../boss-stub/protocol/time.ts'

const secrets = { TVHALL: 'tvhall-dev-secret' }
const now = new Date('2026-11-22T12:15:00Z')

function signed(body: Record<string, string>, time = now, secret = 'tvhall-dev-secret') {
  const head: Record<string, string> = {
    SVC_CODE: 'ACCT_BAL_QRY',
    CHNL_ID: 'TVHALL',
    REQ_SEQ: 'TVH1',
    REQ_TIME: formatTime(time),
  }
  head.SIGN = computeSign({ ...head, ...body }, secret)
  return { HEAD: head, BODY: body }
}

function codeOf(raw: unknown): string {
  try {
    openEnvelope(raw, secrets, now)
    return '0000'
  } catch (err) {
    if (err instanceof BossError) return err.code
    throw err
  }
}

describe('request envelope checks', () => {
  it('opens a well-formed, well-signed request', () => {
    const req = openEnvelope(signed({ CUST_ID: 'C00000001' }), secrets, now)
    expect(req.head.SVC_CODE).toBe('ACCT_BAL_QRY')
    expect(req.body).toEqual({ CUST_ID: 'C00000001' })
  })

  it('refuses shapes with 1002', () => {
    expect(codeOf(null)).toBe('1002')
    expect(codeOf({ HEAD: {} })).toBe('1002')
    const numeric = signed({ CUST_ID: 'C00000001' }) as { HEAD: Record<string, string>; BODY: Record<string, unknown> }
    numeric.BODY.AMOUNT = 100
    expect(codeOf(numeric)).toBe('1002')
    const noSeq = signed({})
    delete (noSeq.HEAD as Partial<Record<string, string>>).REQ_SEQ
    expect(codeOf(noSeq)).toBe('1002')
    expect(codeOf({ ...signed({}), HEAD: { ...signed({}).HEAD, REQ_TIME: '2026-11-22' } })).toBe('1002')
  })

  it('refuses a wrong signature, a foreign channel, and a stale or future time with 1001', () => {
    const tampered = signed({ CUST_ID: 'C00000001' })
    tampered.BODY.CUST_ID = 'C00000002'
    expect(codeOf(tampered)).toBe('1001')
    expect(codeOf(signed({}, now, 'wrong-secret'))).toBe('1001')
    expect(codeOf({ ...signed({}), HEAD: { ...signed({}).HEAD, CHNL_ID: 'WEBHALL' } })).toBe('1001')
    expect(codeOf(signed({}, new Date(now.getTime() - 301_000)))).toBe('1001')
    expect(codeOf(signed({}, new Date(now.getTime() + 301_000)))).toBe('1001')
    expect(codeOf(signed({}, new Date(now.getTime() - 299_000)))).toBe('0000')
  })
})
